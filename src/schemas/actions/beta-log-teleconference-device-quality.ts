/** Parameters of the beta `POST /communications/calls/logTeleconferenceDeviceQuality`. */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { TeleconferenceDeviceAudioQuality, TeleconferenceDeviceScreenSharingQuality, TeleconferenceDeviceVideoQualityBase } from '../beta/teleconference-device.ts'
import { TeleconferenceDeviceQualityReport } from './log-teleconference-device-quality.ts'
import { reportedMediaQuality } from './reported-media-quality.ts'

/** One media quality of a beta report: audio, video or screen sharing (told apart by `@odata.type`; one flat union, so each issue names its member), with its `channelIndex`. */
export const BetaTeleconferenceDeviceMediaQualityReport = Type.Union([
  reportedMediaQuality(TeleconferenceDeviceAudioQuality),
  reportedMediaQuality(TeleconferenceDeviceVideoQualityBase),
  reportedMediaQuality(TeleconferenceDeviceScreenSharingQuality),
])
/** One media quality of a beta report, with its `channelIndex`. */
export type BetaTeleconferenceDeviceMediaQualityReport = Types.BetaTeleconferenceDeviceMediaQualityReport

/** The quality report of a device's media leg on beta, whose media qualities include screen sharing; an open type, as on v1.0. */
export const BetaTeleconferenceDeviceQualityReport = Type.Object(
  {
    ...TeleconferenceDeviceQualityReport.properties,
    mediaQualityList: Type.Array(BetaTeleconferenceDeviceMediaQualityReport, {
      description: 'an array of teleconferenceDeviceAudioQuality, teleconferenceDeviceVideoQuality and teleconferenceDeviceScreenSharingQuality objects',
    }),
  },
)
/** The quality report of a device's media leg on beta. */
export type BetaTeleconferenceDeviceQualityReport = Types.BetaTeleconferenceDeviceQualityReport

/** The body of the beta `call: logTeleconferenceDeviceQuality`. */
export const BetaLogTeleconferenceDeviceQualityParams = Type.Object({ quality: BetaTeleconferenceDeviceQualityReport }, { additionalProperties: false })
/** The body of the beta `call: logTeleconferenceDeviceQuality`. */
export type BetaLogTeleconferenceDeviceQualityParams = Types.BetaLogTeleconferenceDeviceQualityParams
