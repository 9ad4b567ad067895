import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../../src/errors.ts'
import { ManualClock } from '../../../src/testing/index.ts'

describe('ManualClock', () => {
  it('moves only when advanced, waking sleeps in time order at their own time', async () => {
    const clock = new ManualClock(1_000)
    const woke: string[] = []
    void clock.sleep(300).then(() => woke.push(`b at ${clock.now()}`))
    void clock.sleep(100).then(() => woke.push(`a at ${clock.now()}`))
    void clock.sleep(900).then(() => woke.push(`c at ${clock.now()}`))
    await clock.advance(500)
    expect(woke).toEqual(['a at 1100', 'b at 1300'])
    expect([clock.now(), clock.pendingSleeps]).toEqual([1_500, 1])
    await clock.advance(400)
    expect(woke.at(-1)).toBe('c at 1900')
  })

  it('a sleep woken starts work that runs before the next sleep wakes', async () => {
    const clock = new ManualClock()
    const order: string[] = []
    void clock.sleep(10).then(() => clock.sleep(5).then(() => order.push('chained')))
    void clock.sleep(20).then(() => order.push('later'))
    await clock.advance(20)
    expect(order).toEqual(['chained', 'later'])
  })

  it('an aborted sleep rejects with the reason and is forgotten; sleep(0) needs no advance', async () => {
    const clock = new ManualClock()
    const abort = new AbortController()
    const sleeping = clock.sleep(1_000, abort.signal)
    abort.abort(new Error('stop'))
    await expect(sleeping).rejects.toThrow('stop')
    expect(clock.pendingSleeps).toBe(0)
    await expect(clock.sleep(0)).resolves.toBeUndefined()
    await expect(clock.sleep(5, AbortSignal.abort(new Error('already')))).rejects.toThrow('already')
  })

  it('starts at a Date as at its milliseconds', () => {
    expect(new ManualClock(new Date(Date.UTC(2026, 5, 1))).now()).toBe(Date.UTC(2026, 5, 1))
  })

  it('refuses a start that is not a time, and an advance that is not a duration, naming what it got', async () => {
    expect(() => new ManualClock(new Date('not a date'))).toThrow(ValidationError)
    expect(() => new ManualClock(new Date('not a date'))).toThrow('got an invalid Date')
    expect(() => new ManualClock('2026-01-01' as unknown as number)).toThrow('expected milliseconds since the epoch or a valid Date, got a string')
    expect(() => new ManualClock(Number.NaN)).toThrow('got NaN')
    const clock = new ManualClock(1_000)
    await expect(clock.advance(-1)).rejects.toThrow('expected a finite number of milliseconds, 0 or more, got -1')
    await expect(clock.advance(Number.POSITIVE_INFINITY)).rejects.toThrow(ValidationError)
    await expect(clock.advance('5' as unknown as number)).rejects.toThrow('got a string')
    expect(clock.now()).toBe(1_000)
  })
})
