import { beta, type ClientContextParams } from '../requests/index.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type {
  BetaAdmitAllFromLobbyOperation,
  BetaAdmitFromLobbyOperation,
  BetaCall,
  BetaInviteParticipantsOperation,
  BetaMuteParticipantsOperation,
  BetaPlayPromptOperation,
  BetaRecordOperation,
  BetaRemoveFromLobbyOperation,
  BetaStartHoldMusicOperation,
  BetaStartRecordingOperation,
  BetaStartTranscriptionOperation,
  BetaStopRecordingOperation,
  BetaStopTranscriptionOperation,
} from '../schemas/types.generated.ts'
import type { GraphResponse, SendOptions } from '../transport/graph-transport.ts'
import { act, type Send } from './act.ts'

/**
 * Graph's beta-only call actions, and the beta versions of actions whose beta API takes more parameters
 * (`client.beta.calls`). Their requests go to `/beta`, so only a client created with `apiVersion: 'beta'`
 * sends them; a v1.0 client refuses them before any I/O with an `UnsupportedActionError`.
 */
export class BetaCallActions {
  readonly #send: Send

  constructor(send: Send) {
    this.#send = send
  }

  /** `POST /beta/communications/calls`: places a call, or joins a meeting, with `ringingTimeoutInSeconds` and beta's media and participants. */
  create(params: beta.CreateCallParams, options?: SendOptions): Promise<GraphResponse<Inbound<BetaCall>>> {
    return act(this.#send, () => beta.createCall(params), options)
  }

  /** `POST /beta/communications/calls/{id}/answer`, with beta's media configuration (live captions, audio group). */
  answer(callId: string, params: beta.AnswerParams, options?: SendOptions): Promise<GraphResponse> {
    return act(this.#send, () => beta.answer(callId, params), options)
  }

  /** `POST /beta/communications/calls/{id}/transfer`, with beta's participant types (`platformId`). */
  transfer(callId: string, params: beta.TransferParams, options?: SendOptions): Promise<GraphResponse> {
    return act(this.#send, () => beta.transfer(callId, params), options)
  }

  /** `POST /beta/communications/calls/logTeleconferenceDeviceQuality`, whose reports may include screen sharing. */
  logTeleconferenceDeviceQuality(params: beta.LogTeleconferenceDeviceQualityParams, options?: SendOptions): Promise<GraphResponse> {
    return act(this.#send, () => beta.logTeleconferenceDeviceQuality(params), options)
  }

  /** `POST /beta/communications/calls/{id}/playPrompt`, with `loop`. */
  playPrompt(callId: string, params: beta.PlayPromptParams, options?: SendOptions): Promise<GraphResponse<Inbound<BetaPlayPromptOperation>>> {
    return act(this.#send, () => beta.playPrompt(callId, params), options)
  }

  /** `POST /beta/communications/calls/{id}/recordResponse`, with `streamWhileRecording`. */
  recordResponse(callId: string, params?: beta.RecordResponseParams, options?: SendOptions): Promise<GraphResponse<Inbound<BetaRecordOperation>>> {
    return act(this.#send, () => beta.recordResponse(callId, params), options)
  }

  /** `POST /beta/communications/calls/{id}/record`: records what the caller says (beta only). */
  record(callId: string, params?: beta.RecordParams, options?: SendOptions): Promise<GraphResponse<Inbound<BetaRecordOperation>>> {
    return act(this.#send, () => beta.record(callId, params), options)
  }

  /** `POST /beta/communications/calls/{id}/redirect`, with `targetDisposition`, `maskCallee` and `maskCaller`. */
  redirect(callId: string, params: beta.RedirectParams, options?: SendOptions): Promise<GraphResponse> {
    return act(this.#send, () => beta.redirect(callId, params), options)
  }

  /** `POST /beta/communications/calls/{id}/startRecording` (beta only). */
  startRecording(callId: string, params?: ClientContextParams, options?: SendOptions): Promise<GraphResponse<Inbound<BetaStartRecordingOperation>>> {
    return act(this.#send, () => beta.startRecording(callId, params), options)
  }

  /** `POST /beta/communications/calls/{id}/stopRecording` (beta only). */
  stopRecording(callId: string, params?: ClientContextParams, options?: SendOptions): Promise<GraphResponse<Inbound<BetaStopRecordingOperation>>> {
    return act(this.#send, () => beta.stopRecording(callId, params), options)
  }

  /** `POST /beta/communications/calls/{id}/startTranscription` (beta only). */
  startTranscription(callId: string, params?: beta.TranscriptionParams, options?: SendOptions): Promise<GraphResponse<Inbound<BetaStartTranscriptionOperation>>> {
    return act(this.#send, () => beta.startTranscription(callId, params), options)
  }

  /** `POST /beta/communications/calls/{id}/stopTranscription` (beta only). */
  stopTranscription(callId: string, params?: beta.TranscriptionParams, options?: SendOptions): Promise<GraphResponse<Inbound<BetaStopTranscriptionOperation>>> {
    return act(this.#send, () => beta.stopTranscription(callId, params), options)
  }
}

/** Graph's beta-only participant actions (`client.beta.participants`); a v1.0 client refuses them. */
export class BetaParticipantActions {
  readonly #send: Send

  constructor(send: Send) {
    this.#send = send
  }

  /** `POST /beta/communications/calls/{id}/participants/invite`, with beta's invitations (`endpointType`). */
  invite(callId: string, params: beta.InviteParams, options?: SendOptions): Promise<GraphResponse<Inbound<BetaInviteParticipantsOperation>>> {
    return act(this.#send, () => beta.invite(callId, params), options)
  }

  /** `POST /beta/communications/calls/{id}/participants/{id}/startHoldMusic`, with a prompt that can `loop`. */
  startHoldMusic(callId: string, participantId: string, params?: beta.StartHoldMusicParams, options?: SendOptions): Promise<GraphResponse<Inbound<BetaStartHoldMusicOperation> | undefined>> {
    return act(this.#send, () => beta.startHoldMusic(callId, participantId, params), options)
  }

  /** `POST /beta/communications/calls/{id}/participants/{id}/admitFromLobby` (beta only). */
  admitFromLobby(callId: string, participantId: string, params?: ClientContextParams, options?: SendOptions): Promise<GraphResponse<Inbound<BetaAdmitFromLobbyOperation>>> {
    return act(this.#send, () => beta.admitFromLobby(callId, participantId, params), options)
  }

  /** `POST /beta/communications/calls/{id}/participants/{id}/removeFromLobby` (beta only). */
  removeFromLobby(callId: string, participantId: string, params?: ClientContextParams, options?: SendOptions): Promise<GraphResponse<Inbound<BetaRemoveFromLobbyOperation>>> {
    return act(this.#send, () => beta.removeFromLobby(callId, participantId, params), options)
  }

  /** `POST /beta/communications/calls/{id}/participants/admitAllFromLobby` (beta only). */
  admitAllFromLobby(callId: string, params?: ClientContextParams, options?: SendOptions): Promise<GraphResponse<Inbound<BetaAdmitAllFromLobbyOperation>>> {
    return act(this.#send, () => beta.admitAllFromLobby(callId, params), options)
  }

  /** `POST /beta/communications/calls/{id}/participants/muteAll` (beta only). */
  muteAll(callId: string, params?: beta.MuteAllParams, options?: SendOptions): Promise<GraphResponse<Inbound<BetaMuteParticipantsOperation>>> {
    return act(this.#send, () => beta.muteAll(callId, params), options)
  }
}
