import type { Clock } from './clock.ts'
import { ClockLimit } from './clock-limit.ts'

/** What ended an attempt early: its time limit, the call's deadline, or the caller's signal. */
export type StopReason = 'timeout' | 'deadline' | 'caller'

/**
 * An exact stop for one attempt: an `AbortSignal` that fires at the time limit or when the caller's
 * signal does, remembering which. Used when a deadline must be kept to the millisecond, a token must be
 * awaited, or the time is a clock the client was given; a plain attempt on the system clock leaves its
 * time limit to `exchange`, and allocates none of this.
 */
export class AttemptStop {
  readonly #controller = new AbortController()
  /** A timer of its own on the system clock; a `ClockLimit` on a clock the client was given. */
  readonly #timer: NodeJS.Timeout | ClockLimit
  readonly #caller: AbortSignal | undefined
  readonly #onCallerAbort: () => void
  /** Why the signal fired; undefined while it has not. */
  reason: StopReason | undefined

  /** @param clock the clock the client was given; undefined for the system clock */
  constructor(ms: number, limit: 'timeout' | 'deadline', caller: AbortSignal | undefined, clock?: Clock) {
    const expire = () => this.#stop(limit)
    this.#timer = clock === undefined ? setTimeout(expire, ms) : new ClockLimit(clock, ms, expire)
    this.#caller = caller
    this.#onCallerAbort = () => this.#stop('caller')
    caller?.addEventListener('abort', this.#onCallerAbort)
  }

  /** Fires when the attempt is to stop. */
  get signal(): AbortSignal {
    return this.#controller.signal
  }

  /** Releases the timer (or the clock's sleep) and the listener on the caller's signal. */
  dispose(): void {
    if (this.#timer instanceof ClockLimit) this.#timer.cancel()
    else clearTimeout(this.#timer)
    this.#caller?.removeEventListener('abort', this.#onCallerAbort)
  }

  #stop(reason: StopReason): void {
    this.reason ??= reason
    this.#controller.abort()
  }
}
