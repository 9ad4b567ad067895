import type { Clock } from '../transport/clock.ts'

/** Timer functions as the keep-alive scheduler's `timers` option takes them. */
export interface KeepAliveTimers {
  setTimeout: (fn: () => void, ms: number) => unknown
  clearTimeout: (handle: unknown) => void
}

/** Starts one wait: `fire` after `ms`, or `fail` when the wait itself fails; the function returned cancels it. */
export type StartWait = (ms: number, fire: () => void, fail: (error: unknown) => void) => () => void

/**
 * The scheduler's waits on timer functions: unref'd, so that they never keep the process alive on their
 * own. A timer cannot fail.
 */
export function waitOnTimers(timers: KeepAliveTimers): StartWait {
  return (ms, fire) => {
    const handle = timers.setTimeout(fire, ms)
    ;(handle as { unref?: () => void } | undefined)?.unref?.()
    return () => timers.clearTimeout(handle)
  }
}

/**
 * The scheduler's waits on the client's clock (a `ManualClock` in tests): the clock's `sleep`, aborted to
 * cancel. The wait is over once the clock's `now` has reached it: a clock whose sleep ends earlier (a fake
 * that returns at once, its `now` fixed) keeps no time of its own, and the rest is left to an unref'd timer,
 * as the transport's time limits do, rather than fire at once again and again. Whether the sleep holds the
 * process open is the clock's matter.
 */
export function waitOnClock(clock: Pick<Clock, 'now' | 'sleep'>): StartWait {
  return (ms, fire, fail) => {
    const cancel = new AbortController()
    const due = clock.now() + ms
    let timer: ReturnType<typeof setTimeout> | undefined
    let sleeping: Promise<void>
    try {
      sleeping = Promise.resolve(clock.sleep(ms, cancel.signal))
    } catch (error) {
      sleeping = Promise.reject(error)
    }
    sleeping.then(
      () => {
        if (cancel.signal.aborted) return
        // Never longer than the wait itself, whatever a clock that goes back in time says.
        const left = Math.min(due - clock.now(), ms)
        if (left <= 0) return fire()
        timer = setTimeout(fire, left)
        timer.unref?.()
      },
      // A cancelled sleep rejects with the signal's reason: that is no failure.
      (error: unknown) => {
        if (!cancel.signal.aborted) fail(error)
      },
    )
    return () => {
      cancel.abort()
      clearTimeout(timer)
    }
  }
}
