import {
  addLargeGalleryView,
  answer,
  beta,
  cancelMediaProcessing,
  changeScreenSharingRole,
  createCall,
  getCall,
  getOperation,
  hangUp,
  keepAlive,
  logTeleconferenceDeviceQuality,
  mute,
  playPrompt,
  recordResponse,
  redirect,
  reject,
  sendDtmfTones,
  subscribeToTone,
  transfer,
  unmute,
  updateRecordingStatus,
  type AnswerParams,
  type ChangeScreenSharingRoleParams,
  type ClientContextParams,
  type CreateCallParams,
  type LogTeleconferenceDeviceQualityParams,
  type PlayPromptParams,
  type RecordResponseParams,
  type RedirectParams,
  type RejectParams,
  type SendDtmfTonesParams,
  type TransferParams,
  type UpdateRecordingStatusParams,
} from '../requests/index.ts'
import type { GraphRequest } from '../requests/graph-request.ts'
import type { Call } from '../schemas/types.generated.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { ApiVersion } from '../transport/clouds.ts'
import type {
  AddLargeGalleryViewOperation,
  CancelMediaProcessingOperation,
  CommsOperation,
  MuteParticipantOperation,
  PlayPromptOperation,
  RecordOperation,
  SendDtmfTonesOperation,
  SubscribeToToneOperation,
  UnmuteParticipantOperation,
  UpdateRecordingStatusOperation,
} from '../schemas/types.generated.ts'
import type { GraphResponse, SendOptions } from '../transport/graph-transport.ts'
import { act, type Send } from './act.ts'

/**
 * The actions on `/communications/calls` (`client.calls`), one method per Graph action, named as Graph
 * names it. Each checks its parameters (a `ValidationError` before any I/O) and resolves once Graph has
 * accepted the request, with Graph's `requestId` and its typed answer in `body` (an operation, a call);
 * what then happens arrives as notifications. On a client created with `apiVersion: 'beta'`, the actions
 * whose beta parameters have more members than v1.0's are checked against beta's (Graph's beta API takes
 * what v1.0 takes, and more), so what beta adds is not refused.
 */
export class CallActions {
  readonly #send: Send
  readonly #beta: boolean

  constructor(send: Send, apiVersion: ApiVersion = 'v1.0') {
    this.#send = send
    this.#beta = apiVersion === 'beta'
  }

  /**
   * `POST /communications/calls`: places a call, or joins a meeting. Graph answers with the call; a beta
   * client gets beta's, which `client.beta.calls.create` types as such.
   */
  create(params: CreateCallParams, options?: SendOptions): Promise<GraphResponse<Inbound<Call>>> {
    return act<Inbound<Call>>(this.#send, () => (this.#beta ? (beta.createCall(params) as GraphRequest<Inbound<Call>>) : createCall(params)), options)
  }

  /** `GET /communications/calls/{id}`: reads a call. */
  get(callId: string, options?: SendOptions): Promise<GraphResponse<Inbound<Call>>> {
    return act(this.#send, () => getCall(callId), options)
  }

  /** `DELETE /communications/calls/{id}`: hangs up (leaves) a call. */
  hangUp(callId: string, options?: SendOptions): Promise<GraphResponse> {
    return act(this.#send, () => hangUp(callId), options)
  }

  /** `POST /communications/calls/{id}/answer`: answers an incoming call (within 15 s, 5 s for policy-based recording). */
  answer(callId: string, params: AnswerParams, options?: SendOptions): Promise<GraphResponse> {
    return act(this.#send, () => (this.#beta ? beta.answer(callId, params) : answer(callId, params)), options)
  }

  /** `POST /communications/calls/{id}/reject`: declines an incoming call (`reason`: none, busy or forbidden). */
  reject(callId: string, params?: RejectParams, options?: SendOptions): Promise<GraphResponse> {
    return act(this.#send, () => reject(callId, params), options)
  }

  /** `POST /communications/calls/{id}/redirect`: sends an incoming call on to 1 to 25 other targets. */
  redirect(callId: string, params: RedirectParams, options?: SendOptions): Promise<GraphResponse> {
    return act(this.#send, () => (this.#beta ? beta.redirect(callId, params) : redirect(callId, params)), options)
  }

  /** `POST /communications/calls/{id}/transfer`: transfers an active call. */
  transfer(callId: string, params: TransferParams, options?: SendOptions): Promise<GraphResponse> {
    return act(this.#send, () => (this.#beta ? beta.transfer(callId, params) : transfer(callId, params)), options)
  }

  /** `POST /communications/calls/{id}/keepAlive`: tells Graph the call is still wanted (at least every 45 minutes). */
  keepAlive(callId: string, options?: SendOptions): Promise<GraphResponse> {
    return act(this.#send, () => keepAlive(callId), options)
  }

  /** `POST /communications/calls/{id}/playPrompt`: plays audio prompts. */
  playPrompt(callId: string, params: PlayPromptParams, options?: SendOptions): Promise<GraphResponse<Inbound<PlayPromptOperation>>> {
    return act(this.#send, () => (this.#beta ? beta.playPrompt(callId, params) : playPrompt(callId, params)), options)
  }

  /** `POST /communications/calls/{id}/recordResponse`: records what the caller says. */
  recordResponse(callId: string, params?: RecordResponseParams, options?: SendOptions): Promise<GraphResponse<Inbound<RecordOperation>>> {
    return act(this.#send, () => (this.#beta ? beta.recordResponse(callId, params) : recordResponse(callId, params)), options)
  }

  /** `POST /communications/calls/{id}/subscribeToTone`: subscribes to the caller's DTMF tones. */
  subscribeToTone(callId: string, params?: ClientContextParams, options?: SendOptions): Promise<GraphResponse<Inbound<SubscribeToToneOperation>>> {
    return act(this.#send, () => subscribeToTone(callId, params), options)
  }

  /** `POST /communications/calls/{id}/sendDtmfTones`: sends DTMF tones. */
  sendDtmfTones(callId: string, params: SendDtmfTonesParams, options?: SendOptions): Promise<GraphResponse<Inbound<SendDtmfTonesOperation>>> {
    return act(this.#send, () => sendDtmfTones(callId, params), options)
  }

  /** `POST /communications/calls/{id}/cancelMediaProcessing`: stops the prompts and recordings in progress. */
  cancelMediaProcessing(callId: string, params?: ClientContextParams, options?: SendOptions): Promise<GraphResponse<Inbound<CancelMediaProcessingOperation>>> {
    return act(this.#send, () => cancelMediaProcessing(callId, params), options)
  }

  /** `POST /communications/calls/{id}/mute`: mutes the bot itself. */
  mute(callId: string, params?: ClientContextParams, options?: SendOptions): Promise<GraphResponse<Inbound<MuteParticipantOperation>>> {
    return act(this.#send, () => mute(callId, params), options)
  }

  /** `POST /communications/calls/{id}/unmute`: unmutes the bot itself. */
  unmute(callId: string, params?: ClientContextParams, options?: SendOptions): Promise<GraphResponse<Inbound<UnmuteParticipantOperation>>> {
    return act(this.#send, () => unmute(callId, params), options)
  }

  /** `POST /communications/calls/{id}/changeScreenSharingRole`: starts or stops sharing the screen. */
  changeScreenSharingRole(callId: string, params: ChangeScreenSharingRoleParams, options?: SendOptions): Promise<GraphResponse> {
    return act(this.#send, () => changeScreenSharingRole(callId, params), options)
  }

  /** `POST /communications/calls/{id}/updateRecordingStatus`: tells the participants whether the bot records. */
  updateRecordingStatus(callId: string, params: UpdateRecordingStatusParams, options?: SendOptions): Promise<GraphResponse<Inbound<UpdateRecordingStatusOperation>>> {
    return act(this.#send, () => updateRecordingStatus(callId, params), options)
  }

  /** `POST /communications/calls/{id}/addLargeGalleryView`: adds the large gallery view to the call. Graph answers 202 with the operation started (`undefined` when that body did not come whole). */
  addLargeGalleryView(callId: string, params?: ClientContextParams, options?: SendOptions): Promise<GraphResponse<Inbound<AddLargeGalleryViewOperation> | undefined>> {
    return act(this.#send, () => addLargeGalleryView(callId, params), options)
  }

  /** `POST /communications/calls/logTeleconferenceDeviceQuality`: reports a teleconference device's media quality. */
  logTeleconferenceDeviceQuality(params: LogTeleconferenceDeviceQualityParams, options?: SendOptions): Promise<GraphResponse> {
    return act(this.#send, () => (this.#beta ? beta.logTeleconferenceDeviceQuality(params) : logTeleconferenceDeviceQuality(params)), options)
  }

  /** `GET /communications/calls/{id}/operations/{id}`: reads an operation's status. */
  getOperation(callId: string, operationId: string, options?: SendOptions): Promise<GraphResponse<Inbound<CommsOperation>>> {
    return act(this.#send, () => getOperation(callId, operationId), options)
  }
}
