import { AbortError, TimeoutError, ValidationError } from '../errors.ts'
import { hasReachedState } from './call-state-order.ts'
import { timedWait, timeoutIssue, type WaitClock } from './wait-timeout.ts'

/** Options of one wait for a call's state. */
export interface CallStateWaitOptions {
  /**
   * Fail with a `TimeoutError` after this long: milliseconds from 0 to 2147483647 (2^31−1), or `Infinity`
   * for no time limit; any other value rejects the wait with a `ValidationError`.
   * @default 300000 (5 minutes)
   */
  timeoutMs?: number | undefined
  /** Stop waiting (an `AbortError`) when this aborts. */
  signal?: AbortSignal | undefined
}

/** What a wait needs to know of a call. */
interface CallWithState {
  readonly callId: string
  readonly state: string | undefined
}

interface StateWait<Call> {
  readonly state: string
  readonly settle: (result: Call | Error) => void
}

/** The waits for calls to reach a state, settled as the tracker folds in their events. */
export class StateWaits<Call extends CallWithState> {
  readonly #byCall = new Map<string, Set<StateWait<Call>>>()
  readonly #clock: WaitClock | undefined

  constructor(clock: WaitClock | undefined) {
    this.#clock = clock
  }

  /** Resolves with a copy of the call once it has reached `state` (at once when `known` has), per `hasReachedState`. */
  wait(callId: string, known: Call | undefined, state: string, options: CallStateWaitOptions = {}): Promise<Call> {
    const timeoutMs = options.timeoutMs ?? 300_000
    const issue = timeoutIssue(timeoutMs, '$.timeoutMs')
    if (issue) return Promise.reject(new ValidationError('call state wait options', [issue]))
    if (known !== undefined && hasReachedState(known.state, state)) return Promise.resolve({ ...known })
    const { signal } = options
    if (signal?.aborted) return Promise.reject(new AbortError(`The wait for call ${callId} to be ${state} was aborted`, { cause: signal.reason }))
    const waits = this.#byCall.get(callId) ?? new Set()
    this.#byCall.set(callId, waits)
    const entry: StateWait<Call> = { state, settle: (result) => wait.settle(result) }
    const wait = timedWait<Call>(
      { timeoutMs, clock: this.#clock, signal },
      {
        aborted: () => new AbortError(`The wait for call ${callId} to be ${state} was aborted`, { cause: signal?.reason }),
        timedOut: () => new TimeoutError(`Call ${callId} was not ${state} within ${timeoutMs} ms`),
      },
      () => {
        waits.delete(entry)
        if (waits.size === 0 && this.#byCall.get(callId) === waits) this.#byCall.delete(callId)
      },
    )
    waits.add(entry)
    return wait.promise
  }

  /** Settles the waits `call` now satisfies. */
  update(call: Call): void {
    const waits = this.#byCall.get(call.callId)
    if (waits === undefined) return
    // A copy: the call may move on (established, then terminated in the same turn) before the wait is read.
    for (const wait of [...waits]) if (hasReachedState(call.state, wait.state)) wait.settle({ ...call })
  }

  /** How many waits are pending. */
  get size(): number {
    let size = 0
    for (const waits of this.#byCall.values()) size += waits.size
    return size
  }
}
