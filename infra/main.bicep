// FunctionsBatch on Azure, the azd way: one resource group per azd environment holding a Flex Consumption
// Function App that runs as a user-assigned identity, its storage account (no shared keys), Azure OpenAI
// (no keys: an online and a GlobalBatch deployment) and Application Insights on a Log Analytics workspace.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Location for the resource group and everything in it.')
param location string

@description('Location for Azure OpenAI when the models are not offered in `location`; empty for `location`.')
param openAiLocation string = ''

@description('Object id of the developer running azd (AZURE_PRINCIPAL_ID); gets the same data roles as the app. Empty for none.')
param principalId string = ''

@description('Kind of principal `principalId` is: User for a developer, ServicePrincipal for a CI identity.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('When the nightly timer runs: 6-field NCRONTAB (seconds first), UTC unless WEBSITE_TIME_ZONE says otherwise.')
param nightlySchedule string = '0 0 2 * * *'

@minLength(3)
@maxLength(45)
@description('Durable Functions task hub name: letters and digits only, starting with a letter.')
param durableTaskHubName string = 'FunctionsBatch'

@description('Model for both Azure OpenAI deployments.')
param openAiModelName string = 'gpt-4o-mini'

@description('Model version for both Azure OpenAI deployments.')
param openAiModelVersion string = '2024-07-18'

@description('SKU of the online deployment.')
@allowed([
  'Standard'
  'GlobalStandard'
  'DataZoneStandard'
])
param openAiDeploymentSkuName string = 'GlobalStandard'

@minValue(1)
@description('Capacity of the online deployment, thousands of tokens per minute.')
param openAiDeploymentCapacity int = 30

@description('Also create a GlobalBatch deployment for the Batch API.')
param deployOpenAiBatch bool = true

@minValue(1)
@description('Capacity of the GlobalBatch deployment.')
param openAiBatchCapacity int = 50

@minValue(1)
@maxValue(1000)
@description('Most Flex Consumption instances the app scales out to.')
param maximumInstanceCount int = 100

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var serviceName = 'api'
var functionAppName = 'func-${resourceToken}'
var deploymentContainerName = 'app-package-${functionAppName}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    location: location
    tags: tags
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
  }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    location: location
    tags: tags
    name: 'id-${resourceToken}'
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    location: location
    tags: tags
    name: 'st${resourceToken}'
    deploymentContainerName: deploymentContainerName
  }
}

module openAi 'modules/openai.bicep' = {
  name: 'openai'
  scope: rg
  params: {
    location: empty(openAiLocation) ? location : openAiLocation
    tags: tags
    name: 'oai-${resourceToken}'
    modelName: openAiModelName
    modelVersion: openAiModelVersion
    deploymentSkuName: openAiDeploymentSkuName
    deploymentCapacity: openAiDeploymentCapacity
    deployBatch: deployOpenAiBatch
    batchCapacity: openAiBatchCapacity
  }
}

module appRoles 'modules/role-assignments.bicep' = {
  name: 'app-role-assignments'
  scope: rg
  params: {
    principalId: identity.outputs.principalId
    principalType: 'ServicePrincipal'
    storageAccountName: storage.outputs.name
    openAiAccountName: openAi.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module developerRoles 'modules/role-assignments.bicep' = if (!empty(principalId)) {
  name: 'developer-role-assignments'
  scope: rg
  params: {
    principalId: principalId
    principalType: principalType
    storageAccountName: storage.outputs.name
    openAiAccountName: openAi.outputs.name
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  params: {
    location: location
    tags: tags
    serviceName: serviceName
    planName: 'plan-${resourceToken}'
    name: functionAppName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    maximumInstanceCount: maximumInstanceCount
    openAiEndpoint: openAi.outputs.endpoint
    nightlySchedule: nightlySchedule
    durableTaskHubName: durableTaskHubName
  }
  // The host reaches storage with the identity as soon as it starts: grant the roles first.
  dependsOn: [
    appRoles
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_URL string = functionApp.outputs.uri
output AZURE_OPENAI_ENDPOINT string = openAi.outputs.endpoint
output AZURE_OPENAI_DEPLOYMENT_NAME string = openAi.outputs.deploymentName
output AZURE_OPENAI_BATCH_DEPLOYMENT_NAME string = openAi.outputs.batchDeploymentName
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString
