import { http, type HttpHandler } from 'msw'
import { ValidationError } from '../index.ts'
import type { AnswerParams } from '../requests/index.ts'
import type { CallState, ResultInfo } from '../schemas/index.ts'
import { callActions, type ActionOutcome, type CallActionRoute, type CallEngine } from './call-actions.ts'
import { FaultList, type FaultInit, type InjectedFault } from './fault-injection.ts'
import { graphErrorResponse } from './graph-error-response.ts'
import { listenLoopback, type LoopbackOptions, type LoopbackServer } from './loopback-server.ts'
import { MswDispatcher } from './msw-dispatcher.ts'
import {
  buildCallStateNotification,
  buildContentSharingNotification,
  buildIncomingCallNotification,
  buildOperationNotification,
  buildTerminatedNotification,
  type CommsNotificationsBody,
  type IncomingCallInit,
} from './notification-builders.ts'
import { deliverOverHttp, type NotificationDelivery } from './notification-delivery.ts'
import { createSimulatedCredential, type SimulatedCredential } from './simulated-credential.ts'
import { SimulatedCallState, type SimulatedCall } from './simulated-call.ts'
import { checkSimulatorOptions } from './simulator-options.ts'
import { createTestSigner, type TestSigner } from './test-signer.ts'
import { systemClock, type SimulatorClock } from './simulator-clock.ts'
import { RecordLog, redactedHeaders, type RecordedNotification, type RecordedRequest, type SimulatorRecord } from './simulator-records.ts'

/** How the simulator sends the notifications that follow an answer, to test how tolerant the bot is. */
export interface NotificationPlan {
  /** Sends `established` before `establishing`, as Graph may. */
  establishedFirst?: boolean
  /** Sends every notification of the call twice. */
  duplicate?: boolean
  /** Waits this long (simulator clock) before each notification that follows the incoming one. */
  delayMs?: number
}

/** Options of `createGraphSimulator`. */
export interface GraphSimulatorOptions {
  /** The bot's calling webhook, where incoming calls are notified (as registered for the bot with Graph). */
  callbackUri: string
  /**
   * How notifications reach the bot.
   * @default over HTTP to the notification's URL (see `tunnelTo` for a bot on localhost)
   */
  deliver?: NotificationDelivery
  /**
   * Signs every notification (`Authorization: Bearer <jwt>`); give the bot its `openIdConfigurationUrl` and
   * `fetch` so it verifies them.
   * @default a new `createTestSigner({ appId, tenantId })` on the simulator clock
   */
  signer?: TestSigner
  /** The bot's app id: the `aud` of the notification tokens, the bot's id in incoming calls. @default the signer's */
  appId?: string
  /** The tenant of the calls. @default the signer's */
  tenantId?: string
  /** The origin the simulated Graph answers on. @default 'https://graph.microsoft.com' */
  baseUrl?: string
  /** Time an incoming call waits for an answer, reject or redirect. @default 15_000, Graph's */
  answerTimeoutMs?: number
  /** The same for policy-based recording invitations. @default 5_000, Graph's */
  policyRecordingAnswerTimeoutMs?: number
  /** Time an operation (`playPrompt`, ...) runs before its completion is notified. @default 0 */
  operationDurationMs?: number
  /** How notifications after the incoming one are sent, for every call. */
  notifications?: NotificationPlan
  /** @default the system clock (fake timers installed later still drive it) */
  clock?: SimulatorClock
  /** Called with every record once complete: a live timeline. */
  onRecord?: (record: SimulatorRecord) => void
}

/** How one incoming call is placed. */
export interface PlaceCallInit extends IncomingCallInit {
  /** This call's answer deadline, in place of the simulator's. */
  answerTimeoutMs?: number
  /** This call's notification plan, in place of the simulator's. */
  notifications?: NotificationPlan
}

/** A simulated Graph calling service: serve its handlers with msw, or use its dispatcher or `listen()`. */
export interface GraphSimulator {
  /** The msw request handlers of the simulated Graph (for `setupServer(...simulator.handlers)`). */
  readonly handlers: readonly HttpHandler[]
  /** An undici dispatcher that answers from the handlers, with no socket: `new CallingClient({ dispatcher })`. */
  readonly dispatcher: MswDispatcher
  /** A token credential for the client; the simulator only checks a bearer token is sent. */
  readonly credential: SimulatedCredential
  /** What signs the notifications: give the bot its `openIdConfigurationUrl` and `fetch` to verify them. */
  readonly signer: TestSigner
  /** The origin the handlers answer on. */
  readonly baseUrl: string
  /** Everything recorded so far, in the order it began. */
  readonly records: readonly SimulatorRecord[]
  /** The requests received, in order of arrival. */
  readonly requests: readonly RecordedRequest[]
  /** The notifications sent, in order of sending. */
  readonly notifications: readonly RecordedNotification[]
  /** Calls the bot: sends the `incoming` notification and starts the answer deadline; resolves once the bot answered the POST. */
  placeIncomingCall(init?: PlaceCallInit): Promise<SimulatedCall>
  /** A snapshot of a call the simulator placed. */
  call(callId: string): SimulatedCall
  /** Resolves once the bot was sent the notification of `state`; rejects if the call ends without it. */
  waitForState(callId: string, state: CallState): Promise<SimulatedCall>
  /** The other party hangs up: the call ends and the bot is notified. */
  endCall(callId: string, resultInfo?: ResultInfo): Promise<void>
  /** Someone starts sharing their screen; resolves with the session id and whether the bot was notified. */
  startContentSharing(callId: string): Promise<{ sessionId: string; notified: boolean }>
  /** The sharing stops (the latest session when none is named). */
  stopContentSharing(callId: string, sessionId?: string): Promise<{ sessionId: string; notified: boolean }>
  /** Sends any notification body (from the builders) to the call's callback URL, signed. */
  notify(callId: string, body: CommsNotificationsBody, label?: string): Promise<RecordedNotification>
  /** Plays a failure or a slow answer for the next matching requests. */
  injectFault(fault: FaultInit): InjectedFault
  /** Resolves once every notification under way or scheduled has been sent. */
  idle(): Promise<void>
  /** Serves the simulated Graph over real HTTP on a loopback port. */
  listen(options?: LoopbackOptions): Promise<LoopbackServer>
  /** Stops timers and loopback servers; the simulator then accepts no new calls. */
  close(): Promise<void>
}

const API_VERSIONS = new Set(['v1.0', 'beta'])

/** Graph's `resultInfo` for each way an incoming call ends without an answer. */
const DECLINED: Record<'none' | 'busy' | 'forbidden' | 'redirect', ResultInfo> = {
  none: { code: 603, subcode: 0, message: 'The call was declined by the application.' },
  busy: { code: 486, subcode: 0, message: 'The application is busy.' },
  forbidden: { code: 403, subcode: 0, message: 'The application refused the call.' },
  redirect: { code: 302, subcode: 0, message: 'The call was redirected by the application.' },
}

function outcomeResponse(outcome: ActionOutcome, clientRequestId: string | undefined, now: number): Response {
  if ('code' in outcome) return graphErrorResponse({ ...outcome, clientRequestId, now })
  const headers = new Headers({ 'request-id': crypto.randomUUID() })
  if (clientRequestId !== undefined) headers.set('client-request-id', clientRequestId)
  if (!('body' in outcome)) return new Response(null, { status: outcome.status, headers })
  headers.set('content-type', 'application/json')
  return new Response(JSON.stringify(outcome.body), { status: outcome.status, headers })
}

async function readBody(request: Request): Promise<{ body: unknown; json: boolean }> {
  const text = await request.text()
  if (text === '') return { body: undefined, json: true }
  try {
    return { body: JSON.parse(text), json: true }
  } catch {
    return { body: text, json: false }
  }
}

async function responseJson(response: Response): Promise<unknown> {
  if (!response.headers.get('content-type')?.includes('json')) return undefined
  return response.clone().json()
}

class Simulator implements GraphSimulator, CallEngine {
  readonly handlers: readonly HttpHandler[]
  readonly dispatcher: MswDispatcher
  readonly credential: SimulatedCredential
  readonly signer: TestSigner
  readonly baseUrl: string
  readonly #options: GraphSimulatorOptions
  readonly #clock: SimulatorClock
  readonly #deliver: NotificationDelivery
  readonly #appId: string
  readonly #tenantId: string
  readonly #calls = new Map<string, SimulatedCallState>()
  readonly #plans = new Map<string, NotificationPlan>()
  readonly #faults = new FaultList()
  readonly #log: RecordLog
  readonly #pending = new Set<Promise<unknown>>()
  readonly #servers = new Set<LoopbackServer>()
  #closed = false
  /** Aborted on close: cancels every deadline, delay and scheduled operation. */
  readonly #lifetime = new AbortController()

  constructor(options: GraphSimulatorOptions, signer: TestSigner, clock: SimulatorClock) {
    this.#options = options
    this.#clock = clock
    this.#deliver = options.deliver ?? deliverOverHttp
    this.#appId = signer.appId
    this.#tenantId = signer.tenantId
    this.#log = new RecordLog(options.onRecord)
    this.baseUrl = new URL(options.baseUrl ?? 'https://graph.microsoft.com').origin
    this.signer = signer
    this.credential = createSimulatedCredential(this.#clock)
    this.handlers = [
      ...callActions.map((route) =>
        http[route.method === 'POST' ? 'post' : 'delete'](`${this.baseUrl}/:version${route.path}`, ({ request, params }) =>
          this.#handle(request, route, String(params['version']), String(params['callId'])),
        ),
      ),
      http.all(`${this.baseUrl}/*`, ({ request }) => this.#handle(request, undefined, undefined, undefined)),
    ]
    this.dispatcher = new MswDispatcher(this.handlers)
  }

  get records(): SimulatorRecord[] {
    return this.#log.all
  }

  get requests(): RecordedRequest[] {
    return this.records.filter((r): r is RecordedRequest => r.kind === 'request')
  }

  get notifications(): RecordedNotification[] {
    return this.records.filter((r): r is RecordedNotification => r.kind === 'notification')
  }

  // ---- the HTTP side: every request goes through here -------------------------------------------------

  async #handle(request: Request, route: CallActionRoute | undefined, version: string | undefined, callId: string | undefined): Promise<Response> {
    const at = this.#clock.now()
    const finish = this.#log.begin()
    const clientRequestId = request.headers.get('client-request-id') ?? undefined
    const { body, json } = await readBody(request)
    const path = new URL(request.url).pathname
    const record = (response: Response | undefined, responseBody: unknown): void =>
      finish({
        kind: 'request',
        at,
        durationMs: this.#clock.now() - at,
        method: request.method,
        url: request.url,
        path,
        apiVersion: version ?? path.split('/')[1],
        action: route?.action,
        callId,
        headers: redactedHeaders(request.headers),
        body,
        status: response?.status,
        responseBody,
      })
    const answer = async (outcome: ActionOutcome, retryAfterSec?: number): Promise<Response> => {
      const response =
        'code' in outcome && retryAfterSec !== undefined
          ? graphErrorResponse({ ...outcome, clientRequestId, now: this.#clock.now(), retryAfterSec })
          : outcomeResponse(outcome, clientRequestId, this.#clock.now())
      record(response, await responseJson(response))
      return response
    }

    const auth = request.headers.get('authorization')?.trim() ?? ''
    if (!/^Bearer \S+$/i.test(auth)) {
      const message = auth === '' ? 'Access token is empty.' : 'Access token validation failure: expected Bearer <token>.'
      return answer({ status: 401, code: 'InvalidAuthenticationToken', message })
    }
    if (route === undefined || version === undefined || callId === undefined) {
      return answer({ status: 400, code: 'BadRequest', message: `The simulated Graph has no endpoint for ${request.method} ${path}.` })
    }
    if (!API_VERSIONS.has(version)) return answer({ status: 400, code: 'BadRequest', message: `Invalid version: ${version}` })

    const fault = this.#faults.take(route.action, callId)
    if (fault !== undefined && fault.delayMs > 0) {
      try {
        await this.#clock.sleep(fault.delayMs, request.signal)
      } catch {
        // The client gave up (abort or timeout): like Graph, nothing is done for a request no one waits for.
        record(undefined, undefined)
        return new Response(null, { status: 499 })
      }
    }
    if (fault?.error !== undefined) return answer(fault.error, fault.error.retryAfterSec)

    if (!json) return answer({ status: 400, code: 'BadRequest', message: 'Unable to read JSON request payload: the body is not valid JSON.' })
    try {
      route.check(callId, body)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      return answer({ status: 400, code: 'BadRequest', message: error.message })
    }
    const call = this.#calls.get(callId)
    if (call === undefined) return answer({ status: 404, code: 'itemNotFound', message: `Call ${callId} does not exist.` })
    return answer(route.apply(this, call, body))
  }

  // ---- the call engine: what each action does --------------------------------------------------------

  #gone(call: SimulatedCallState): ActionOutcome {
    const why = call.resultInfo?.message ? ` ${call.resultInfo.message}` : ''
    return { status: 404, code: 'itemNotFound', message: `Call ${call.id} has ended.${why}` }
  }

  #notIncoming(call: SimulatedCallState, action: string): ActionOutcome {
    return { status: 409, code: 'notAllowed', message: `Call ${call.id} is ${call.state}; ${action} applies only to an incoming call.` }
  }

  answer(call: SimulatedCallState, params: AnswerParams): ActionOutcome {
    if (call.ended) return this.#gone(call)
    if (call.state !== 'incoming') return this.#notIncoming(call, 'answer')
    call.deadline.abort()
    call.respondedAt = this.#clock.now()
    call.answer = params
    call.callbackUri = params.callbackUri ?? call.callbackUri
    call.state = 'establishing'
    const plan = this.#planOf(call)
    const states: ('establishing' | 'established')[] = plan.establishedFirst ? ['established', 'establishing'] : ['establishing', 'established']
    for (const state of states) {
      void this.#send(call, state, () => {
        // Graph sends nothing more about a call once it has ended.
        if (call.ended) return undefined
        if (state === 'established') call.state = 'established'
        return buildCallStateNotification(call.id, state, { etag: call.nextEtag() })
      })
    }
    return { status: 202 }
  }

  decline(call: SimulatedCallState, how: Parameters<CallEngine['decline']>[1]): ActionOutcome {
    if (call.ended) return this.#gone(call)
    if (call.state !== 'incoming') return this.#notIncoming(call, how.action)
    call.respondedAt = this.#clock.now()
    this.#end(call, DECLINED[how.action === 'redirect' ? 'redirect' : (how.params.reason ?? 'none')] ?? DECLINED.none)
    return { status: 202 }
  }

  hangUp(call: SimulatedCallState): ActionOutcome {
    if (call.ended) return this.#gone(call)
    this.#end(call, { code: 200, subcode: 0, message: 'The call was ended by the application.' })
    return { status: 204 }
  }

  runOperation(call: SimulatedCallState, action: string, params: Record<string, unknown>): ActionOutcome {
    if (call.ended) return this.#gone(call)
    if (call.state === 'incoming') return { status: 409, code: 'notAllowed', message: `Call ${call.id} is incoming; ${action} needs an answered call.` }
    const operationId = crypto.randomUUID()
    const clientContext = typeof params['clientContext'] === 'string' ? params['clientContext'] : undefined
    const operation = {
      '@odata.type': `#microsoft.graph.${action}Operation`,
      id: operationId,
      status: 'running',
      ...(clientContext === undefined ? {} : { clientContext }),
    }
    const done = (): void => {
      void this.#send(call, `operation.${action}`, () =>
        call.ended ? undefined : buildOperationNotification(call.id, { action, operationId, ...(clientContext === undefined ? {} : { clientContext }) }),
      )
    }
    this.#schedule(this.#options.operationDurationMs ?? 0, done)
    return { status: 200, body: operation }
  }

  #end(call: SimulatedCallState, resultInfo: ResultInfo): Promise<RecordedNotification | undefined> {
    call.deadline.abort()
    call.state = 'terminated'
    call.resultInfo = { '@odata.type': '#microsoft.graph.resultInfo', ...resultInfo }
    call.contentSharingSessions.clear()
    return this.#send(call, 'terminated', () => buildTerminatedNotification(call.id, { resultInfo, etag: call.nextEtag() }))
  }

  #planOf(call: SimulatedCallState): NotificationPlan {
    return this.#plans.get(call.id) ?? this.#options.notifications ?? {}
  }

  /** Runs `callback` after `ms` on the simulator clock (unless the simulator closes first), counted by `idle()` meanwhile. */
  #schedule(ms: number, callback: () => void): void {
    void this.#track(this.#clock.sleep(ms, this.#lifetime.signal).then(callback, () => {}))
  }

  #track<T>(promise: Promise<T>): Promise<T> {
    this.#pending.add(promise)
    void promise.finally(() => this.#pending.delete(promise)).catch(() => {})
    return promise
  }

  // ---- the notification side ------------------------------------------------------------------------

  /**
   * Queues a notification of `call` after those already queued and the plan's delay (none for the
   * incoming one), builds the body then (undefined: nothing to send any more), sends it, twice when the plan
   * says so. Resolves with the record of the first sending.
   */
  #send(call: SimulatedCallState, label: string, build: () => ReturnType<typeof buildIncomingCallNotification> | undefined): Promise<RecordedNotification | undefined> {
    const plan = this.#planOf(call)
    // The delay starts now, not when the notifications before this one are done: a test that advances the
    // clock by the delay right after the answer sees the notification go.
    const delayed = label !== 'incoming' && (plan.delayMs ?? 0) > 0 ? this.#clock.sleep(plan.delayMs ?? 0, this.#lifetime.signal) : undefined
    const run = async (): Promise<RecordedNotification | undefined> => {
      try {
        await delayed
      } catch {
        return undefined // the simulator closed
      }
      const body = build()
      if (body === undefined) return undefined
      const first = await this.#post(call, label, body)
      if (isCallState(label)) call.notified(label)
      if (plan.duplicate) await this.#post(call, label, body)
      return first
    }
    const sent = call.deliveries.then(run)
    call.deliveries = sent.then(() => undefined, () => undefined)
    return this.#track(sent)
  }

  async #post(call: SimulatedCallState, label: string, body: CommsNotificationsBody): Promise<RecordedNotification> {
    const at = this.#clock.now()
    const finish = this.#log.begin()
    const url = call.callbackUri
    let status: number | undefined
    let error: string | undefined
    try {
      const headers = { 'content-type': 'application/json', authorization: await this.signer.authorizationHeader() }
      const answer = await this.#deliver(new Request(url, { method: 'POST', headers, body: JSON.stringify(body) }))
      status = answer.status
      await answer.body?.cancel()
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause)
    }
    const record: RecordedNotification = { kind: 'notification', at, durationMs: this.#clock.now() - at, callId: call.id, label, url, body, status, error }
    finish(record)
    return record
  }

  // ---- what a test drives ---------------------------------------------------------------------------

  async placeIncomingCall(init: PlaceCallInit = {}): Promise<SimulatedCall> {
    if (this.#closed) throw new Error('the simulator is closed')
    const { answerTimeoutMs, notifications, ...incoming } = init
    const id = incoming.callId ?? crypto.randomUUID()
    if (this.#calls.has(id)) throw new Error(`call ${id} was already placed`)
    const timeoutMs =
      answerTimeoutMs ??
      (incoming.policyBasedRecording ? (this.#options.policyRecordingAnswerTimeoutMs ?? 5_000) : (this.#options.answerTimeoutMs ?? 15_000))
    const call = new SimulatedCallState({ id, callbackUri: this.#options.callbackUri, placedAt: this.#clock.now(), answerTimeoutMs: timeoutMs })
    this.#calls.set(id, call)
    if (notifications !== undefined) this.#plans.set(id, notifications)
    // The deadline is not counted by idle(): a test awaits it by moving the clock.
    this.#clock.sleep(timeoutMs, AbortSignal.any([call.deadline.signal, this.#lifetime.signal])).then(
      () => void this.#end(call, { code: 408, subcode: 0, message: `The call was not answered within ${timeoutMs} ms.` }),
      () => {},
    )
    await this.#send(call, 'incoming', () =>
      buildIncomingCallNotification({
        bot: { application: { displayName: 'Test BOT', id: this.#appId } },
        tenantId: this.#tenantId,
        callChainId: crypto.randomUUID(),
        ...incoming,
        callId: id,
        etag: call.nextEtag(),
      }),
    )
    return call.snapshot()
  }

  #get(callId: string): SimulatedCallState {
    const call = this.#calls.get(callId)
    if (call === undefined) throw new Error(`no call ${callId}: the simulator did not place it`)
    return call
  }

  call(callId: string): SimulatedCall {
    return this.#get(callId).snapshot()
  }

  waitForState(callId: string, state: CallState): Promise<SimulatedCall> {
    return this.#get(callId).waitForNotified(state)
  }

  async endCall(callId: string, resultInfo: ResultInfo = { code: 200, subcode: 0, message: 'The other party hung up.' }): Promise<void> {
    const call = this.#get(callId)
    if (call.ended) throw new Error(`call ${callId} has already ended`)
    await this.#end(call, resultInfo)
  }

  async startContentSharing(callId: string): Promise<{ sessionId: string; notified: boolean }> {
    const call = this.#get(callId)
    if (call.state !== 'established') throw new Error(`call ${callId} is ${call.state}: content sharing needs an established call`)
    const sessionId = crypto.randomUUID()
    call.contentSharingSessions.add(sessionId)
    return { sessionId, notified: await this.#sendContentSharing(call, 'started', sessionId) }
  }

  async stopContentSharing(callId: string, sessionId?: string): Promise<{ sessionId: string; notified: boolean }> {
    const call = this.#get(callId)
    const session = sessionId ?? [...call.contentSharingSessions].at(-1)
    if (session === undefined || !call.contentSharingSessions.delete(session)) {
      throw new Error(`call ${callId} has no content sharing session${sessionId === undefined ? '' : ` ${sessionId}`}`)
    }
    return { sessionId: session, notified: await this.#sendContentSharing(call, 'ended', session) }
  }

  async #sendContentSharing(call: SimulatedCallState, change: 'started' | 'ended', sessionId: string): Promise<boolean> {
    // Graph sends these only to a bot that asked for them in its answer.
    if (call.answer?.callOptions?.isContentSharingNotificationEnabled !== true) return false
    const sent = await this.#send(call, `contentSharing.${change}`, () => buildContentSharingNotification(call.id, change, sessionId))
    return sent !== undefined
  }

  async notify(callId: string, body: CommsNotificationsBody, label = 'custom'): Promise<RecordedNotification> {
    const sent = await this.#send(this.#get(callId), label, () => body)
    if (sent === undefined) throw new Error(`the notification to call ${callId} was not sent`)
    return sent
  }

  injectFault(fault: FaultInit): InjectedFault {
    return this.#faults.add(fault)
  }

  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending])
  }

  async listen(options: LoopbackOptions = {}): Promise<LoopbackServer> {
    const server = await listenLoopback(this.handlers, this.baseUrl, options)
    this.#servers.add(server)
    return server
  }

  async close(): Promise<void> {
    this.#closed = true
    this.#lifetime.abort(new Error('the simulator closed'))
    await Promise.all([...this.#servers].map((server) => server.close()))
    this.#servers.clear()
  }
}

const CALL_STATES: ReadonlySet<string> = new Set<CallState>(['incoming', 'establishing', 'established', 'hold', 'transferring', 'transferAccepted', 'redirecting', 'terminating', 'terminated'])

function isCallState(label: string): label is CallState {
  return CALL_STATES.has(label)
}

/**
 * Creates a simulated Graph calling service that drives a bot through whole calls on one machine: it serves
 * the call actions (checked with the library's strict builders, answered as Graph answers), plays the call
 * lifecycle with signed notifications to the bot, records everything, and injects faults.
 */
export async function createGraphSimulator(options: GraphSimulatorOptions): Promise<GraphSimulator> {
  checkSimulatorOptions(options)
  const clock = options.clock ?? systemClock
  const signer =
    options.signer ??
    (await createTestSigner({
      ...(options.appId === undefined ? {} : { appId: options.appId }),
      ...(options.tenantId === undefined ? {} : { tenantId: options.tenantId }),
      now: () => clock.now(),
    }))
  if (options.appId !== undefined && options.appId !== signer.appId) {
    throw new ValidationError('graph simulator options', [
      { path: '$.appId', message: `expected the signer's app id ${signer.appId}: the bot would refuse every notification signed for another` },
    ])
  }
  return new Simulator(options, signer, clock)
}
