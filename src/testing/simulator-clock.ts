/**
 * The time source of the simulator: deadlines, delays and timestamps all go through it, so a test can run a
 * 15-second answer deadline without waiting 15 seconds. It has the shape of the `CallingClient`'s clock, so
 * one clock can drive both.
 */
export interface SimulatorClock {
  /** Milliseconds since the epoch. */
  now(): number
  /** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

/**
 * The real clock. The global timers are looked up on every call (not captured once) so that fake timers
 * installed after the simulator was created (`vi.useFakeTimers()`) still drive it.
 */
export const systemClock: SimulatorClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason)
      const onAbort = (): void => {
        globalThis.clearTimeout(timer)
        reject(signal?.reason)
      }
      const timer = globalThis.setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      // A long wait (the 45-minute keep-alive check) must not hold a test process open on its own.
      if (ms > 60_000) timer.unref?.()
      signal?.addEventListener('abort', onAbort, { once: true })
    }),
}
