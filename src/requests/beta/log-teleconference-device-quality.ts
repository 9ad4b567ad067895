import type { BetaLogTeleconferenceDeviceQualityParams } from '../../schemas/types.generated.ts'
import type { GraphRequest } from '../graph-request.ts'
import { postAction } from '../call-action.ts'
import { validateBetaLogTeleconferenceDeviceQualityParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/logTeleconferenceDeviceQuality`: the v1.0 action, whose reports may include screen sharing. */
export function logTeleconferenceDeviceQuality(params: BetaLogTeleconferenceDeviceQualityParams): GraphRequest {
  return postAction(['communications', 'calls'], 'logTeleconferenceDeviceQuality', { params, validate: validateBetaLogTeleconferenceDeviceQualityParams }, 'beta')
}
