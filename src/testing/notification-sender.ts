import type { CallState } from '../schemas/types.ts'
import type { CommsNotificationsBody } from './notification-builders.ts'
import type { DeliveryContext, NotificationDelivery } from './notification-delivery.ts'
import { drops, type NotificationDrop } from './notification-drops.ts'
import { holdTimeFor } from './manual-clock.ts'
import type { SimulatedCallState } from './simulated-call.ts'
import type { SimulatorClock } from './simulator-clock.ts'
import type { RecordLog, RecordedNotification } from './simulator-records.ts'
import type { TestSigner } from './test-signer.ts'

/** How the simulator sends the notifications that follow an incoming one, to test how tolerant the bot is. */
export interface NotificationPlan {
  /** Sends `established` before `establishing`, as Graph may. */
  establishedFirst?: boolean | undefined
  /** Sends every notification of the call twice. */
  duplicate?: boolean | undefined
  /** Waits this long (simulator clock) before each notification that follows the incoming one. */
  delayMs?: number | undefined
  /**
   * Notifies an operation's end before answering the request that started it, as Graph may: the answer
   * (still saying `running`) waits for the operation's duration and until the bot has answered the
   * notification's POST.
   */
  operationEndFirst?: boolean | undefined
  /**
   * Posts each of a call's notifications once the one before has been handed to the bot, without waiting
   * for its answer, as Graph may: the bot's handler then reads several of one call's notifications at once,
   * and can finish a later one first. In order (the default), each waits for the bot's answer to the one before.
   */
  concurrent?: boolean | undefined
  /**
   * Drops the notifications it names, as Graph may lose one: by label or kind (`['established']`,
   * `['operation']` for every operation's end), or a predicate over each notification (its call, label and
   * body). A dropped notification is not delivered (not twice with `duplicate` either) and is recorded with
   * `dropped: true`, at the time it would have been sent; what it announced happens all the same (the call
   * is established, the operation completed, the roster changed).
   */
  drop?: NotificationDrop | undefined
}

const CALL_STATES: ReadonlySet<string> = new Set<CallState>(['incoming', 'establishing', 'established', 'hold', 'transferring', 'transferAccepted', 'redirecting', 'terminating', 'terminated'])

function isCallState(label: string): label is CallState {
  return CALL_STATES.has(label)
}

/** Sends each call's notifications to the bot, signed, in order, as the call's plan says; and knows what is under way. */
export class NotificationSender {
  readonly #clock: SimulatorClock
  readonly #deliver: NotificationDelivery
  readonly #signer: TestSigner
  readonly #log: RecordLog
  readonly #lifetime: AbortSignal
  readonly #planOf: (call: SimulatedCallState) => NotificationPlan
  readonly #pending = new Set<Promise<unknown>>()
  /** Handed with every notification: the bot's work counts as under way, so `idle()` waits for it. */
  readonly #context: DeliveryContext = { waitUntil: (work) => void this.track(work).catch(() => {}) }

  constructor(init: {
    clock: SimulatorClock
    deliver: NotificationDelivery
    signer: TestSigner
    log: RecordLog
    lifetime: AbortSignal
    planOf: (call: SimulatedCallState) => NotificationPlan
  }) {
    this.#clock = init.clock
    this.#deliver = init.deliver
    this.#signer = init.signer
    this.#log = init.log
    this.#lifetime = init.lifetime
    this.#planOf = init.planOf
  }

  /**
   * Queues a notification of `call` after those already queued and after the plan's delay (none for the
   * incoming one), builds its body then (undefined: there is nothing to send any more), and sends it,
   * twice when the plan says so. Resolves with the record of the first sending.
   */
  send(call: SimulatedCallState, label: string, build: () => CommsNotificationsBody | undefined): Promise<RecordedNotification | undefined> {
    const plan = this.#planOf(call)
    // The delay starts now, not when the notifications before this one are done: a test that advances the
    // clock by the delay right after the answer sees the notification go.
    const delayed = label !== 'incoming' && (plan.delayMs ?? 0) > 0 ? this.#clock.sleep(plan.delayMs ?? 0, this.#lifetime) : undefined
    let handedOver!: () => void
    const handed = new Promise<void>((resolve) => (handedOver = resolve))
    const run = async (): Promise<RecordedNotification | undefined> => {
      try {
        await delayed
      } catch {
        return undefined // the simulator closed
      }
      // A closed simulator sends nothing more, whatever was queued before it closed.
      if (this.#lifetime.aborted) return undefined
      const body = build()
      if (body === undefined) return undefined
      // Built first: what the notification announces happens in Graph whether or not the bot hears of it.
      let dropped: boolean
      try {
        dropped = drops(plan.drop, { callId: call.id, label, body })
      } catch (error) {
        // A predicate that throws drops what it was asked about, and its record says why, rather than stall the call.
        return this.#dropped(call, label, body, `the drop predicate threw: ${error instanceof Error ? error.message : String(error)}`)
      }
      if (dropped) return this.#dropped(call, label, body)
      const first = await this.#post(call, label, body, handedOver)
      if (isCallState(label)) call.notified(label)
      if (plan.duplicate && !this.#lifetime.aborted) await this.#post(call, label, body)
      return first
    }
    const sent = call.deliveries.then(run)
    // The next notification of the call waits for this one's answer, or, concurrent, only until it is handed
    // over (a notification that is not sent settles `sent` at once).
    call.deliveries = (plan.concurrent ? Promise.race([handed, sent]) : sent).then(
      () => undefined,
      () => undefined,
    )
    return this.track(sent)
  }

  /** Counts `promise` as work under way until it settles. */
  track<T>(promise: Promise<T>): Promise<T> {
    this.#pending.add(promise)
    void promise.finally(() => this.#pending.delete(promise)).catch(() => {})
    return promise
  }

  /** Resolves once nothing is under way: no notification, and no work the bot handed to `waitUntil`. */
  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending])
  }

  /** Records a notification the plan dropped, and tells the call (a wait for its state then knows it will never come). */
  #dropped(call: SimulatedCallState, label: string, body: CommsNotificationsBody, error?: string): RecordedNotification {
    const record: RecordedNotification = { kind: 'notification', at: this.#clock.now(), durationMs: 0, callId: call.id, label, url: call.callbackUri, body, status: undefined, error, dropped: true }
    this.#log.begin()(record)
    if (isCallState(label)) call.droppedNotification(label)
    return record
  }

  /**
   * Posts one notification to the bot; `handedOver` is called once the request is with the bot, before its
   * answer. A manual clock waits for it before it moves on: the notification is sent at the time it is due.
   */
  #post(call: SimulatedCallState, label: string, body: CommsNotificationsBody, handedOver?: () => void): Promise<RecordedNotification> {
    const posting = this.#postNow(call, label, body, handedOver)
    holdTimeFor(this.#clock, posting)
    return posting
  }

  async #postNow(call: SimulatedCallState, label: string, body: CommsNotificationsBody, handedOver?: () => void): Promise<RecordedNotification> {
    const at = this.#clock.now()
    const finish = this.#log.begin()
    const url = call.callbackUri
    let status: number | undefined
    let error: string | undefined
    try {
      const headers = { 'content-type': 'application/json', authorization: await this.#signer.authorizationHeader() }
      // Closing the simulator cancels a notification on its way: a bot that never answers keeps nothing open.
      const answering = this.#deliver(new Request(url, { method: 'POST', headers, body: JSON.stringify(body), signal: this.#lifetime }), this.#context)
      handedOver?.()
      const answer = await untilAborted(answering, this.#lifetime)
      status = answer.status
      await answer.body?.cancel()
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause)
    }
    const record: RecordedNotification = { kind: 'notification', at, durationMs: this.#clock.now() - at, callId: call.id, label, url, body, status, error, dropped: false }
    finish(record)
    return record
  }
}

/**
 * `promise`, or a rejection with the signal's reason once it aborts first (a bot in process may ignore the
 * signal). The testing kit reaches the library through its public entries only, so it has its own copy of
 * the transport's `untilAborted`.
 */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}
