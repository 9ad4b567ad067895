import { setTimeout as wait } from 'node:timers/promises'

/** The time source of the transport: token expiry and retry waits read it, so tests can move it by hand. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
  /** Resolves after `ms`, or rejects when the signal aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

/** The longest a Node timer waits: it takes a longer delay as 1 ms. */
export const LONGEST_TIMER_MS = 2 ** 31 - 1

/** One timer's wait, as `node:timers/promises`' `setTimeout` does it. */
export type TimerWait = (ms: number, options?: { signal: AbortSignal }) => Promise<unknown>

/**
 * A sleep made of timers no longer than Node keeps, so that a wait of weeks (a `Retry-After` that long,
 * within a deadline further still) is not cut to 1 ms.
 */
export function sleepInTimers(timer: TimerWait): Clock['sleep'] {
  return async (ms, signal) => {
    const options = signal ? { signal } : undefined
    let left = ms
    while (left > LONGEST_TIMER_MS) {
      await timer(LONGEST_TIMER_MS, options)
      left -= LONGEST_TIMER_MS
    }
    await timer(left, options)
  }
}

/** The real clock: `Date.now` and timers. */
export const systemClock: Clock = Object.freeze({
  now: Date.now,
  sleep: sleepInTimers((ms, options) => wait(ms, undefined, options)),
})
