/** Parameters of `POST /communications/calls/logTeleconferenceDeviceQuality`. */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { Guid, Nullable, ODataType } from '../edm.ts'
import { TeleconferenceDeviceAudioQuality, TeleconferenceDeviceVideoQuality } from '../resources/teleconference-device.ts'
import { reportedMediaQuality } from './reported-media-quality.ts'

/** One media quality of a report, audio or video (told apart by `@odata.type`), with its `channelIndex`. */
export const TeleconferenceDeviceMediaQualityReport = Type.Union([reportedMediaQuality(TeleconferenceDeviceAudioQuality), reportedMediaQuality(TeleconferenceDeviceVideoQuality)])
/** One media quality of a report, with its `channelIndex`. */
export type TeleconferenceDeviceMediaQualityReport = Types.TeleconferenceDeviceMediaQualityReport

/**
 * The quality report of a video teleconferencing device's media leg: a `teleconferenceDeviceQuality` with
 * every property Graph's contract says cannot be null given (ids of the call chain, participant and leg, and
 * each media quality's `channelIndex`).
 * An open type, as in the contract: a property it does not declare goes through as given.
 */
export const TeleconferenceDeviceQualityReport = Type.Object(
  {
    '@odata.type': Type.Optional(ODataType('#microsoft.graph.teleconferenceDeviceQuality')),
    callChainId: Guid(),
    participantId: Guid(),
    mediaLegId: Guid(),
    deviceName: Type.String(),
    deviceDescription: Type.String(),
    mediaQualityList: Type.Array(TeleconferenceDeviceMediaQualityReport, { description: 'an array of teleconferenceDeviceAudioQuality and teleconferenceDeviceVideoQuality objects' }),
    cloudServiceDeploymentEnvironment: Type.Optional(Nullable(Type.String())),
    cloudServiceDeploymentId: Type.Optional(Nullable(Type.String())),
    cloudServiceInstanceName: Type.Optional(Nullable(Type.String())),
    cloudServiceName: Type.Optional(Nullable(Type.String())),
  },
)
/** The quality report of a video teleconferencing device's media leg. */
export type TeleconferenceDeviceQualityReport = Types.TeleconferenceDeviceQualityReport

/** The body of `call: logTeleconferenceDeviceQuality` (bound to the call collection, not to one call). */
export const LogTeleconferenceDeviceQualityParams = Type.Object({ quality: TeleconferenceDeviceQualityReport }, { additionalProperties: false })
/** The body of `call: logTeleconferenceDeviceQuality`. */
export type LogTeleconferenceDeviceQualityParams = Types.LogTeleconferenceDeviceQualityParams
