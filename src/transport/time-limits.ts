/** One time limit being watched; `cancel()` it once the work it bounds is done. */
export interface TimeLimit {
  /** Forgets the limit: its callback is not called. */
  cancel(): void
}

class Entry implements TimeLimit {
  readonly owner: TimeLimits
  /** When the limit passes, on `performance.now()`'s clock. */
  readonly at: number
  readonly onExpire: () => void
  prev: Entry | undefined
  next: Entry | undefined

  constructor(owner: TimeLimits, at: number, onExpire: () => void) {
    this.owner = owner
    this.at = at
    this.onExpire = onExpire
  }

  cancel(): void {
    this.owner.remove(this)
  }
}

/**
 * Many time limits on one timer. The timer is set for the earliest limit; when it fires, it expires what
 * is due and is set again for the next. A limit cancelled before its time (the common case: Graph answers
 * in milliseconds) costs a link in a list rather than a Node timer of its own, whose setting and clearing
 * cost more than the rest of a call's bookkeeping. The timer does not hold the process open by itself:
 * the work a limit bounds (a socket) does.
 */
export class TimeLimits {
  #head: Entry | undefined
  #tail: Entry | undefined
  #timer: NodeJS.Timeout | undefined
  /** When the timer fires; Infinity while it is not set. */
  #armedAt = Number.POSITIVE_INFINITY

  /** Calls `onExpire` once `ms` milliseconds have passed, unless the limit is cancelled first. */
  start(ms: number, onExpire: () => void): TimeLimit {
    const now = performance.now()
    const entry = new Entry(this, now + ms, onExpire)
    entry.prev = this.#tail
    if (this.#tail === undefined) this.#head = entry
    else this.#tail.next = entry
    this.#tail = entry
    if (entry.at < this.#armedAt) this.#arm(entry.at, now)
    return entry
  }

  /** Unlinks `entry` (at most once). */
  remove(entry: Entry): void {
    if (entry.prev === undefined && this.#head !== entry) return
    if (entry.prev === undefined) this.#head = entry.next
    else entry.prev.next = entry.next
    if (entry.next === undefined) this.#tail = entry.prev
    else entry.next.prev = entry.prev
    entry.prev = entry.next = undefined
  }

  #arm(at: number, now: number): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    this.#armedAt = at
    this.#timer = setTimeout(this.#sweep, Math.max(1, Math.ceil(at - now)))
    this.#timer.unref()
  }

  readonly #sweep = (): void => {
    this.#timer = undefined
    this.#armedAt = Number.POSITIVE_INFINITY
    const now = performance.now()
    let next = Number.POSITIVE_INFINITY
    for (let entry = this.#head; entry !== undefined; ) {
      const following = entry.next
      if (entry.at <= now) {
        this.remove(entry)
        entry.onExpire()
      } else if (entry.at < next) next = entry.at
      entry = following
    }
    // A limit started by a callback above may have set the timer already, for an earlier time.
    if (next < this.#armedAt) this.#arm(next, now)
  }
}
