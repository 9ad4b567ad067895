import { GraphApiError } from '../errors.ts'

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
  /** Told of each failed keep-alive other than a 404 (the scheduler keeps trying at the next interval). */
  onError?: ((error: unknown, callId: string) => void) | undefined
  /** Timer functions, replaceable in tests. @default globalThis.setTimeout / clearTimeout */
  timers?: { setTimeout: (fn: () => void, ms: number) => unknown; clearTimeout: (handle: unknown) => void } | undefined
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
 * timers are unref'd, so they never keep a process alive on their own.
 */
export function createKeepAliveScheduler(options: KeepAliveSchedulerOptions): KeepAliveScheduler {
  const intervalMs = options.intervalMs ?? 15 * 60_000
  if (!(intervalMs > 0 && intervalMs < 45 * 60_000)) throw new RangeError('intervalMs must be more than 0 and less than 45 minutes')
  const timers = options.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) }
  const live = new Map<string, unknown>()

  const schedule = (callId: string) => {
    const handle = timers.setTimeout(() => void beat(callId), intervalMs)
    ;(handle as { unref?: () => void } | undefined)?.unref?.()
    live.set(callId, handle)
  }

  const beat = async (callId: string) => {
    if (!live.has(callId)) return
    try {
      await options.send(callId)
    } catch (error) {
      if (error instanceof GraphApiError && error.status === 404) {
        live.delete(callId)
        return
      }
      options.onError?.(error, callId)
    }
    // Untracked while the request was in flight: do not bring it back.
    if (live.has(callId)) schedule(callId)
  }

  return {
    track(callId) {
      if (live.has(callId)) timers.clearTimeout(live.get(callId))
      schedule(callId)
    },
    untrack(callId) {
      if (!live.has(callId)) return
      timers.clearTimeout(live.get(callId))
      live.delete(callId)
    },
    get callIds() {
      return [...live.keys()]
    },
    stop() {
      for (const handle of live.values()) timers.clearTimeout(handle)
      live.clear()
    },
  }
}
