import type { AnswerParams, CreateCallParams } from '../requests/index.ts'
import type { IdentitySet, ResultInfo, Tone } from '../schemas/types.ts'
import type { ActionOutcome, CallEngine, OperationStart } from './graph-routes.ts'
import { applyAudioRoutingGroupRequest, type AudioRoutingGroupRequest } from './audio-routing-groups.ts'
import {
  buildCallStateNotification,
  buildContentSharingNotification,
  buildIncomingCallNotification,
  buildOperationNotification,
  buildParticipantsNotification,
  buildTerminatedNotification,
  type CommsNotificationsBody,
  type IncomingCallInit,
} from './notification-builders.ts'
import type { NotificationPlan, NotificationSender } from './notification-sender.ts'
import { completed, type OperationEnd } from './operation-ends.ts'
import { SimulatedCallState } from './simulated-call.ts'
import type { SimulatorClock } from './simulator-clock.ts'
import type { RecordedNotification } from './simulator-records.ts'

/** What the call engine is set up with. */
export interface CallControlSettings {
  readonly appId: string
  readonly tenantId: string
  readonly callbackUri: string
  readonly clock: SimulatorClock
  /** Aborted when the simulator closes: cancels every deadline and timer. */
  readonly lifetime: AbortSignal
  readonly answerTimeoutMs: number
  readonly policyRecordingAnswerTimeoutMs: number
  readonly operationDurationMs: number
  readonly keepAliveTimeoutMs: number
  readonly plan: NotificationPlan
}

/** How one incoming call is placed. */
export interface PlaceCallInit extends IncomingCallInit {
  /** This call's answer deadline, in place of the simulator's. */
  answerTimeoutMs?: number | undefined
  /** This call's notification plan, in place of the simulator's. */
  notifications?: NotificationPlan | undefined
}

/** Graph's `resultInfo` for each way a call ends. */
const ENDED = {
  none: { code: 603, subcode: 0, message: 'The call was declined by the application.' },
  busy: { code: 486, subcode: 0, message: 'The application is busy.' },
  forbidden: { code: 403, subcode: 0, message: 'The application refused the call.' },
  redirect: { code: 302, subcode: 0, message: 'The call was redirected by the application.' },
  hangUp: { code: 200, subcode: 0, message: 'The call was ended by the application.' },
  transfer: { code: 200, subcode: 7015, message: 'The call was transferred.' },
  otherParty: { code: 200, subcode: 0, message: 'The other party hung up.' },
  keepAlive: { code: 408, subcode: 8537, message: 'The call was ended: Graph heard no keepAlive in time.' },
} satisfies Record<string, ResultInfo>

/** `value` without the members whose value is `undefined`, which options read as absent. */
function definedMembers<T extends object>(value: T): T {
  const copy = { ...value } as Record<string, unknown>
  for (const key of Object.keys(copy)) if (copy[key] === undefined) delete copy[key]
  return copy as T
}

function participant(identity: unknown): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.participant',
    id: crypto.randomUUID(),
    info: { '@odata.type': '#microsoft.graph.participantInfo', identity },
    isMuted: false,
    isInLobby: false,
  }
}

function withoutAnnotations(resource: Record<string, unknown>): Record<string, unknown> {
  const { '@odata.id': _id, '@odata.etag': _etag, ...rest } = resource
  return rest
}

/** Whether a notification reached the bot's door: sent (whatever the bot answered), not dropped by the plan nor left unsent. */
function delivered(record: RecordedNotification | undefined): boolean {
  return record !== undefined && !record.dropped
}

/** Plays Graph's side of every call: what each action does, and what a test drives (calls, sharing, tones). */
export class CallControl implements CallEngine {
  readonly calls = new Map<string, SimulatedCallState>()
  readonly #plans = new Map<string, NotificationPlan>()
  readonly #settings: CallControlSettings
  #sender: NotificationSender | undefined
  #toneSequence = 0

  constructor(settings: CallControlSettings) {
    this.#settings = settings
  }

  /** Connects the sender (which itself asks this engine for each call's plan). */
  useSender(sender: NotificationSender): void {
    this.#sender = sender
  }

  planOf(call: SimulatedCallState): NotificationPlan {
    return this.#plans.get(call.id) ?? this.#settings.plan
  }

  #send(call: SimulatedCallState, label: string, build: () => CommsNotificationsBody | undefined): Promise<RecordedNotification | undefined> {
    return this.#sender!.send(call, label, build)
  }

  get #now(): number {
    return this.#settings.clock.now()
  }

  /** Sleeps on the simulator clock until `signal` or the simulator's end; true when the time was up. */
  #after(ms: number, signal?: AbortSignal): Promise<boolean> {
    const signals = signal === undefined ? [this.#settings.lifetime] : [signal, this.#settings.lifetime]
    return this.#settings.clock.sleep(ms, AbortSignal.any(signals)).then(
      () => true,
      () => false,
    )
  }

  // ---- what the requests do ---------------------------------------------------------------------------

  #gone(call: SimulatedCallState): ActionOutcome {
    const why = call.resultInfo?.message ? ` ${call.resultInfo.message}` : ''
    return { status: 404, code: 'itemNotFound', message: `Call ${call.id} has ended.${why}` }
  }

  #notAllowed(call: SimulatedCallState, action: string, needs: string): ActionOutcome {
    return { status: 409, code: 'notAllowed', message: `Call ${call.id} is ${call.state}; ${action} needs ${needs}.` }
  }

  /** Refuses an action on a call that has ended, or is not in the state the action needs. */
  #refusal(call: SimulatedCallState, action: string, needs: 'incoming' | 'established' | 'live'): ActionOutcome | undefined {
    if (call.ended) return this.#gone(call)
    if (needs === 'incoming' && call.state !== 'incoming') return this.#notAllowed(call, action, 'an incoming call')
    if (needs === 'established' && call.state !== 'established') return this.#notAllowed(call, action, 'an established call')
    return undefined
  }

  answer(call: SimulatedCallState, params: AnswerParams): ActionOutcome {
    const refused = this.#refusal(call, 'answer', 'incoming')
    if (refused) return refused
    call.deadline.abort()
    call.respondedAt = this.#now
    call.answer = params
    call.callbackUri = params.callbackUri ?? call.callbackUri
    const source = call.resource['source'] as { identity?: unknown } | undefined
    const target = (call.resource['targets'] as { identity?: unknown }[] | undefined)?.[0]
    const bot = participant(target?.identity)
    call.botParticipantId = bot['id'] as string
    for (const p of [participant(source?.identity), bot]) call.participants.set(p['id'] as string, p)
    this.#establish(call)
    return { status: 202 }
  }

  /** `establishing` then `established` (in the plan's order), then keep-alive checks. */
  #establish(call: SimulatedCallState): void {
    call.state = 'establishing'
    // The etags follow the order the states happen in, whatever order the plan sends them in: a bot that
    // keeps the newest etag must see `established` as the newer one even when it arrives first.
    const etags = { establishing: call.nextEtag(), established: call.nextEtag() }
    const states = this.planOf(call).establishedFirst ? (['established', 'establishing'] as const) : (['establishing', 'established'] as const)
    for (const state of states) {
      void this.#send(call, state, () => {
        // Graph sends nothing more about a call once it has ended.
        if (call.ended) return undefined
        if (state === 'established') {
          call.state = 'established'
          this.#armKeepAlive(call)
        }
        return buildCallStateNotification(call.id, state, { etag: etags[state] })
      })
    }
  }

  /** Graph ends a call it heard no keepAlive for in `keepAliveTimeoutMs` (45 minutes). */
  #armKeepAlive(call: SimulatedCallState): void {
    call.keepAliveTimer.abort()
    call.keepAliveTimer = new AbortController()
    void this.#after(this.#settings.keepAliveTimeoutMs, call.keepAliveTimer.signal).then((due) => {
      if (due && !call.ended) void this.end(call, ENDED.keepAlive)
    })
  }

  decline(call: SimulatedCallState, how: Parameters<CallEngine['decline']>[1]): ActionOutcome {
    const refused = this.#refusal(call, how.action, 'incoming')
    if (refused) return refused
    call.respondedAt = this.#now
    void this.end(call, how.action === 'redirect' ? ENDED.redirect : ENDED[how.params.reason ?? 'none'])
    return { status: 202 }
  }

  hangUp(call: SimulatedCallState): ActionOutcome {
    if (call.ended) return this.#gone(call)
    void this.end(call, ENDED.hangUp)
    return { status: 204 }
  }

  transfer(call: SimulatedCallState): ActionOutcome {
    const refused = this.#refusal(call, 'transfer', 'established')
    if (refused) return refused
    call.state = 'transferring'
    let announced: Promise<unknown> = Promise.resolve()
    for (const state of ['transferring', 'transferAccepted'] as const) {
      announced = this.#send(call, state, () => {
        if (call.ended) return undefined
        call.state = state
        return buildCallStateNotification(call.id, state, { etag: call.nextEtag() })
      })
    }
    // Once the transfer is accepted the bot is out of the call.
    void announced.then(() => (call.ended ? undefined : this.end(call, ENDED.transfer)))
    return { status: 202 }
  }

  keepAlive(call: SimulatedCallState): ActionOutcome {
    if (call.ended) return this.#gone(call)
    if (call.state === 'established') this.#armKeepAlive(call)
    return { status: 200 }
  }

  accept(call: SimulatedCallState, action: string): ActionOutcome {
    return this.#refusal(call, action, 'established') ?? { status: 202 }
  }

  startOperation(call: SimulatedCallState, init: OperationStart): ActionOutcome {
    const refused = this.#refusal(call, init.action, 'established')
    if (refused) return refused
    const body = (init.body ?? {}) as { clientContext?: unknown }
    const clientContext = typeof body.clientContext === 'string' ? body.clientContext : undefined
    const id = crypto.randomUUID()
    const operation: Record<string, unknown> = {
      '@odata.type': `#microsoft.graph.${init.type}`,
      id,
      status: init.atOnce ? 'completed' : 'running',
      ...(clientContext === undefined ? {} : { clientContext }),
    }
    call.operations.set(id, operation)
    // Graph answers these done (its docs show `"status": "completed"` and no notification of an end): the
    // bot's operation waiter settles on the answer, so there is nothing to notify and nothing for
    // `operationEndFirst` to send first.
    if (init.atOnce) return { status: init.status ?? 200, body: { ...operation } }
    const ended = this.#sender!.track(this.#runOperation(call, operation, init, clientContext))
    // The answer is what Graph had when the operation began, even when it is sent after the end.
    const answer = { status: init.status ?? 200, body: { ...operation } } as const
    return this.planOf(call).operationEndFirst === true ? { ...answer, answerAfter: ended } : answer
  }

  /**
   * Runs an operation to its end, on the simulator's clock: at its time (`ends`, else `operationDurationMs`),
   * or sooner when a stop tone or `cancelMediaProcessing` ends it; then notifies the end. Nothing is sent
   * for an operation of a call that ends first (it failed with the call) or of a closed simulator.
   */
  async #runOperation(call: SimulatedCallState, operation: Record<string, unknown>, init: OperationStart, clientContext: string | undefined): Promise<RecordedNotification | undefined> {
    const id = operation['id'] as string
    const timed = init.ends?.(this.#settings.operationDurationMs) ?? { afterMs: this.#settings.operationDurationMs, end: completed() }
    // Aborted with the end an event brings sooner (a stop tone, a cancellation).
    const sooner = new AbortController()
    call.running.set(id, { stopTones: init.stopTones ?? new Set(), onStopTone: init.onStopTone, onCancel: init.onCancel, endNow: (end) => sooner.abort(end) })
    const due = await this.#after(timed.afterMs, AbortSignal.any([call.endOfCall.signal, sooner.signal]))
    call.running.delete(id)
    if (call.ended || (!due && !sooner.signal.aborted)) return undefined
    const end: OperationEnd = due ? timed.end : (sooner.signal.reason as OperationEnd)
    const sent = await this.#send(call, `operation ${init.action}`, () => {
      // The call may have ended while the end waited its turn: the operation then failed with it.
      if (call.ended) return undefined
      Object.assign(operation, { status: end.status, resultInfo: { '@odata.type': '#microsoft.graph.resultInfo', ...end.resultInfo }, ...end.details })
      return buildOperationNotification(call.id, {
        type: init.type,
        operationId: id,
        status: end.status,
        resultInfo: end.resultInfo,
        ...(clientContext === undefined ? {} : { clientContext }),
        ...(end.details === undefined ? {} : { resourceData: end.details }),
      })
    })
    // Those invited join once their invitation has completed, and the roster says so.
    if (init.action === 'invite' && !call.ended) this.#join(call, (init.body as { participants?: { identity?: unknown }[] }).participants ?? [])
    return sent
  }

  setMuted(call: SimulatedCallState, participantId: string | undefined, muted: boolean, init: OperationStart): ActionOutcome {
    const refused = this.#refusal(call, init.action, 'established')
    if (refused) return refused
    const id = participantId ?? call.botParticipantId
    const target = id === undefined ? undefined : call.participants.get(id)
    if (target === undefined) return { status: 404, code: 'itemNotFound', message: `Call ${call.id} has no participant ${id ?? 'for the bot'}.` }
    const started = this.startOperation(call, { ...init, atOnce: true })
    if ('code' in started) return started
    target['isMuted'] = muted
    // "When this API returns a successful response, all participants will receive a roster update."
    this.#sendRoster(call)
    return started
  }

  subscribeToTone(call: SimulatedCallState, init: OperationStart): ActionOutcome {
    const started = this.startOperation(call, { ...init, atOnce: true })
    if (!('code' in started)) call.toneSubscribed = true
    return started
  }

  cancelMediaProcessing(call: SimulatedCallState, init: OperationStart): ActionOutcome {
    const started = this.startOperation(call, { ...init, atOnce: true })
    if ('code' in started) return started
    // In the order they started, so their failures are notified in that order.
    for (const running of [...call.running.values()]) if (running.onCancel !== undefined) running.endNow(running.onCancel)
    return started
  }

  readCall(call: SimulatedCallState): ActionOutcome {
    // Graph forgets a call once it has ended.
    if (call.ended) return this.#gone(call)
    return { status: 200, body: call.view() }
  }

  readOperation(call: SimulatedCallState, operationId: string): ActionOutcome {
    const operation = call.operations.get(operationId)
    if (operation === undefined) return { status: 404, code: 'itemNotFound', message: `Call ${call.id} has no operation ${operationId}.` }
    return { status: 200, body: { ...operation } }
  }

  listParticipants(call: SimulatedCallState): ActionOutcome {
    if (call.ended) return this.#gone(call)
    return { status: 200, body: { value: [...call.participants.values()] } }
  }

  readParticipant(call: SimulatedCallState, participantId: string): ActionOutcome {
    if (call.ended) return this.#gone(call)
    const found = call.participants.get(participantId)
    if (found === undefined) return { status: 404, code: 'itemNotFound', message: `Call ${call.id} has no participant ${participantId}.` }
    return { status: 200, body: found }
  }

  /** Adds the invitees to the call's roster and notifies the bot of the roster. */
  #join(call: SimulatedCallState, invitees: readonly { identity?: unknown }[]): void {
    for (const invitee of invitees) {
      const joined = participant(invitee.identity)
      call.participants.set(joined['id'] as string, joined)
    }
    this.#sendRoster(call)
  }

  #sendRoster(call: SimulatedCallState): void {
    void this.#send(call, 'participants', () => (call.ended ? undefined : buildParticipantsNotification(call.id, [...call.participants.values()])))
  }

  removeParticipant(call: SimulatedCallState, participantId: string): ActionOutcome {
    const found = this.readParticipant(call, participantId)
    if (found.status !== 200) return found
    call.participants.delete(participantId)
    this.#sendRoster(call)
    return { status: 204 }
  }

  audioRoutingGroups(call: SimulatedCallState, request: AudioRoutingGroupRequest): ActionOutcome {
    if (call.ended) return this.#gone(call)
    return applyAudioRoutingGroupRequest(call, request)
  }

  readContentSharingSessions(call: SimulatedCallState, sessionId?: string): ActionOutcome {
    if (call.ended) return this.#gone(call)
    const session = (id: string) => ({ '@odata.type': '#microsoft.graph.contentSharingSession', id })
    if (sessionId === undefined) return { status: 200, body: { value: [...call.contentSharingSessions].map(session) } }
    if (!call.contentSharingSessions.has(sessionId)) return { status: 404, code: 'itemNotFound', message: `Call ${call.id} has no content-sharing session ${sessionId}.` }
    return { status: 200, body: session(sessionId) }
  }

  placeOutgoingCall(params: CreateCallParams): ActionOutcome {
    const id = crypto.randomUUID()
    const { '@odata.type': _type, callbackUri, ...rest } = params
    const bot = { application: { id: this.#settings.appId } }
    const resource = { ...rest, source: { '@odata.type': '#microsoft.graph.participantInfo', identity: bot }, tenantId: params.tenantId ?? this.#settings.tenantId }
    const call = new SimulatedCallState({ id, direction: 'outgoing', state: 'establishing', callbackUri, placedAt: this.#now, resource })
    this.calls.set(id, call)
    const own = participant(bot)
    call.botParticipantId = own['id'] as string
    for (const p of [own, ...(params.targets ?? []).map((t) => participant(t.identity))]) call.participants.set(p['id'] as string, p)
    this.#establish(call)
    return { status: 201, body: call.view() }
  }

  // ---- what a test drives -----------------------------------------------------------------------------

  /**
   * Ends a call: state `terminated`, timers stopped, its running operations failed with the call's
   * `resultInfo` (Graph notifies no operation of a call that is gone), the bot notified.
   */
  end(call: SimulatedCallState, resultInfo: ResultInfo): Promise<RecordedNotification | undefined> {
    call.deadline.abort()
    call.keepAliveTimer.abort()
    call.endOfCall.abort()
    call.state = 'terminated'
    call.resultInfo = { '@odata.type': '#microsoft.graph.resultInfo', ...resultInfo }
    call.contentSharingSessions.clear()
    for (const operation of call.operations.values()) {
      if (operation['status'] !== 'completed' && operation['status'] !== 'failed') Object.assign(operation, { status: 'failed', resultInfo: { ...call.resultInfo } })
    }
    return this.#send(call, 'terminated', () => buildTerminatedNotification(call.id, { resultInfo, etag: call.nextEtag() }))
  }

  async placeIncomingCall(init: PlaceCallInit): Promise<SimulatedCallState> {
    const { answerTimeoutMs, notifications, ...given } = init
    // Spread over the simulator's own bot, tenant and call chain, a member given as undefined would hide them.
    const incoming = definedMembers(given)
    const id = incoming.callId ?? crypto.randomUUID()
    if (this.calls.has(id)) throw new Error(`call ${id} was already placed`)
    const timeoutMs =
      answerTimeoutMs ?? (incoming.policyBasedRecording ? this.#settings.policyRecordingAnswerTimeoutMs : this.#settings.answerTimeoutMs)
    const { appId } = this.#settings
    // Graph invites a compliance-recording bot as its application instance (the policy's resource account),
    // not as the application it calls for any other call.
    const bot = (
      incoming.policyBasedRecording
        ? { '@odata.type': '#microsoft.graph.identitySet', applicationInstance: { id: appId, identityProvider: 'AAD' } }
        : { application: { displayName: 'Test BOT', id: appId } }
    ) as IdentitySet
    const body = buildIncomingCallNotification({
      bot,
      tenantId: this.#settings.tenantId,
      callChainId: crypto.randomUUID(),
      ...incoming,
      callId: id,
      etag: 'W/"1"',
    })
    const resource = withoutAnnotations(body.value[0]!.resourceData as Record<string, unknown>)
    const call = new SimulatedCallState({ id, direction: 'incoming', state: 'incoming', callbackUri: this.#settings.callbackUri, placedAt: this.#now, answerTimeoutMs: timeoutMs, resource })
    call.nextEtag() // the incoming notification's
    this.calls.set(id, call)
    if (notifications !== undefined) this.#plans.set(id, notifications)
    // The deadline is not counted by idle(): a test awaits it by moving the clock.
    void this.#after(timeoutMs, call.deadline.signal).then((due) => {
      if (due && call.state === 'incoming') void this.end(call, { code: 408, subcode: 0, message: `The call was not answered within ${timeoutMs} ms.` })
    })
    await this.#send(call, 'incoming', () => body)
    return call
  }

  /** The other party hangs up. */
  async endCall(call: SimulatedCallState, resultInfo: ResultInfo = ENDED.otherParty): Promise<void> {
    if (call.ended) throw new Error(`call ${call.id} has already ended`)
    await this.end(call, resultInfo)
  }

  async startContentSharing(call: SimulatedCallState): Promise<{ sessionId: string; notified: boolean }> {
    if (call.state !== 'established') throw new Error(`call ${call.id} is ${call.state}: content sharing needs an established call`)
    const sessionId = crypto.randomUUID()
    call.contentSharingSessions.add(sessionId)
    return { sessionId, notified: await this.#sendContentSharing(call, 'started', sessionId) }
  }

  async stopContentSharing(call: SimulatedCallState, sessionId?: string): Promise<{ sessionId: string; notified: boolean }> {
    const session = sessionId ?? [...call.contentSharingSessions].at(-1)
    if (session === undefined || !call.contentSharingSessions.delete(session)) {
      throw new Error(`call ${call.id} has no content sharing session${sessionId === undefined ? '' : ` ${sessionId}`}`)
    }
    return { sessionId: session, notified: await this.#sendContentSharing(call, 'ended', session) }
  }

  async #sendContentSharing(call: SimulatedCallState, change: 'started' | 'ended', sessionId: string): Promise<boolean> {
    // Graph sends these only to a bot that asked for them in its answer.
    if (call.answer?.callOptions?.isContentSharingNotificationEnabled !== true) return false
    return delivered(await this.#send(call, `contentSharing ${change}`, () => buildContentSharingNotification(call.id, change, sessionId)))
  }

  /**
   * The caller presses a key: a tone notification for a bot that subscribed to tones, and the end of each
   * recording under way that has it among its stop tones (whether or not the bot subscribed), notified
   * after the tone.
   */
  async pressTone(call: SimulatedCallState, tone: Tone): Promise<boolean> {
    if (call.state !== 'established') throw new Error(`call ${call.id} is ${call.state}: tones need an established call`)
    // Queued first, so a subscribed bot hears the key before the end of the recording it stopped.
    const toneSent = call.toneSubscribed ? this.#sendTone(call, tone) : Promise.resolve(undefined)
    for (const running of [...call.running.values()]) {
      if (running.onStopTone !== undefined && running.stopTones.has(tone)) running.endNow(running.onStopTone)
    }
    return delivered(await toneSent)
  }

  #sendTone(call: SimulatedCallState, tone: Tone): Promise<RecordedNotification | undefined> {
    const toneInfo = { '@odata.type': '#microsoft.graph.toneInfo', sequenceId: ++this.#toneSequence, tone }
    return this.#send(call, `tone ${tone}`, () => (call.ended ? undefined : buildCallStateNotification(call.id, 'established', { etag: call.nextEtag(), resourceData: { toneInfo } })))
  }

  async notify(call: SimulatedCallState, body: CommsNotificationsBody, label: string): Promise<RecordedNotification> {
    const sent = await this.#send(call, label, () => body)
    if (sent === undefined) throw new Error(`the notification to call ${call.id} was not sent: the simulator closed`)
    return sent
  }
}
