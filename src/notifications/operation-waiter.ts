import { AbortError, TimeoutError, ValidationError, type Issue } from '../errors.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { ResultInfo } from '../schemas/types.generated.ts'
import type { CallEvent, CallTerminatedEvent, OperationCompletedEvent, OperationFailedEvent } from './call-event.ts'
import { callEndedOutcome, finishedOutcome, type OperationOutcome } from './operation-outcome.ts'
import { clockIssue, timedWait, timeoutIssue, type WaitClock } from './wait-timeout.ts'

/** What identifies the operation to wait for: usually the operation an action answered with. */
export interface OperationRef {
  readonly id?: string | null | undefined
  readonly clientContext?: string | null | undefined
  readonly status?: string | null | undefined
  /** Why it ended, when `status` is final; anything but an object (Graph's `null`) is none. */
  readonly resultInfo?: unknown
}

/** Options of `createOperationWaiter`. */
export interface OperationWaiterOptions {
  /**
   * How long a wait lasts when the call to `wait` does not say: milliseconds from 0 to 2147483647 (2^31−1,
   * about 24.8 days), or `Infinity` for no time limit; any other value is a `ValidationError`.
   * @default 300000 (5 minutes)
   */
  defaultTimeoutMs?: number | undefined
  /**
   * How long a final operation notification is kept for a wait that starts later: Graph may notify before
   * the action's own HTTP answer reaches the bot. @default 60000
   */
  keepFinishedMs?: number | undefined
  /** At most this many finished operations are kept for late waits (oldest dropped first). @default 1000 */
  maxFinished?: number | undefined
  /**
   * At most this many ended calls are kept, so that a wait begun after its call ended ends at once (oldest
   * dropped first). @default 1000
   */
  maxEndedCalls?: number | undefined
  /** The time, replaceable in tests. @default the clock's `now`, else Date.now */
  now?: (() => number) | undefined
  /**
   * The clock the timeouts run on, the same shape the client takes (`{ now, sleep }`): the testing kit's
   * `ManualClock` times out waits as it moves. Without one, a timeout is a timer that never keeps the
   * process alive.
   */
  clock?: OperationWaiterClock | undefined
}

/** A clock for the waiter's timeouts: the time, and a wait that ends early when its signal aborts. */
export type OperationWaiterClock = WaitClock

/** Per-wait options. */
export interface OperationWaitOptions {
  /**
   * Fail with a `TimeoutError` after this long: milliseconds from 0 to 2147483647 (2^31−1), or `Infinity`
   * for no time limit; any other value rejects the wait with a `ValidationError`.
   * @default the waiter's `defaultTimeoutMs`
   */
  timeoutMs?: number | undefined
  /** Stop waiting (an `AbortError`) when this aborts. */
  signal?: AbortSignal | undefined
}

/** Resolves waits for operations when their final notification arrives, or their call ends. */
export interface OperationWaiter {
  /** Feeds one event (pass every event the handler gives; all but operation ends and `call.terminated` are ignored). */
  observe(event: CallEvent): void
  /**
   * Resolves when the operation on `callId` completes or fails (matched by operation id, else by
   * clientContext), or with `status: 'CallEnded'` when the call ends first or had already ended.
   */
  wait(callId: string, operation: OperationRef, options?: OperationWaitOptions): Promise<OperationOutcome>
  /** Waits not yet settled. */
  readonly pending: number
  /** Ends every pending wait with an `AbortError` and forgets finished operations and ended calls. */
  close(): void
}

type Final = OperationCompletedEvent | OperationFailedEvent

interface Pending {
  readonly callId: string
  readonly operationId: string | undefined
  readonly clientContext: string | undefined
  readonly settle: (outcome: OperationOutcome | Error) => void
}


/** An issue for a bound that is not one (NaN would keep everything forever): a count, or a time in ms. */
function limitIssue(value: unknown, path: string, kind: 'count' | 'ms'): Issue | undefined {
  if (typeof value === 'number' && value >= 0 && (kind === 'count' ? Number.isInteger(value) : Number.isFinite(value))) return undefined
  return { path, message: kind === 'count' ? 'expected a whole number, 0 or more' : 'expected a number of milliseconds, 0 or more' }
}

/** A `resultInfo` as the notifications give it: an object, or none (Graph sends `null` while it has none). */
const resultInfoOf = (value: unknown): Inbound<ResultInfo> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Inbound<ResultInfo>) : undefined

const isFinal = (event: CallEvent): event is Final => event.type === 'operation.completed' || event.type === 'operation.failed'

const matches = (p: { callId: string; operationId: string | undefined; clientContext: string | undefined }, e: Final) =>
  e.callId === p.callId && (p.operationId !== undefined ? e.operationId === p.operationId : e.clientContext === p.clientContext)

/**
 * Lets a bot await an operation that Graph finishes later by notification:
 * `await waiter.wait(callId, (await client.calls.playPrompt(callId, params)).body)`. Every wait ends (by
 * outcome, the end of its call, timeout unless it has no time limit, abort or `close`) and then leaves
 * nothing behind; its timer never keeps a process alive. Throws a `ValidationError` for a
 * `defaultTimeoutMs` no timer can keep.
 */
export function createOperationWaiter(options: OperationWaiterOptions = {}): OperationWaiter {
  const { clock } = options
  const now = options.now ?? (clock ? () => clock.now() : Date.now)
  const keepMs = options.keepFinishedMs ?? 60_000
  const maxFinished = options.maxFinished ?? 1000
  const maxEndedCalls = options.maxEndedCalls ?? 1000
  const defaultTimeoutMs = options.defaultTimeoutMs ?? 300_000
  const issues = [
    timeoutIssue(defaultTimeoutMs, '$.defaultTimeoutMs'),
    limitIssue(keepMs, '$.keepFinishedMs', 'ms'),
    limitIssue(maxFinished, '$.maxFinished', 'count'),
    limitIssue(maxEndedCalls, '$.maxEndedCalls', 'count'),
    clockIssue(clock, '$.clock'),
  ].filter((issue) => issue !== undefined)
  if (issues.length > 0) throw new ValidationError('operation waiter options', issues)
  const waiting = new Set<Pending>()
  // Finished operations in arrival order, for waits that start after the notification came.
  let finished: { at: number; event: Final }[] = []
  // The operations whose end has been handed to a wait (the most recent ones): Graph may deliver that end
  // again, and a repeat must not be kept for a later wait that reuses the clientContext.
  const delivered = new Set<string>()
  const markDelivered = (operationId: string) => {
    delivered.add(operationId)
    if (delivered.size > maxFinished) delivered.delete(delivered.values().next().value!)
  }

  // The calls that ended, by id, oldest first. Graph never reuses a call id, so an end stays true however
  // old it is: only their number is bounded, not how long they are kept.
  const endedCalls = new Map<string, CallTerminatedEvent>()
  const callEnded = (event: CallTerminatedEvent) => {
    // A call may be notified as terminated more than once (its state, then its deletion): the first end stands.
    if (!endedCalls.has(event.callId)) {
      endedCalls.set(event.callId, event)
      if (endedCalls.size > maxEndedCalls) endedCalls.delete(endedCalls.keys().next().value!)
    }
    const end = endedCalls.get(event.callId) ?? event
    for (const p of [...waiting]) if (p.callId === event.callId) p.settle(callEndedOutcome(p, end))
  }

  const prune = () => {
    const cutoff = now() - keepMs
    let drop = 0
    while (drop < finished.length && (finished[drop]!.at < cutoff || finished.length - drop > maxFinished)) drop++
    if (drop > 0) finished = finished.slice(drop)
  }

  return {
    observe(event) {
      if (event.type === 'call.terminated') {
        callEnded(event)
        return
      }
      if (!isFinal(event) || delivered.has(event.operationId)) return
      // Every wait for this operation hears its end, not only the first.
      let settled = false
      for (const p of [...waiting]) {
        if (matches(p, event)) {
          p.settle(finishedOutcome(event))
          settled = true
        }
      }
      if (settled) markDelivered(event.operationId)
      else if (!finished.some((f) => f.event.operationId === event.operationId && f.event.callId === event.callId)) {
        finished.push({ at: now(), event })
        prune()
      }
    },

    wait(callId, operation, waitOptions = {}) {
      const operationId = operation.id ?? undefined
      const clientContext = operation.clientContext ?? undefined
      if (operationId === undefined && clientContext === undefined) {
        return Promise.reject(new TypeError('An operation to wait for needs its id or its clientContext'))
      }
      const timeoutMs = waitOptions.timeoutMs ?? defaultTimeoutMs
      const waitIssue = timeoutIssue(timeoutMs, '$.timeoutMs')
      if (waitIssue) return Promise.reject(new ValidationError('operation wait options', [waitIssue]))
      const status = operation.status?.toLowerCase()
      if (status === 'completed' || status === 'failed') {
        // Graph may still notify this end: it must not be kept for a later wait that reuses the clientContext.
        if (operationId !== undefined) markDelivered(operationId)
        return Promise.resolve({ status: status === 'completed' ? 'Completed' : 'Failed', operationId, clientContext, resultInfo: resultInfoOf(operation.resultInfo), event: undefined })
      }
      const key = { callId, operationId, clientContext }
      prune()
      const early = finished.findIndex((f) => matches(key, f.event))
      if (early >= 0) {
        // An end kept under its id serves every wait for that id; one matched by clientContext only the
        // first, as a later wait with the same clientContext is for another operation.
        const { event } = operationId === undefined ? finished.splice(early, 1)[0]! : finished[early]!
        markDelivered(event.operationId)
        return Promise.resolve(finishedOutcome(event))
      }
      // Checked after the early ends: an operation that ended before its call did keeps its own outcome.
      const end = endedCalls.get(callId)
      if (end !== undefined) return Promise.resolve(callEndedOutcome(key, end))
      const { signal } = waitOptions
      if (signal?.aborted) return Promise.reject(new AbortError('The wait for the operation was aborted', { cause: signal.reason }))
      const pending: Pending = { ...key, settle: (x) => wait.settle(x) }
      const wait = timedWait<OperationOutcome>(
        { timeoutMs, clock, signal },
        {
          aborted: () => new AbortError('The wait for the operation was aborted', { cause: signal?.reason }),
          timedOut: () => new TimeoutError(`No final notification for operation ${operationId ?? `with clientContext ${JSON.stringify(clientContext)}`} on call ${callId} within ${timeoutMs} ms`),
        },
        () => waiting.delete(pending),
      )
      waiting.add(pending)
      return wait.promise
    },

    get pending() {
      return waiting.size
    },

    close() {
      for (const p of [...waiting]) p.settle(new AbortError('The operation waiter was closed'))
      finished = []
      delivered.clear()
      endedCalls.clear()
    },
  }
}
