// A Flex Consumption (FC1) Function App on Linux running the .NET isolated worker. It runs as the given
// user-assigned identity and reaches storage, Azure OpenAI and Application Insights through it: the
// deployment package, AzureWebJobsStorage (host + Durable task hub) and telemetry use no keys.

@description('Location for the plan and the app.')
param location string

@description('Tags for the plan and the app; the app also gets azd-service-name.')
param tags object

@description('The azd service this app hosts (azure.yaml services key).')
param serviceName string

@description('Flex Consumption plan name.')
param planName string

@description('Function App name (also its default host name).')
param name string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity (identity-based connections name it).')
param identityClientId string

@description('Storage account for AzureWebJobsStorage and the deployment package.')
param storageAccountName string

@description('Blob container in that account that holds the deployment package.')
param deploymentContainerName string

@description('Application Insights connection string.')
param applicationInsightsConnectionString string

@description('Worker runtime version.')
param runtimeVersion string = '10.0'

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory per instance.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Azure OpenAI endpoint the app calls (with the identity, no key).')
param openAiEndpoint string

@description('6-field NCRONTAB schedule of the nightly timer (%NightlySchedule% in the trigger).')
param nightlySchedule string

@description('Durable Functions task hub name (%DurableTaskHubName% in host.json).')
param durableTaskHubName string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: runtimeVersion
      }
    }
  }
}

// Flex Consumption sets the worker runtime and host version from functionAppConfig: FUNCTIONS_WORKER_RUNTIME
// and FUNCTIONS_EXTENSION_VERSION are not app settings there (the platform rejects them).
resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: {
    // Host storage and the Durable task hub, identity-based.
    AzureWebJobsStorage__accountName: storage.name
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    // Telemetry with Entra ID (the component has local auth disabled).
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    // The app's own settings (AzureOpenAI:* binds to OpenAISettings; no ApiKey: token auth).
    AzureOpenAI__Endpoint: openAiEndpoint
    AzureOpenAI__ClientId: identityClientId
    // DefaultAzureCredential picks the user-assigned identity by this variable.
    AZURE_CLIENT_ID: identityClientId
    NightlySchedule: nightlySchedule
    DurableTaskHubName: durableTaskHubName
  }
}

// Deployments go through Entra ID (azd uses the OneDeploy endpoint with a token): no basic-auth publishing.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

output name string = functionApp.name
output id string = functionApp.id
output uri string = 'https://${functionApp.properties.defaultHostName}'
