import type { HttpHandler } from 'msw'
import { ValidationError } from '../index.ts'
import type { CallState, ResultInfo, Tone } from '../schemas/types.ts'
import { CallControl, type PlaceCallInit } from './call-control.ts'
import { FaultList, type FaultInit, type InjectedFault } from './fault-injection.ts'
import { createGraphHandlers } from './graph-handlers.ts'
import { listenLoopback, type LoopbackOptions, type LoopbackServer } from './loopback-server.ts'
import { MswDispatcher } from './msw-dispatcher.ts'
import type { CommsNotificationsBody } from './notification-builders.ts'
import { deliverOverHttp, type NotificationDelivery } from './notification-delivery.ts'
import { NotificationSender, type NotificationPlan } from './notification-sender.ts'
import { createSimulatedCredential, type SimulatedCredential } from './simulated-credential.ts'
import type { SimulatedCall, SimulatedCallState } from './simulated-call.ts'
import { systemClock, type SimulatorClock } from './simulator-clock.ts'
import { checkPlaceCallInit, checkSimulatorOptions } from './simulator-options.ts'
import { RecordLog, type RecordedNotification, type RecordedRequest, type SimulatorRecord } from './simulator-records.ts'
import { createTestSigner, type TestSigner } from './test-signer.ts'

/** Options of `createGraphSimulator`. */
export interface GraphSimulatorOptions {
  /** The bot's calling webhook, where incoming calls are notified (as registered for the bot with Graph). */
  callbackUri: string
  /**
   * How notifications reach the bot.
   * @default over HTTP to the notification's URL (see `tunnelTo` for a bot on localhost)
   */
  deliver?: NotificationDelivery | undefined
  /**
   * Signs every notification (`Authorization: Bearer <jwt>`); give the bot its `openIdConfigurationUrl` and
   * `fetch` so it verifies them.
   * @default a new `createTestSigner({ appId, tenantId })`, dating its tokens by the real clock (`Date.now`),
   * not by `clock`: the bot's verifier checks tokens against the real clock by default, and a token dated by a
   * manual clock would be refused as expired or not yet valid. To date them by `clock`, pass
   * `createTestSigner({ now: () => clock.now() })` and give the bot's verifier the same `now`.
   */
  signer?: TestSigner | undefined
  /** The bot's app id: the `aud` of the notification tokens, the bot's id in incoming calls. @default the signer's */
  appId?: string | undefined
  /** The tenant of the calls. @default the signer's */
  tenantId?: string | undefined
  /** The origin the simulated Graph answers on. @default 'https://graph.microsoft.com' */
  baseUrl?: string | undefined
  /** Time an incoming call waits for an answer, reject or redirect. @default 15_000, Graph's */
  answerTimeoutMs?: number | undefined
  /** The same for policy-based recording invitations. @default 5_000, Graph's */
  policyRecordingAnswerTimeoutMs?: number | undefined
  /**
   * Time an operation (`playPrompt`, ...) runs before its completion is notified; for a recording, how long
   * the caller speaks before falling silent (it ends sooner at its `maxRecordDurationInSeconds`, 5 s by
   * default, or on a stop tone: see `timedRecordingEnd`). Operations Graph answers `completed` (`mute`,
   * `unmute`, `muteParticipant`, `subscribeToTone`, `cancelMediaProcessing`, `updateRecordingStatus`) take
   * no time. @default 0
   */
  operationDurationMs?: number | undefined
  /** Time Graph keeps an established call without a `keepAlive` before it ends it (408). @default 2_700_000 (45 minutes) */
  keepAliveTimeoutMs?: number | undefined
  /** How notifications after the incoming one are sent, for every call. */
  notifications?: NotificationPlan | undefined
  /**
   * Drives deadlines, delays, operation durations and the times in records and notifications; not the dates
   * of the notification tokens (see `signer`), so a bot that verifies them needs no clock of its own.
   * @default the system clock (fake timers installed later still drive it)
   */
  clock?: SimulatorClock | undefined
  /** Called with every record once complete: a live timeline. */
  onRecord?: ((record: SimulatorRecord) => void) | undefined
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
  /** The notifications sent, and those the plan dropped (`dropped: true`), in order of sending. */
  readonly notifications: readonly RecordedNotification[]
  /** Calls the bot: sends the `incoming` notification and starts the answer deadline; resolves once the bot answered the POST. */
  placeIncomingCall(init?: PlaceCallInit): Promise<SimulatedCall>
  /** A snapshot of a call (placed by the simulator, or created by the bot). */
  call(callId: string): SimulatedCall
  /**
   * Resolves once the bot was sent the notification of `state` (whatever it answered; at once if it already
   * was). A notification the plan dropped (`notifications.drop`) was not sent, and never will be (each state
   * is notified once): the wait for its state rejects as soon as it is dropped (or at once, asked after),
   * though the call did reach that state. Rejects too if the call ends (its `terminated` sent or dropped)
   * or the simulator closes without it.
   */
  waitForState(callId: string, state: CallState): Promise<SimulatedCall>
  /** The other party hangs up: the call ends and the bot is notified. */
  endCall(callId: string, resultInfo?: ResultInfo): Promise<void>
  /** Someone starts sharing their screen; resolves with the session id and whether the bot was notified. */
  startContentSharing(callId: string): Promise<{ sessionId: string; notified: boolean }>
  /** The sharing stops (the latest session when none is named). */
  stopContentSharing(callId: string, sessionId?: string): Promise<{ sessionId: string; notified: boolean }>
  /**
   * The caller presses a key: a recording under way that has it among its `stopTones` (`'#'` or `'pound'`,
   * `'1'` or `'tone1'`, ...) ends at once as `stopToneDetected`, whether or not the bot subscribed to tones;
   * resolves with whether the bot was sent the tone (it must have called `subscribeToTone`, and the plan
   * must not drop it).
   */
  pressTone(callId: string, tone: Tone): Promise<boolean>
  /** Sends any notification body (from the builders) to the call's callback URL, signed; its record says `dropped` when the plan drops its label. */
  notify(callId: string, body: CommsNotificationsBody, label?: string): Promise<RecordedNotification>
  /** Plays a failure or a slow answer for the next matching requests. */
  injectFault(fault: FaultInit): InjectedFault
  /**
   * Resolves once every notification under way or scheduled (not the answer deadline) has been sent, and
   * the work the bot handed to the delivery context's `waitUntil` has settled, with what that work set off.
   */
  idle(): Promise<void>
  /** Serves the simulated Graph over real HTTP on a loopback port. */
  listen(options?: LoopbackOptions): Promise<LoopbackServer>
  /**
   * Stops the simulator: timers, delays (fault delays too) and loopback servers end, no notification is
   * sent any more, every request is answered `503 serviceNotAvailable`, no new call is placed, and every
   * `waitForState` still waiting rejects.
   */
  close(): Promise<void>
}

class Simulator implements GraphSimulator {
  readonly handlers: readonly HttpHandler[]
  readonly dispatcher: MswDispatcher
  readonly credential: SimulatedCredential
  readonly signer: TestSigner
  readonly baseUrl: string
  readonly #control: CallControl
  readonly #sender: NotificationSender
  readonly #faults = new FaultList()
  readonly #log: RecordLog
  readonly #servers = new Set<LoopbackServer>()
  /** Aborted on close: cancels every deadline, delay, scheduled operation, notification and wait. */
  readonly #lifetime = new AbortController()

  constructor(options: GraphSimulatorOptions, signer: TestSigner, clock: SimulatorClock) {
    this.baseUrl = new URL(options.baseUrl ?? 'https://graph.microsoft.com').origin
    this.signer = signer
    this.credential = createSimulatedCredential(clock)
    this.#log = new RecordLog(options.onRecord)
    this.#control = new CallControl({
      appId: signer.appId,
      tenantId: signer.tenantId,
      callbackUri: options.callbackUri,
      clock,
      lifetime: this.#lifetime.signal,
      answerTimeoutMs: options.answerTimeoutMs ?? 15_000,
      policyRecordingAnswerTimeoutMs: options.policyRecordingAnswerTimeoutMs ?? 5_000,
      operationDurationMs: options.operationDurationMs ?? 0,
      keepAliveTimeoutMs: options.keepAliveTimeoutMs ?? 45 * 60_000,
      plan: options.notifications ?? {},
    })
    this.#sender = new NotificationSender({
      clock,
      deliver: options.deliver ?? deliverOverHttp,
      signer,
      log: this.#log,
      lifetime: this.#lifetime.signal,
      planOf: (call) => this.#control.planOf(call),
    })
    this.#control.useSender(this.#sender)
    this.handlers = createGraphHandlers({ baseUrl: this.baseUrl, control: this.#control, faults: this.#faults, clock, log: this.#log, lifetime: this.#lifetime.signal })
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

  #call(callId: string): SimulatedCallState {
    const call = this.#control.calls.get(callId)
    if (call === undefined) throw new Error(`no call ${callId}: the simulator did not place it and the bot did not create it`)
    return call
  }

  async placeIncomingCall(init: PlaceCallInit = {}): Promise<SimulatedCall> {
    if (this.#lifetime.signal.aborted) throw new Error('the simulator is closed')
    checkPlaceCallInit(init)
    return (await this.#control.placeIncomingCall(init)).snapshot()
  }

  call(callId: string): SimulatedCall {
    return this.#call(callId).snapshot()
  }

  // Async, as every method that returns a promise: an unknown call id rejects rather than throws.
  async waitForState(callId: string, state: CallState): Promise<SimulatedCall> {
    return this.#call(callId).waitForNotified(state, this.#lifetime.signal)
  }

  async endCall(callId: string, resultInfo?: ResultInfo): Promise<void> {
    return this.#control.endCall(this.#call(callId), resultInfo)
  }

  async startContentSharing(callId: string): Promise<{ sessionId: string; notified: boolean }> {
    return this.#control.startContentSharing(this.#call(callId))
  }

  async stopContentSharing(callId: string, sessionId?: string): Promise<{ sessionId: string; notified: boolean }> {
    return this.#control.stopContentSharing(this.#call(callId), sessionId)
  }

  async pressTone(callId: string, tone: Tone): Promise<boolean> {
    return this.#control.pressTone(this.#call(callId), tone)
  }

  async notify(callId: string, body: CommsNotificationsBody, label = 'custom'): Promise<RecordedNotification> {
    return this.#control.notify(this.#call(callId), body, label)
  }

  injectFault(fault: FaultInit): InjectedFault {
    return this.#faults.add(fault)
  }

  idle(): Promise<void> {
    return this.#sender.idle()
  }

  async listen(options: LoopbackOptions = {}): Promise<LoopbackServer> {
    const server = await listenLoopback(this.handlers, this.baseUrl, options)
    this.#servers.add(server)
    return server
  }

  async close(): Promise<void> {
    this.#lifetime.abort(new Error('the simulator closed'))
    await Promise.all([...this.#servers].map((server) => server.close()))
    this.#servers.clear()
  }
}

/**
 * Creates a simulated Graph calling service that drives a bot through whole calls on one machine: it serves
 * every call action (each checked with the library's strict builder, answered as Graph answers), plays the
 * call lifecycle with signed notifications to the bot, records everything, and injects faults.
 */
export async function createGraphSimulator(options: GraphSimulatorOptions): Promise<GraphSimulator> {
  checkSimulatorOptions(options)
  const clock = options.clock ?? systemClock
  const signer =
    options.signer ??
    (await createTestSigner({
      ...(options.appId === undefined ? {} : { appId: options.appId }),
      ...(options.tenantId === undefined ? {} : { tenantId: options.tenantId }),
    }))
  if (options.appId !== undefined && options.appId !== signer.appId) {
    throw new ValidationError('graph simulator options', [
      { path: '$.appId', message: `expected the signer's app id ${signer.appId}: the bot would refuse every notification signed for another` },
    ])
  }
  return new Simulator(options, signer, clock)
}
