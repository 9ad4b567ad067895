import { ValidationError } from '../errors.ts'
import type { SimulatorClock } from './simulator-clock.ts'

interface Sleeper {
  readonly id: number
  readonly at: number
  readonly wake: () => void
}

/** Lets the work a wake-up starts (notification deliveries, handlers) run before time moves on. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** The work each manual clock lets finish before it moves on, by clock (see `holdTimeFor`). */
const heldWork = new WeakMap<SimulatorClock, Set<Promise<unknown>>>()

/**
 * Keeps a `ManualClock` from moving on while `work` runs: the simulator holds it for each notification on
 * its way to the bot, whose signing and verification take more than one turn of the event loop. Work held
 * must not wait for the clock itself. Any other clock is left alone.
 */
export function holdTimeFor(clock: SimulatorClock, work: Promise<unknown>): void {
  const held = heldWork.get(clock)
  if (held === undefined) return
  held.add(work)
  void work.finally(() => held.delete(work)).catch(() => {})
}

/**
 * A clock that moves only when told to: `await clock.advance(15_000)` runs a 15-second answer deadline at
 * once. Sleepers wake in time order, and the work each one starts gets to run before the next wakes. Give
 * the same clock to the simulator and to the `CallingClient` (retry waits) to move both together.
 */
export class ManualClock implements SimulatorClock {
  #now: number
  #sleepers: Sleeper[] = []
  #nextId = 1

  /** @param start the time to start at: milliseconds since the epoch, or a `Date` */
  constructor(start: number | Date = Date.UTC(2026, 0, 1)) {
    heldWork.set(this, new Set())
    const ms = start instanceof Date ? start.getTime() : start
    // A clock that returned anything but a number would fail far from here (a token's expiry, a deadline).
    if (typeof ms !== 'number' || !Number.isFinite(ms)) {
      throw new ValidationError('manual clock start', [{ path: '$', message: `expected milliseconds since the epoch or a valid Date, got ${described(start)}` }])
    }
    this.#now = ms
  }

  now(): number {
    return this.#now
  }

  /** Resolves once the clock has been advanced by `ms` (at once for 0 or less). */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason)
      if (ms <= 0) return resolve()
      const sleeper: Sleeper = {
        id: this.#nextId++,
        at: this.#now + Math.max(0, ms),
        wake: () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        },
      }
      const onAbort = (): void => {
        this.#sleepers = this.#sleepers.filter((s) => s !== sleeper)
        reject(signal?.reason)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.#sleepers.push(sleeper)
    })
  }

  /** How many sleeps are waiting for the clock to move. */
  get pendingSleeps(): number {
    return this.#sleepers.length
  }

  /** Lets what woke run: a turn of the event loop, and until the work held (`holdTimeFor`) is done. */
  async #settle(): Promise<void> {
    await settle()
    const held = heldWork.get(this)!
    while (held.size > 0) {
      await Promise.allSettled([...held])
      await settle()
    }
  }

  /** Moves the clock `ms` forward, waking every sleep due on the way. */
  async advance(ms: number): Promise<void> {
    if (typeof ms !== 'number' || !(ms >= 0) || ms === Infinity) {
      throw new ValidationError('manual clock advance', [{ path: '$', message: `expected a finite number of milliseconds, 0 or more, got ${described(ms)}` }])
    }
    const until = this.#now + ms
    await this.#settle()
    for (;;) {
      const due = this.#sleepers.filter((s) => s.at <= until).sort((a, b) => a.at - b.at || a.id - b.id)[0]
      if (due === undefined) break
      this.#sleepers = this.#sleepers.filter((s) => s !== due)
      this.#now = due.at
      due.wake()
      await this.#settle()
    }
    this.#now = until
  }
}

/** A time or duration that was refused, as an issue names it. */
function described(value: unknown): string {
  if (value instanceof Date) return 'an invalid Date'
  if (value === null) return 'null'
  return typeof value === 'number' ? String(value) : `a ${typeof value}`
}
