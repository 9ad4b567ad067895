import type { SimulatorClock } from './simulator-clock.ts'

interface Timer {
  readonly id: number
  readonly at: number
  readonly callback: () => void
}

/** Lets the work started by a timer (notification deliveries, handlers) run before time moves on. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/**
 * A clock that moves only when told to: `await clock.advance(15_000)` runs a 15-second answer deadline at
 * once. Timers fire in time order, and the work each one starts gets to run before the next fires.
 */
export class ManualClock implements SimulatorClock {
  #now: number
  #timers: Timer[] = []
  #nextId = 1

  /** @param start the time to start at, in milliseconds since the epoch */
  constructor(start = Date.UTC(2026, 0, 1)) {
    this.#now = start
  }

  now(): number {
    return this.#now
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const timer = { id: this.#nextId++, at: this.#now + Math.max(0, ms), callback }
    this.#timers.push(timer)
    return timer.id
  }

  clearTimeout(handle: unknown): void {
    this.#timers = this.#timers.filter((timer) => timer.id !== handle)
  }

  /** How many timers are waiting. */
  get pendingTimers(): number {
    return this.#timers.length
  }

  /** Moves the clock `ms` forward, firing every timer due on the way. */
  async advance(ms: number): Promise<void> {
    const until = this.#now + ms
    await settle()
    for (;;) {
      const due = this.#timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at || a.id - b.id)[0]
      if (due === undefined) break
      this.#timers = this.#timers.filter((timer) => timer !== due)
      this.#now = due.at
      due.callback()
      await settle()
    }
    this.#now = until
  }
}
