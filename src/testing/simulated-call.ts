import type { AnswerParams } from '../requests/index.ts'
import type { CallState, ResultInfo, Tone } from '../schemas/types.ts'
import type { OperationEnd } from './operation-ends.ts'

/** A call as the simulator sees it (a snapshot: it does not change after it is taken). */
export interface SimulatedCall {
  readonly id: string
  /** `incoming` for a call placed to the bot, `outgoing` for one the bot created. */
  readonly direction: 'incoming' | 'outgoing'
  /** Graph's state of the call. */
  readonly state: CallState
  /** Where the call's notifications go: the bot's callback URL, or the `callbackUri` of its answer. */
  readonly callbackUri: string
  /** When the call began: its incoming notification, or the bot's create request (simulator clock, ms). */
  readonly placedAt: number
  /** When an incoming call not answered, rejected or redirected by then is dropped. */
  readonly answerDeadlineAt: number | undefined
  /** When Graph accepted the answer, reject or redirect. */
  readonly respondedAt: number | undefined
  /** The body of the accepted answer. */
  readonly answer: AnswerParams | undefined
  /** Why the call ended, once it has. */
  readonly resultInfo: ResultInfo | undefined
  /** The call states the bot has been sent notifications of (whatever it answered), in order. */
  readonly notifiedStates: readonly CallState[]
  /** The call states whose notification the plan dropped (`notifications.drop`), in order: the bot was never sent them. */
  readonly droppedStates: readonly CallState[]
  /** The content sharing sessions going on. */
  readonly contentSharingSessions: readonly string[]
  /** The operations the bot started, by id, as Graph reports them now. */
  readonly operations: readonly Record<string, unknown>[]
  /** The audio routing groups the bot made, as Graph reports them now. */
  readonly audioRoutingGroups: readonly Record<string, unknown>[]
}

type StateWaiter = { state: CallState; resolve: (call: SimulatedCall) => void; reject: (error: Error) => void; dispose: () => void }

/** An operation under way that something other than its time can end: a stop tone, `cancelMediaProcessing`. */
export interface RunningOperation {
  /** The tones that end it at once (a recording's `stopTones`), and how it ends then. */
  readonly stopTones: ReadonlySet<Tone>
  readonly onStopTone: OperationEnd | undefined
  /** How `cancelMediaProcessing` ends it; undefined for an operation that is not a prompt or a recording. */
  readonly onCancel: OperationEnd | undefined
  /** Ends it now, as `end`. */
  readonly endNow: (end: OperationEnd) => void
}

/** The simulator's mutable record of one call. */
export class SimulatedCallState {
  readonly id: string
  readonly direction: 'incoming' | 'outgoing'
  state: CallState
  callbackUri: string
  readonly placedAt: number
  readonly answerDeadlineAt: number | undefined
  respondedAt: number | undefined
  answer: AnswerParams | undefined
  resultInfo: ResultInfo | undefined
  readonly notifiedStates: CallState[] = []
  readonly droppedStates: CallState[] = []
  readonly contentSharingSessions = new Set<string>()
  /** The call resource as created (the incoming notification's or the create request's). */
  readonly resource: Record<string, unknown>
  readonly operations = new Map<string, Record<string, unknown>>()
  readonly participants = new Map<string, Record<string, unknown>>()
  /** The id of the bot's own participant in the roster (what `mute` and `unmute` act on), once it has one. */
  botParticipantId: string | undefined
  /** The operations under way that a stop tone or `cancelMediaProcessing` can end, by id. */
  readonly running = new Map<string, RunningOperation>()
  /** The audio routing groups the bot made, by id. */
  readonly audioRoutingGroups = new Map<string, Record<string, unknown>>()
  /** Whether the bot subscribed to DTMF tones. */
  toneSubscribed = false
  /** Aborted once the call no longer waits for an answer. */
  readonly deadline = new AbortController()
  /** Aborted when the call ends: what runs only while the call lasts (its operations) stops then. */
  readonly endOfCall = new AbortController()
  /** Aborted and replaced at each keep-alive; aborted for good when the call ends. */
  keepAliveTimer = new AbortController()
  /** Notifications of one call go out one after the other, each once the previous one was answered. */
  deliveries: Promise<void> = Promise.resolve()
  #etag = 0
  #waiters: StateWaiter[] = []

  constructor(init: {
    id: string
    direction: 'incoming' | 'outgoing'
    state: CallState
    callbackUri: string
    placedAt: number
    answerTimeoutMs?: number
    resource: Record<string, unknown>
  }) {
    this.id = init.id
    this.direction = init.direction
    this.state = init.state
    this.callbackUri = init.callbackUri
    this.placedAt = init.placedAt
    this.answerDeadlineAt = init.answerTimeoutMs === undefined ? undefined : init.placedAt + init.answerTimeoutMs
    this.resource = init.resource
  }

  /** The next `@odata.etag`: Graph's grows with every change of the call. */
  nextEtag(): string {
    this.#etag += 1
    return `W/"${this.#etag}"`
  }

  get ended(): boolean {
    return this.state === 'terminated'
  }

  /** The call resource as `GET /communications/calls/{id}` returns it now. */
  view(): Record<string, unknown> {
    return {
      ...this.resource,
      '@odata.type': '#microsoft.graph.call',
      id: this.id,
      state: this.state,
      direction: this.direction,
      callbackUri: this.callbackUri,
      ...(this.resultInfo === undefined ? {} : { resultInfo: this.resultInfo }),
    }
  }

  /** Notes that the bot was sent `state`, and settles whoever waits for it. */
  notified(state: CallState): void {
    this.notifiedStates.push(state)
    for (const waiter of [...this.#waiters]) {
      if (waiter.state === state) this.#settle(waiter, () => waiter.resolve(this.snapshot()))
      else if (state === 'terminated') this.#settle(waiter, () => waiter.reject(this.#endedBefore(waiter.state)))
    }
  }

  /**
   * Notes that the plan dropped the notification of `state`: whoever waits for it is told it will never be
   * sent (each state is notified once), and a dropped `terminated` ends every wait, as a sent one does.
   */
  droppedNotification(state: CallState): void {
    this.droppedStates.push(state)
    for (const waiter of [...this.#waiters]) {
      if (waiter.state === state) this.#settle(waiter, () => waiter.reject(this.#droppedError(state)))
      else if (state === 'terminated') this.#settle(waiter, () => waiter.reject(this.#endedBefore(waiter.state)))
    }
  }

  #droppedError(state: CallState): Error {
    return new Error(`the notification of '${state}' on call ${this.id} was dropped by the notification plan: the bot was never sent it`)
  }

  #endedBefore(state: CallState): Error {
    return new Error(`call ${this.id} ended before the bot was notified of '${state}'`)
  }

  /**
   * Resolves once the bot has been sent `state` (at once if it already was); rejects at once when the plan
   * dropped that notification, and when the call ends, or `closed` aborts (the simulator closed: nothing
   * more will be sent), before it was sent.
   */
  waitForNotified(state: CallState, closed?: AbortSignal): Promise<SimulatedCall> {
    if (this.notifiedStates.includes(state)) return Promise.resolve(this.snapshot())
    if (this.droppedStates.includes(state)) return Promise.reject(this.#droppedError(state))
    if (this.notifiedStates.includes('terminated') || this.droppedStates.includes('terminated')) {
      return Promise.reject(new Error(`call ${this.id} ended without the bot being notified of '${state}'`))
    }
    const closedError = (): Error => new Error(`the simulator closed before the bot was notified of '${state}' on call ${this.id}`)
    if (closed?.aborted) return Promise.reject(closedError())
    return new Promise((resolve, reject) => {
      const onClosed = (): void => this.#settle(waiter, () => reject(closedError()))
      const waiter: StateWaiter = {
        state,
        resolve,
        reject,
        dispose: () => closed?.removeEventListener('abort', onClosed),
      }
      closed?.addEventListener('abort', onClosed, { once: true })
      this.#waiters.push(waiter)
    })
  }

  #settle(waiter: StateWaiter, settle: () => void): void {
    this.#waiters = this.#waiters.filter((w) => w !== waiter)
    waiter.dispose()
    settle()
  }

  snapshot(): SimulatedCall {
    return {
      id: this.id,
      direction: this.direction,
      state: this.state,
      callbackUri: this.callbackUri,
      placedAt: this.placedAt,
      answerDeadlineAt: this.answerDeadlineAt,
      respondedAt: this.respondedAt,
      answer: this.answer,
      resultInfo: this.resultInfo,
      notifiedStates: [...this.notifiedStates],
      droppedStates: [...this.droppedStates],
      contentSharingSessions: [...this.contentSharingSessions],
      operations: [...this.operations.values()].map((operation) => ({ ...operation })),
      audioRoutingGroups: [...this.audioRoutingGroups.values()].map((group) => ({ ...group })),
    }
  }
}
