/**
 * Parameters of the actions whose only parameter is `clientContext`: `call: mute`, `call: unmute`,
 * `call: subscribeToTone`, `call: cancelMediaProcessing`, `call: addLargeGalleryView`, `participant: mute`,
 * `participant: stopHoldMusic`, and the beta `startRecording`, `stopRecording`, `admitFromLobby`,
 * `admitAllFromLobby`, `removeFromLobby`.
 */
import { Type } from 'typebox'
import type * as Types from '../types.generated.ts'
import { OptionalClientContext } from './common.ts'

/** The body of an action that takes only a `clientContext` (at most 256 characters). */
export const ClientContextParams = Type.Object({ clientContext: OptionalClientContext }, { additionalProperties: false })
/** The body of an action that takes only a `clientContext`. */
export type ClientContextParams = Types.ClientContextParams
