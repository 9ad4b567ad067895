import { answer } from '../requests/answer.ts'
import type { GraphRequest } from '../requests/graph-request.ts'
import { hangUp } from '../requests/hang-up.ts'
import { redirect } from '../requests/redirect.ts'
import { reject } from '../requests/reject.ts'
import type { AnswerParams } from '../schemas/actions/answer.ts'
import type { RedirectParams } from '../schemas/actions/redirect.ts'
import type { RejectParams } from '../schemas/actions/reject.ts'
import type { CloudName } from '../transport/clouds.ts'
import type { GraphResponse, SendOptions } from '../transport/graph-transport.ts'
import { assertOffered, type CallAction } from './cloud-availability.ts'

/** How the call actions reach Graph: the client's `send`. */
export type Send = <Result>(request: GraphRequest<Result>, options?: SendOptions) => Promise<GraphResponse<Result>>

/**
 * The actions on `/communications/calls/{id}` (`client.calls`). Each checks its parameters (a
 * `ValidationError` before any I/O) and resolves once Graph has accepted the request (202, or 204 for a
 * hang-up), with Graph's `requestId`. What then happens to the call arrives as notifications.
 */
export class CallActions {
  readonly #send: Send
  readonly #cloud: CloudName

  constructor(send: Send, cloud: CloudName) {
    this.#send = send
    this.#cloud = cloud
  }

  /** `POST /communications/calls/{id}/answer`: answers an incoming call (within 15 s, 5 s for policy-based recording). */
  answer(callId: string, params: AnswerParams, options?: SendOptions): Promise<GraphResponse> {
    return this.#act('answer', answer, callId, params, options)
  }

  /** `POST /communications/calls/{id}/reject`: declines an incoming call (`reason`: none, busy or forbidden). */
  reject(callId: string, params?: RejectParams, options?: SendOptions): Promise<GraphResponse> {
    return this.#act('reject', reject, callId, params, options)
  }

  /** `POST /communications/calls/{id}/redirect`: sends an incoming call on to 1 to 25 other targets. */
  redirect(callId: string, params: RedirectParams, options?: SendOptions): Promise<GraphResponse> {
    return this.#act('redirect', redirect, callId, params, options)
  }

  /** `DELETE /communications/calls/{id}`: hangs up (leaves) a call. */
  hangUp(callId: string, options?: SendOptions): Promise<GraphResponse> {
    return this.#act('hangUp', hangUp, callId, undefined, options)
  }

  /** Checks and builds the request, then sends it; a refusal is a rejected promise, never a synchronous throw. */
  #act<Params>(action: CallAction, build: (callId: string, params: Params) => GraphRequest, callId: string, params: Params, options: SendOptions | undefined): Promise<GraphResponse> {
    try {
      assertOffered(action, this.#cloud)
      return this.#send(build(callId, params), options)
    } catch (error) {
      return Promise.reject(error)
    }
  }
}
