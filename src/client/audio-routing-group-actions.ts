import {
  createAudioRoutingGroup,
  deleteAudioRoutingGroup,
  getAudioRoutingGroup,
  listAudioRoutingGroups,
  updateAudioRoutingGroup,
  type AudioRoutingGroupParams,
  type UpdateAudioRoutingGroupParams,
} from '../requests/index.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { AudioRoutingGroup } from '../schemas/types.generated.ts'
import type { GraphResponse, SendOptions } from '../transport/graph-transport.ts'
import { act, type Send } from './act.ts'

/**
 * A call's audio routing groups (`client.audioRoutingGroups`), with which a bot with app-hosted media says
 * whose audio it receives from whom. Graph offers them in the global service only.
 */
export class AudioRoutingGroupActions {
  readonly #send: Send

  constructor(send: Send) {
    this.#send = send
  }

  /** `POST /communications/calls/{id}/audioRoutingGroups`: creates a group; Graph answers with it. */
  create(callId: string, params: AudioRoutingGroupParams, options?: SendOptions): Promise<GraphResponse<Inbound<AudioRoutingGroup>>> {
    return act(this.#send, () => createAudioRoutingGroup(callId, params), options)
  }

  /** `GET /communications/calls/{id}/audioRoutingGroups`: lists the call's groups. */
  list(callId: string, options?: SendOptions): Promise<GraphResponse<{ value: Inbound<AudioRoutingGroup>[] }>> {
    return act(this.#send, () => listAudioRoutingGroups(callId), options)
  }

  /** `GET /communications/calls/{id}/audioRoutingGroups/{groupId}`: reads one group. */
  get(callId: string, groupId: string, options?: SendOptions): Promise<GraphResponse<Inbound<AudioRoutingGroup>>> {
    return act(this.#send, () => getAudioRoutingGroup(callId, groupId), options)
  }

  /** `PATCH /communications/calls/{id}/audioRoutingGroups/{groupId}`: changes a group's mode, sources or receivers. */
  update(callId: string, groupId: string, params: UpdateAudioRoutingGroupParams, options?: SendOptions): Promise<GraphResponse<Inbound<AudioRoutingGroup>>> {
    return act(this.#send, () => updateAudioRoutingGroup(callId, groupId, params), options)
  }

  /** `DELETE /communications/calls/{id}/audioRoutingGroups/{groupId}`: deletes a group. */
  delete(callId: string, groupId: string, options?: SendOptions): Promise<GraphResponse> {
    return act(this.#send, () => deleteAudioRoutingGroup(callId, groupId), options)
  }
}
