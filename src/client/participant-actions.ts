import {
  getParticipant,
  invite,
  listParticipants,
  muteParticipant,
  removeParticipant,
  startHoldMusic,
  stopHoldMusic,
  type ClientContextParams,
  type InviteParams,
  type StartHoldMusicParams,
} from '../requests/index.ts'
import type { GraphResponse, SendOptions } from '../transport/graph-transport.ts'
import { act, type Send } from './act.ts'

/** The actions on `/communications/calls/{id}/participants` (`client.participants`). */
export class ParticipantActions {
  readonly #send: Send

  constructor(send: Send) {
    this.#send = send
  }

  /** `GET /communications/calls/{id}/participants`: lists a call's participants. */
  list(callId: string, options?: SendOptions) {
    return act(this.#send, () => listParticipants(callId), options)
  }

  /** `GET /communications/calls/{id}/participants/{id}`: reads one participant. */
  get(callId: string, participantId: string, options?: SendOptions) {
    return act(this.#send, () => getParticipant(callId, participantId), options)
  }

  /** `POST /communications/calls/{id}/participants/invite`: invites 1 to 5 participants. */
  invite(callId: string, params: InviteParams, options?: SendOptions) {
    return act(this.#send, () => invite(callId, params), options)
  }

  /** `POST /communications/calls/{id}/participants/{id}/mute`: mutes another participant. */
  mute(callId: string, participantId: string, params?: ClientContextParams, options?: SendOptions) {
    return act(this.#send, () => muteParticipant(callId, participantId, params), options)
  }

  /** `DELETE /communications/calls/{id}/participants/{id}`: removes a participant from the call. */
  remove(callId: string, participantId: string, options?: SendOptions): Promise<GraphResponse> {
    return act(this.#send, () => removeParticipant(callId, participantId), options)
  }

  /** `POST /communications/calls/{id}/participants/{id}/startHoldMusic`: puts a participant on hold. */
  startHoldMusic(callId: string, participantId: string, params?: StartHoldMusicParams, options?: SendOptions) {
    return act(this.#send, () => startHoldMusic(callId, participantId, params), options)
  }

  /** `POST /communications/calls/{id}/participants/{id}/stopHoldMusic`: takes a participant off hold. */
  stopHoldMusic(callId: string, participantId: string, params?: ClientContextParams, options?: SendOptions) {
    return act(this.#send, () => stopHoldMusic(callId, participantId, params), options)
  }
}
