// Azure OpenAI: the account (Entra ID only, custom subdomain for token auth) and two deployments of one model:
// a standard one for online chunk processing and a GlobalBatch one for the Batch API (half price, 24 h window).

@description('Location for the account (it decides which models and deployment types are offered).')
param location string

@description('Tags for the account.')
param tags object

@description('Azure OpenAI account name; also its custom subdomain.')
param name string

@description('Model name, as the model catalogue spells it.')
param modelName string = 'gpt-4o-mini'

@description('Model version.')
param modelVersion string = '2024-07-18'

@description('Name of the online deployment: what job specs put in `model`.')
param deploymentName string = modelName

@description('SKU of the online deployment.')
@allowed([
  'Standard'
  'GlobalStandard'
  'DataZoneStandard'
])
param deploymentSkuName string = 'GlobalStandard'

@description('Capacity of the online deployment in thousands of tokens per minute.')
@minValue(1)
param deploymentCapacity int = 30

@description('Create the GlobalBatch deployment too (not every region offers it).')
param deployBatch bool = true

@description('Name of the GlobalBatch deployment.')
param batchDeploymentName string = '${modelName}-batch'

@description('Capacity of the GlobalBatch deployment (enqueued-token quota units; see the subscription\'s batch quota).')
@minValue(1)
param batchCapacity int = 50

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
    }
  }
}

resource deployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: deploymentName
  sku: {
    name: deploymentSkuName
    capacity: deploymentCapacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: modelName
      version: modelVersion
    }
    versionUpgradeOption: 'NoAutoUpgrade'
    raiPolicyName: 'Microsoft.DefaultV2'
  }
}

// Deployments of one account are created one after the other: ARM rejects concurrent writes to the parent.
resource batchDeployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = if (deployBatch) {
  parent: account
  name: batchDeploymentName
  sku: {
    name: 'GlobalBatch'
    capacity: batchCapacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: modelName
      version: modelVersion
    }
    versionUpgradeOption: 'NoAutoUpgrade'
    raiPolicyName: 'Microsoft.DefaultV2'
  }
  dependsOn: [
    deployment
  ]
}

output name string = account.name
output id string = account.id
output endpoint string = account.properties.endpoint
output deploymentName string = deployment.name
output batchDeploymentName string = deployBatch ? batchDeploymentName : ''
