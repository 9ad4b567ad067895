import { describe, expect, it } from 'vitest'
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
})
