import type { Issue } from '../errors.ts'

/** A clock for a wait's timeout, the shape the client takes: the time, and a sleep that ends early when its signal aborts. */
export interface WaitClock {
  /** Milliseconds since the epoch. */
  now(): number
  /** Resolves after `ms`, or rejects when the signal aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

/** The longest delay `setTimeout` keeps; Node fires a longer one after 1 ms. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1

/** The issue with a timeout that is neither a delay a timer can keep nor `Infinity`, if it is one. */
export function timeoutIssue(timeoutMs: unknown, path: string): Issue | undefined {
  if (typeof timeoutMs === 'number' && ((timeoutMs >= 0 && timeoutMs <= MAX_TIMEOUT_MS) || timeoutMs === Infinity)) return undefined
  return { path, message: `expected a number of milliseconds from 0 to ${MAX_TIMEOUT_MS}, or Infinity for no time limit` }
}

/** The issue with a clock that cannot time a wait, if it is one. */
export function clockIssue(clock: unknown, path: string): Issue | undefined {
  const given = clock as Partial<WaitClock> | null | undefined
  if (clock === undefined || (typeof given?.now === 'function' && typeof given.sleep === 'function')) return undefined
  return { path, message: 'expected a clock with now() and sleep(ms, signal)' }
}

/**
 * Calls `onTimeout` after `timeoutMs` (never for `Infinity`), on `clock`'s sleep when one is given, else on
 * a timer that never keeps the process alive. Returns what stops it. The timeout passes once the clock's
 * `now` has reached it: when the sleep ends earlier (a fake that returns at once, its `now` fixed) or fails,
 * the rest is left to such a timer, so that a wait neither times out at once nor never.
 */
export function startTimeout(timeoutMs: number, clock: WaitClock | undefined, onTimeout: () => void): () => void {
  if (timeoutMs === Infinity) return () => {}
  let timer: ReturnType<typeof setTimeout> | undefined
  const onTimer = (ms: number) => {
    timer = setTimeout(onTimeout, ms)
    timer.unref?.()
  }
  if (!clock) {
    onTimer(timeoutMs)
    return () => clearTimeout(timer)
  }
  const stop = new AbortController()
  const due = clock.now() + timeoutMs
  const woken = () => {
    if (stop.signal.aborted) return
    // Never longer than the timeout itself, whatever a clock that goes back in time says.
    const left = Math.min(due - clock.now(), timeoutMs)
    if (left <= 0) onTimeout()
    else onTimer(left)
  }
  let sleeping: Promise<void>
  try {
    sleeping = Promise.resolve(clock.sleep(timeoutMs, stop.signal))
  } catch (error) {
    sleeping = Promise.reject(error)
  }
  sleeping.then(woken, woken)
  return () => {
    stop.abort()
    clearTimeout(timer)
  }
}

/** A wait that settles once: by `settle`, at its timeout, or when its signal aborts. */
export interface TimedWait<T> {
  readonly promise: Promise<T>
  /** Resolves the wait with a result, or rejects it with an error; later calls do nothing. */
  settle(result: T | Error): void
}

/** What bounds a wait. */
export interface WaitLimits {
  readonly timeoutMs: number
  readonly clock: WaitClock | undefined
  readonly signal: AbortSignal | undefined
}

/**
 * Starts a wait bounded by `limits`, which rejects with `errors.timedOut()` at its timeout and
 * `errors.aborted()` when the signal aborts. `onSettled` runs once, however it ends, before the promise
 * settles; the timer (or the clock's sleep) and the abort listener are released then. The caller checks a
 * signal already aborted before it starts one.
 */
export function timedWait<T>(limits: WaitLimits, errors: { aborted: () => Error; timedOut: () => Error }, onSettled: () => void): TimedWait<T> {
  let settled = false
  let resolveWait!: (value: T) => void
  let rejectWait!: (error: Error) => void
  const promise = new Promise<T>((resolve, reject) => {
    resolveWait = resolve
    rejectWait = reject
  })
  const onAbort = () => settle(errors.aborted())
  const stopTimeout = startTimeout(limits.timeoutMs, limits.clock, () => settle(errors.timedOut()))
  function settle(result: T | Error): void {
    if (settled) return
    settled = true
    onSettled()
    stopTimeout()
    limits.signal?.removeEventListener('abort', onAbort)
    if (result instanceof Error) rejectWait(result)
    else resolveWait(result)
  }
  limits.signal?.addEventListener('abort', onAbort, { once: true })
  return { promise, settle }
}
