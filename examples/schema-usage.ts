// Validate a media configuration with the TypeBox schemas, and narrow on its `@odata.type`.
import { Value } from 'typebox/value'
import { MediaConfig } from 'graph-calling/schemas'

const config: MediaConfig = { '@odata.type': '#microsoft.graph.appHostedMediaConfig', blob: '<blob>' }
if (Value.Check(MediaConfig, config) && config['@odata.type'] === '#microsoft.graph.appHostedMediaConfig') {
  console.log('app-hosted media, blob of', config.blob?.length, 'characters')
}
