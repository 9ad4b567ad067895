import type { Clock } from './clock.ts'
import type { TimeLimit } from './time-limits.ts'

/**
 * A time limit on a clock the client was given: the clock's `sleep` wakes it, so a `ManualClock` stops
 * an attempt when it is moved past the limit, as real time would. The limit passes when the clock's `now`
 * has reached it: a clock whose sleep ends earlier (a test's fake that returns at once, its `now` fixed)
 * keeps no time of its own, and the rest of the limit is left to a real timer, as on the system clock.
 */
export class ClockLimit implements TimeLimit {
  readonly #wake = new AbortController()
  #timer: NodeJS.Timeout | undefined

  /** Calls `onExpire` once `ms` milliseconds have passed on `clock`, unless the limit is cancelled first. */
  constructor(clock: Clock, ms: number, onExpire: () => void) {
    const at = clock.now() + ms
    const woken = (): void => {
      if (this.#wake.signal.aborted) return
      // Never longer than the limit itself, whatever a clock that goes back in time says.
      const left = Math.min(at - clock.now(), ms)
      if (left <= 0) onExpire()
      else this.#timer = setTimeout(onExpire, left)
    }
    let sleeping: Promise<void>
    try {
      sleeping = Promise.resolve(clock.sleep(ms, this.#wake.signal))
    } catch (error) {
      sleeping = Promise.reject(error)
    }
    // A sleep that fails (other than by the cancel) must not leave the attempt without a limit.
    sleeping.then(woken, woken)
  }

  /** Forgets the limit: the clock's sleep is aborted, and `onExpire` is not called. */
  cancel(): void {
    this.#wake.abort()
    if (this.#timer !== undefined) clearTimeout(this.#timer)
  }
}
