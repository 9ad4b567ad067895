/**
 * The time source of the simulator: deadlines, delays and timestamps all go through it, so a test can run a
 * 15-second answer deadline without waiting 15 seconds.
 */
export interface SimulatorClock {
  /** Milliseconds since the epoch. */
  now(): number
  /** Runs `callback` after `ms` milliseconds; returns a handle for `clearTimeout`. */
  setTimeout(callback: () => void, ms: number): unknown
  /** Cancels a callback scheduled with `setTimeout`. */
  clearTimeout(handle: unknown): void
}

/**
 * The real clock. The globals are looked up on every call (not captured once) so that fake timers installed
 * after the simulator was created (`vi.useFakeTimers()`) still drive it.
 */
export const systemClock: SimulatorClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/** Resolves after `ms` on `clock`; rejects with the signal's reason as soon as `signal` aborts. */
export function sleep(clock: SimulatorClock, ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 && !signal?.aborted) return Promise.resolve()
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const onAbort = (): void => {
      clock.clearTimeout(handle)
      reject(signal?.reason)
    }
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
