import { GraphApiError } from '../errors.ts'
import type { Clock } from '../transport/clock.ts'
import { waitOnClock, waitOnTimers, type KeepAliveTimers } from './keep-alive-timer.ts'

/** How a keep-alive scheduler sends one `keepAlive` and learns of its failures. */
export interface KeepAliveSchedulerOptions {
  /** Sends `POST /communications/calls/{id}/keepAlive` (for example `(id) => client.calls.keepAlive(id)`). */
  send: (callId: string) => Promise<unknown>
  /**
   * Time between two keep-alives of one call. Graph ends a call with 408 (subcode 8537) when none came for
   * 45 minutes; every 15 minutes leaves room for two failed attempts.
   * @default 900000 (15 minutes)
   */
  intervalMs?: number | undefined
  /**
   * Told of each failed keep-alive other than a 404 (the scheduler keeps trying at the next interval), and
   * of a `clock` whose sleep fails (that call's keep-alives then stop).
   */
  onError?: ((error: unknown, callId: string) => void) | undefined
  /** Timer functions, replaceable in tests; not with `clock`. @default globalThis.setTimeout / clearTimeout */
  timers?: KeepAliveTimers | undefined
  /**
   * The clock to wait on instead of timers: the one the `CallingClient` takes (`{ now, sleep }`), so that
   * one `ManualClock` moves the client, the simulator and the scheduler together. Not with `timers`.
   * @default none: the global timers
   */
  clock?: Clock | undefined
}

/** Keeps live calls alive until they end. */
export interface KeepAliveScheduler {
  /** Starts keeping `callId` alive (again, if it was stopped); the first keep-alive goes after one interval. */
  track(callId: string): void
  /** Stops keeping `callId` alive: call it when the call ends. */
  untrack(callId: string): void
  /** The calls being kept alive. */
  readonly callIds: readonly string[]
  /** Stops every call's timer. */
  stop(): void
}

/**
 * A scheduler that sends `keepAlive` for each tracked call every `intervalMs`, and stops for a call when
 * it is untracked, when it ends (Graph answers 404: the call is gone) or when the scheduler stops. Its
 * timers are unref'd, so they never keep a process alive on their own; given a `clock`, it waits on that
 * clock's `sleep` instead.
 */
export function createKeepAliveScheduler(options: KeepAliveSchedulerOptions): KeepAliveScheduler {
  const intervalMs = options.intervalMs ?? 15 * 60_000
  if (!(intervalMs > 0 && intervalMs < 45 * 60_000)) throw new RangeError('intervalMs must be more than 0 and less than 45 minutes')
  const { timers, clock } = options
  if (timers !== undefined && clock !== undefined) throw new TypeError('give timers or clock, not both')
  if (clock !== undefined && (typeof (clock as { sleep?: unknown } | null)?.sleep !== 'function' || typeof (clock as { now?: unknown }).now !== 'function')) throw new TypeError('clock must have now() and sleep(ms, signal)')
  const startWait =
    clock !== undefined
      ? waitOnClock(clock)
      : waitOnTimers(timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) })
  // Each call's wait, and the turn it belongs to: a `track` or `untrack` starts a new turn, so a keepAlive
  // still in flight from an earlier one schedules nothing when it returns (one wait chain per call).
  const live = new Map<string, { cancel: () => void; turn: number }>()
  let turns = 0

  const schedule = (callId: string, turn: number) => {
    const cancel = startWait(
      intervalMs,
      () => void beat(callId, turn),
      (error) => {
        // With no wait left, the call is not kept alive any more: it is no longer listed as if it were.
        if (live.get(callId)?.turn === turn) live.delete(callId)
        report(error, callId)
      },
    )
    live.set(callId, { cancel, turn })
  }

  const beat = async (callId: string, turn: number) => {
    if (live.get(callId)?.turn !== turn) return
    try {
      await options.send(callId)
    } catch (error) {
      if (error instanceof GraphApiError && error.status === 404) {
        if (live.get(callId)?.turn === turn) live.delete(callId)
        return
      }
      report(error, callId)
    }
    // Untracked, or tracked anew, while the request was in flight: that turn goes on, not this one.
    if (live.get(callId)?.turn === turn) schedule(callId, turn)
  }

  // A hook that throws must not stop the call's keep-alives, nor become an unhandled rejection.
  const report = (error: unknown, callId: string) => {
    try {
      options.onError?.(error, callId)
    } catch (hookError) {
      process.emitWarning(`the keep-alive scheduler's onError hook threw: ${hookError instanceof Error ? hookError.message : String(hookError)}`)
    }
  }

  return {
    track(callId) {
      live.get(callId)?.cancel()
      schedule(callId, ++turns)
    },
    untrack(callId) {
      const current = live.get(callId)
      if (current === undefined) return
      current.cancel()
      live.delete(callId)
    },
    get callIds() {
      return [...live.keys()]
    },
    stop() {
      for (const { cancel } of live.values()) cancel()
      live.clear()
    },
  }
}
