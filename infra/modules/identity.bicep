// The user-assigned identity the Function App runs as: storage (host, Durable task hub, app data, deployment
// package), Azure OpenAI and Application Insights ingestion, all without keys.

@description('Location for the identity.')
param location string

@description('Tags for the identity.')
param tags object

@description('User-assigned managed identity name.')
param name string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
