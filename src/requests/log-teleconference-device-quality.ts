import type { LogTeleconferenceDeviceQualityParams } from '../schemas/types.generated.ts'
import type { GraphRequest } from './graph-request.ts'
import { postAction } from './call-action.ts'
import { validateLogTeleconferenceDeviceQualityParams } from './validators.generated.ts'

/**
 * `POST /communications/calls/logTeleconferenceDeviceQuality`: reports the quality of a video
 * teleconferencing device's media leg (bound to the call collection, so it takes no call id).
 */
export function logTeleconferenceDeviceQuality(params: LogTeleconferenceDeviceQualityParams): GraphRequest {
  return postAction(['communications', 'calls'], 'logTeleconferenceDeviceQuality', { params, validate: validateLogTeleconferenceDeviceQualityParams })
}
