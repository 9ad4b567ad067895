import { inspect } from 'node:util'
import { ConnectionError, type Issue } from '../errors.ts'
import type { GraphRequest } from '../requests/graph-request.ts'
import { systemClock } from '../transport/clock.ts'
import { createKeepAliveAgent, type Dispatcher } from '../transport/dispatcher.ts'
import type { ApiVersion, CloudName } from '../transport/clouds.ts'
import { GraphTransport, type GraphResponse, type SendOptions } from '../transport/graph-transport.ts'
import { AudioRoutingGroupActions } from './audio-routing-group-actions.ts'
import { BetaCallActions, BetaParticipantActions } from './beta-actions.ts'
import { ContentSharingSessionActions } from './content-sharing-session-actions.ts'
import { CallActions } from './call-actions.ts'
import { ParticipantActions } from './participant-actions.ts'
import type { CallingClientOptions } from './calling-client-options.ts'
import { resolveOptions } from './resolve-options.ts'
import { assertOffered } from './cloud-availability.ts'
import { decodeResult } from './decode-result.ts'

/**
 * The Graph calling client of a bot: `client.calls.answer(...)`, `.reject`, `.redirect`, `.hangUp`, and
 * `client.send(request)` for any request built with `graph-calling/requests`. Holds the token cache and,
 * unless given one, a keep-alive connection pool; call `close()` when done.
 */
export class CallingClient {
  /** The actions on calls (`answer`, `reject`, `playPrompt`, `hangUp`, ...). */
  readonly calls: CallActions
  /** The actions on a call's participants (`list`, `invite`, `mute`, `remove`, ...). */
  readonly participants: ParticipantActions
  /** A call's audio routing groups, for app-hosted media (`create`, `list`, `get`, `update`, `delete`). */
  readonly audioRoutingGroups: AudioRoutingGroupActions
  /** A call's content-sharing sessions (`list`, `get`). */
  readonly contentSharingSessions: ContentSharingSessionActions
  /** Graph's beta-only actions, sent by a client created with `apiVersion: 'beta'`. */
  readonly beta: { readonly calls: BetaCallActions; readonly participants: BetaParticipantActions }
  /** The Graph deployment this client calls. */
  readonly cloud: CloudName
  /** The Graph API version this client calls. */
  readonly apiVersion: ApiVersion
  readonly #transport: GraphTransport
  readonly #ownDispatcher: Dispatcher | undefined
  #closed = false
  #closing: Promise<void> | undefined

  /** Checks the options (a `ValidationError` names each bad one) and sets the client up; nothing is sent yet. */
  constructor(options: CallingClientOptions) {
    const resolved = resolveOptions(options)
    this.#ownDispatcher = resolved.dispatcher ? undefined : createKeepAliveAgent()
    this.#transport = new GraphTransport({
      credential: resolved.credential,
      dispatcher: resolved.dispatcher ?? this.#ownDispatcher!,
      cloud: resolved.cloud,
      apiVersion: resolved.apiVersion,
      baseUrl: resolved.baseUrl,
      timeoutMs: resolved.timeoutMs,
      maxRetries: resolved.maxRetries,
      userAgent: resolved.userAgent,
      clock: resolved.clock ?? systemClock,
      onAttempt: resolved.onAttempt,
    })
    this.cloud = resolved.cloud
    this.apiVersion = resolved.apiVersion
    // The action groups refuse what Graph's pages say the cloud does not offer; `client.send` does not.
    const send = <Result>(request: GraphRequest<Result>, sendOptions?: SendOptions): Promise<GraphResponse<Result>> => {
      try {
        assertOffered(request, resolved.cloud, resolved.apiVersion)
      } catch (error) {
        return Promise.reject(error)
      }
      return this.send(request, sendOptions)
    }
    this.calls = new CallActions(send, resolved.apiVersion)
    this.participants = new ParticipantActions(send, resolved.apiVersion)
    this.audioRoutingGroups = new AudioRoutingGroupActions(send)
    this.contentSharingSessions = new ContentSharingSessionActions(send)
    this.beta = Object.freeze({ calls: new BetaCallActions(send), participants: new BetaParticipantActions(send) })
  }

  /** Where requests go: Graph's root for the cloud and API version (or `baseUrl`), e.g. `https://graph.microsoft.com/v1.0`. */
  get rootUrl(): string {
    return this.#transport.rootUrl
  }

  /**
   * Sends any request built with `graph-calling/requests` (or by hand) and resolves with Graph's answer
   * once Graph accepts it, its body decoded as its `resultType` says. The national cloud checks of
   * `client.calls` are not applied here.
   */
  send<Result>(request: GraphRequest<Result>, options?: SendOptions): Promise<GraphResponse<Result>> {
    if (this.#closed) return Promise.reject(new ConnectionError(`This CallingClient is closed; ${request.method} ${request.path} was not sent`))
    const sent = this.#transport.send(request, options)
    const type = request.resultType
    if (type === undefined) return sent
    return sent.then((response) => {
      const issues: Issue[] = []
      const body = decodeResult(type, response.body, issues) as Result
      return { ...response, body, issues }
    })
  }

  /**
   * Stops sending: calls waiting for a retry or a token fail at once with a `ConnectionError` saying the
   * client was closed, and nothing is sent any more. Then closes the client's own connection pool once
   * the requests in flight have been answered; a dispatcher you passed stays open.
   */
  close(): Promise<void> {
    this.#closed = true
    if (this.#closing === undefined) {
      const drained = this.#transport.close()
      const pool = this.#ownDispatcher
      // Once every answer still awaited has come, the pool holds only requests their calls gave up on
      // (such as a connection still being made for a call that timed out): those are not waited for.
      this.#closing = pool ? drained.then(() => pool.destroy()).then(() => undefined) : Promise.resolve()
    }
    return this.#closing
  }

  /** Shows where the client points and nothing of its credential. */
  [inspect.custom](): string {
    return `CallingClient { cloud: '${this.cloud}', apiVersion: '${this.apiVersion}', rootUrl: '${this.rootUrl}' }`
  }
}
