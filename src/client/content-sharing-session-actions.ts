import { getContentSharingSession, listContentSharingSessions } from '../requests/index.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { ContentSharingSession } from '../schemas/types.generated.ts'
import type { GraphResponse, SendOptions } from '../transport/graph-transport.ts'
import { act, type Send } from './act.ts'

/** A call's content-sharing sessions (`client.contentSharingSessions`). Graph offers them in the global service only. */
export class ContentSharingSessionActions {
  readonly #send: Send

  constructor(send: Send) {
    this.#send = send
  }

  /** `GET /communications/calls/{id}/contentSharingSessions`: lists the call's sessions. */
  list(callId: string, options?: SendOptions): Promise<GraphResponse<{ value: Inbound<ContentSharingSession>[] }>> {
    return act(this.#send, () => listContentSharingSessions(callId), options)
  }

  /** `GET /communications/calls/{id}/contentSharingSessions/{sessionId}`: reads one session. */
  get(callId: string, sessionId: string, options?: SendOptions): Promise<GraphResponse<Inbound<ContentSharingSession>>> {
    return act(this.#send, () => getContentSharingSession(callId, sessionId), options)
  }
}
