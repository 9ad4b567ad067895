/** A failure, or a slow answer, that the simulator plays instead of (or before) its normal answer. */
export interface FaultInit {
  /** The action it hits (`answer`, `hangUp`, ...); every action when absent. */
  action?: string | undefined
  /** Only requests for this call. */
  callId?: string | undefined
  /**
   * How many matching requests it hits.
   * @default 1
   */
  times?: number | undefined
  /** Answer with this error status (429, 503, 500, ...) instead of handling the request. */
  status?: number | undefined
  /** The `Retry-After` header, in seconds. */
  retryAfterSec?: number | undefined
  /** Graph's `error.code`. @default 'activityLimitReached' for 429, 'serviceNotAvailable' for 503, 'generalException' otherwise */
  code?: string | undefined
  /** Graph's `error.message`. */
  message?: string | undefined
  /** Wait this long before answering (with the error, or, without `status`, with the normal answer). */
  delayMs?: number | undefined
}

/** A fault in place; `hits` counts the requests it has hit so far. */
export interface InjectedFault {
  readonly hits: number
  /** Takes the fault out before it has used up its `times`. */
  remove(): void
}

const DEFAULT_CODES: Record<number, string> = { 429: 'activityLimitReached', 503: 'serviceNotAvailable', 504: 'gatewayTimeout' }
const DEFAULT_MESSAGES: Record<number, string> = {
  429: 'Too many requests: the application has been throttled.',
  503: 'The service is temporarily unavailable.',
}

/** The error a fault answers with. */
export interface FaultError {
  readonly status: number
  readonly code: string
  readonly message: string
  readonly retryAfterSec: number | undefined
}

/** The faults waiting for requests, each used up after its `times`. */
export class FaultList {
  #faults: { init: FaultInit; remaining: number; hits: number }[] = []

  add(init: FaultInit): InjectedFault {
    if (init.status !== undefined && (!Number.isInteger(init.status) || init.status < 400 || init.status > 599)) {
      throw new RangeError(`fault status: expected an HTTP error status from 400 to 599, got ${init.status}`)
    }
    if (init.status === undefined && init.delayMs === undefined) throw new TypeError('fault: give a status, a delayMs, or both')
    const { times } = init
    if (times !== undefined && !(times >= 1 && (Number.isInteger(times) || times === Number.POSITIVE_INFINITY))) {
      throw new RangeError(`fault times: expected a whole number, 1 or more (Infinity for every request), got ${times}`)
    }
    const entry = { init, remaining: init.times ?? 1, hits: 0 }
    this.#faults.push(entry)
    return {
      get hits() {
        return entry.hits
      },
      remove: () => {
        this.#faults = this.#faults.filter((f) => f !== entry)
      },
    }
  }

  /** The first fault for this request, counted as hit; undefined when none applies. */
  take(action: string, callId: string | undefined): { delayMs: number; error: FaultError | undefined } | undefined {
    const entry = this.#faults.find((f) => (f.init.action ?? action) === action && (f.init.callId ?? callId) === callId)
    if (entry === undefined) return undefined
    entry.hits += 1
    entry.remaining -= 1
    if (entry.remaining <= 0) this.#faults = this.#faults.filter((f) => f !== entry)
    const { status, retryAfterSec, delayMs = 0 } = entry.init
    if (status === undefined) return { delayMs, error: undefined }
    const code = entry.init.code ?? DEFAULT_CODES[status] ?? 'generalException'
    const message = entry.init.message ?? DEFAULT_MESSAGES[status] ?? `Simulated failure with status ${status}.`
    return { delayMs, error: { status, code, message, retryAfterSec } }
  }
}
