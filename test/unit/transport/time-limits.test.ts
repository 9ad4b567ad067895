import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { TimeLimits } from '../../../src/transport/time-limits.ts'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('TimeLimits', () => {
  it('expires each limit at its time, whatever the order they were started in', () => {
    const limits = new TimeLimits()
    const expired: string[] = []
    limits.start(120, () => expired.push('late'))
    limits.start(40, () => expired.push('early'))
    vi.advanceTimersByTime(20)
    limits.start(60, () => expired.push('middle'))
    vi.advanceTimersByTime(19)
    expect(expired).toEqual([])
    vi.advanceTimersByTime(1)
    expect(expired).toEqual(['early'])
    vi.advanceTimersByTime(40)
    expect(expired).toEqual(['early', 'middle'])
    vi.advanceTimersByTime(40)
    expect(expired).toEqual(['early', 'middle', 'late'])
    expect(vi.getTimerCount()).toBe(0)
  })

  it('does not call a limit cancelled before its time, first, in the middle or last of the list', () => {
    const limits = new TimeLimits()
    const expired: string[] = []
    const first = limits.start(20, () => expired.push('first'))
    const middle = limits.start(20, () => expired.push('middle'))
    limits.start(30, () => expired.push('kept'))
    const last = limits.start(20, () => expired.push('last'))
    for (const limit of [middle, first, last, last]) limit.cancel()
    vi.advanceTimersByTime(30)
    expect(expired).toEqual(['kept'])
  })

  it('keeps a limit started after the list emptied, and one started by an expiring limit', () => {
    const limits = new TimeLimits()
    const expired: string[] = []
    limits.start(10, () => {
      expired.push('one')
      limits.start(5, () => expired.push('started by one'))
    })
    limits.start(100, () => expired.push('far'))
    vi.advanceTimersByTime(15)
    expect(expired).toEqual(['one', 'started by one'])
    vi.advanceTimersByTime(85)
    limits.start(10, () => expired.push('cancelled')).cancel()
    limits.start(20, () => expired.push('two'))
    vi.advanceTimersByTime(20)
    expect(expired).toEqual(['one', 'started by one', 'far', 'two'])
  })

  it('does not hold the process open by itself', () => {
    vi.useRealTimers()
    const limits = new TimeLimits()
    const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length
    const limit = limits.start(60_000, () => {})
    // An unref'd timer is not listed among the resources that keep the event loop alive.
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout')).toHaveLength(before)
    limit.cancel()
  })
})
