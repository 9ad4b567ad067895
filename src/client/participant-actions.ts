import {
  beta,
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
import type { ApiVersion } from '../transport/clouds.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { InviteParticipantsOperation, MuteParticipantOperation, Participant, StartHoldMusicOperation, StopHoldMusicOperation } from '../schemas/types.generated.ts'
import type { GraphResponse, SendOptions } from '../transport/graph-transport.ts'
import { act, type Send } from './act.ts'

/**
 * The actions on `/communications/calls/{id}/participants` (`client.participants`). On a client created with
 * `apiVersion: 'beta'`, `invite` and `startHoldMusic` are checked against beta's parameters, which take more.
 */
export class ParticipantActions {
  readonly #send: Send
  readonly #beta: boolean

  constructor(send: Send, apiVersion: ApiVersion = 'v1.0') {
    this.#send = send
    this.#beta = apiVersion === 'beta'
  }

  /** `GET /communications/calls/{id}/participants`: lists a call's participants. */
  list(callId: string, options?: SendOptions): Promise<GraphResponse<{ value: Inbound<Participant>[] }>> {
    return act(this.#send, () => listParticipants(callId), options)
  }

  /** `GET /communications/calls/{id}/participants/{id}`: reads one participant. */
  get(callId: string, participantId: string, options?: SendOptions): Promise<GraphResponse<Inbound<Participant>>> {
    return act(this.#send, () => getParticipant(callId, participantId), options)
  }

  /** `POST /communications/calls/{id}/participants/invite`: invites 1 to 5 participants. */
  invite(callId: string, params: InviteParams, options?: SendOptions): Promise<GraphResponse<Inbound<InviteParticipantsOperation>>> {
    return act(this.#send, () => (this.#beta ? beta.invite(callId, params) : invite(callId, params)), options)
  }

  /** `POST /communications/calls/{id}/participants/{id}/mute`: mutes another participant. */
  mute(callId: string, participantId: string, params?: ClientContextParams, options?: SendOptions): Promise<GraphResponse<Inbound<MuteParticipantOperation>>> {
    return act(this.#send, () => muteParticipant(callId, participantId, params), options)
  }

  /** `DELETE /communications/calls/{id}/participants/{id}`: removes a participant from the call. */
  remove(callId: string, participantId: string, options?: SendOptions): Promise<GraphResponse> {
    return act(this.#send, () => removeParticipant(callId, participantId), options)
  }

  /** `POST /communications/calls/{id}/participants/{id}/startHoldMusic`: puts a participant on hold. */
  startHoldMusic(callId: string, participantId: string, params?: StartHoldMusicParams, options?: SendOptions): Promise<GraphResponse<Inbound<StartHoldMusicOperation> | undefined>> {
    return act(this.#send, () => (this.#beta ? beta.startHoldMusic(callId, participantId, params) : startHoldMusic(callId, participantId, params)), options)
  }

  /** `POST /communications/calls/{id}/participants/{id}/stopHoldMusic`: takes a participant off hold. */
  stopHoldMusic(callId: string, participantId: string, params?: ClientContextParams, options?: SendOptions): Promise<GraphResponse<Inbound<StopHoldMusicOperation> | undefined>> {
    return act(this.#send, () => stopHoldMusic(callId, participantId, params), options)
  }
}
