import { setTimeout as wait } from 'node:timers/promises'

/** The time source of the transport: token expiry and retry waits read it, so tests can move it by hand. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

/** The real clock: `Date.now` and timers. */
export const systemClock: Clock = Object.freeze({
  now: Date.now,
  sleep: (ms: number, signal?: AbortSignal) => wait(ms, undefined, signal ? { signal } : undefined),
})
