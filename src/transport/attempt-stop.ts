/** What ended an attempt early: its time limit, the call's deadline, or the caller's signal. */
export type StopReason = 'timeout' | 'deadline' | 'caller'

/**
 * An exact stop for one attempt: an `AbortSignal` that fires at the time limit or when the caller's
 * signal does, remembering which. Used when a deadline must be kept to the millisecond or a token must be
 * awaited; a plain attempt leaves its time limit to `exchange`, and allocates none of this.
 */
export class AttemptStop {
  readonly #controller = new AbortController()
  readonly #timer: NodeJS.Timeout
  readonly #caller: AbortSignal | undefined
  readonly #onCallerAbort: () => void
  /** Why the signal fired; undefined while it has not. */
  reason: StopReason | undefined

  constructor(ms: number, limit: 'timeout' | 'deadline', caller: AbortSignal | undefined) {
    this.#timer = setTimeout(() => this.#stop(limit), ms)
    this.#caller = caller
    this.#onCallerAbort = () => this.#stop('caller')
    caller?.addEventListener('abort', this.#onCallerAbort)
  }

  /** Fires when the attempt is to stop. */
  get signal(): AbortSignal {
    return this.#controller.signal
  }

  /** Releases the timer and the listener on the caller's signal. */
  dispose(): void {
    clearTimeout(this.#timer)
    this.#caller?.removeEventListener('abort', this.#onCallerAbort)
  }

  #stop(reason: StopReason): void {
    this.reason ??= reason
    this.#controller.abort()
  }
}
