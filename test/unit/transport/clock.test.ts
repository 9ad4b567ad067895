import { describe, expect, it } from 'vitest'
import { LONGEST_TIMER_MS, sleepInTimers, systemClock } from '../../../src/transport/clock.ts'

describe('the system clock', () => {
  it('sleeps a wait longer than a Node timer keeps in timers it keeps, adding up to the wait', async () => {
    const timers: number[] = []
    const sleep = sleepInTimers(async (ms) => void timers.push(ms))
    const weeks = 25 * 86_400_000
    await sleep(weeks)
    expect(timers).toEqual([LONGEST_TIMER_MS, weeks - LONGEST_TIMER_MS])
    expect(timers.every((ms) => ms <= LONGEST_TIMER_MS)).toBe(true)
    timers.length = 0
    await sleep(1_500)
    expect(timers).toEqual([1_500])
  })

  it('gives every timer the signal, and stops at the first that rejects', async () => {
    const seen: (AbortSignal | undefined)[] = []
    const abort = new AbortController()
    const sleep = sleepInTimers(async (_ms, options) => {
      seen.push(options?.signal)
      abort.abort(new Error('stop'))
      throw options!.signal.reason
    })
    await expect(sleep(3 * LONGEST_TIMER_MS, abort.signal)).rejects.toThrow('stop')
    expect(seen).toEqual([abort.signal])
  })

  it('sleeps for real, and an aborted signal ends the sleep', async () => {
    const started = Date.now()
    await systemClock.sleep(20)
    expect(Date.now() - started).toBeGreaterThanOrEqual(19)
    await expect(systemClock.sleep(60_000, AbortSignal.abort(new Error('gone')))).rejects.toMatchObject({ name: 'AbortError', cause: new Error('gone') })
  })
})
