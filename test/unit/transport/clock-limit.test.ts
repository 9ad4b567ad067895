import { describe, expect, it } from 'vitest'
import { ClockLimit } from '../../../src/transport/clock-limit.ts'
import type { Clock } from '../../../src/transport/clock.ts'
import { ManualClock } from '../../../src/testing/manual-clock.ts'

describe('a time limit on a clock the client was given', () => {
  it('passes when a ManualClock is moved to it, not before, whatever real time does', async () => {
    const clock = new ManualClock()
    let expired = 0
    new ClockLimit(clock, 1_000, () => expired++)
    await new Promise((resolve) => setTimeout(resolve, 1_050))
    await clock.advance(999)
    expect(expired).toBe(0)
    await clock.advance(1)
    expect(expired).toBe(1)
  })

  it("cancelled, it ends the clock's sleep and never passes", async () => {
    const clock = new ManualClock()
    let expired = 0
    const limit = new ClockLimit(clock, 1_000, () => expired++)
    expect(clock.pendingSleeps).toBe(1)
    limit.cancel()
    expect(clock.pendingSleeps).toBe(0)
    await clock.advance(5_000)
    expect(expired).toBe(0)
  })

  it.each([
    ['returns at once, its time fixed', async () => {}],
    ['fails', async () => Promise.reject(new Error('broken'))],
    ['throws', () => { throw new Error('broken') }],
  ] as const)('on a clock whose sleep %s, the rest of the limit is left to a real timer', async (_, sleep) => {
    const clock: Clock = { now: () => 0, sleep: sleep as Clock['sleep'] }
    const started = performance.now()
    const expired = await new Promise<number>((resolve) => new ClockLimit(clock, 100, () => resolve(performance.now() - started)))
    expect(expired).toBeGreaterThanOrEqual(95)
  })

  it('on a clock whose time has passed the limit when its sleep ends, passes at once', async () => {
    let now = 0
    const clock: Clock = { now: () => now, sleep: async (ms) => void (now += ms) }
    const started = performance.now()
    await new Promise<void>((resolve) => new ClockLimit(clock, 60_000, resolve))
    expect(performance.now() - started).toBeLessThan(1_000)
  })
})
