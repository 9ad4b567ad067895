import { afterEach, describe, expect, it, vi } from 'vitest'
import { createKeepAliveScheduler } from '../../../src/client/keep-alive-scheduler.ts'
import { GraphApiError } from '../../../src/errors.ts'
import { ManualClock } from '../../../src/testing/manual-clock.ts'

afterEach(() => {
  vi.useRealTimers()
})

const MINUTE = 60_000

describe('keep-alive scheduler', () => {
  it('sends keepAlive for each live call every interval, well inside the 45-minute limit', async () => {
    vi.useFakeTimers()
    const sent: [string, number][] = []
    const scheduler = createKeepAliveScheduler({ send: async (id) => void sent.push([id, Date.now()]) })
    const start = Date.now()
    scheduler.track('a')
    await vi.advanceTimersByTimeAsync(5 * MINUTE)
    scheduler.track('b')
    await vi.advanceTimersByTimeAsync(46 * MINUTE)
    expect(sent.map(([id, t]) => [id, (t - start) / MINUTE])).toEqual([
      ['a', 15],
      ['b', 20],
      ['a', 30],
      ['b', 35],
      ['a', 45],
      ['b', 50],
    ])
    scheduler.stop()
  })

  it('keeps one timer chain per call when it is tracked again while a keepAlive is in flight', async () => {
    vi.useFakeTimers()
    const sent: number[] = []
    let release!: () => void
    const start = Date.now()
    const scheduler = createKeepAliveScheduler({
      send: async () => {
        sent.push((Date.now() - start) / MINUTE)
        if (sent.length === 1) await new Promise<void>((resolve) => (release = resolve))
      },
    })
    scheduler.track('a')
    await vi.advanceTimersByTimeAsync(15 * MINUTE)
    // established again (after a hold) while the first keepAlive is still on its way
    scheduler.track('a')
    release()
    await vi.advanceTimersByTimeAsync(45 * MINUTE)
    expect(sent).toEqual([15, 30, 45, 60])
    scheduler.stop()
  })

  it('an onError hook that throws stops nothing: a process warning, and the next keepAlive goes', async () => {
    vi.useFakeTimers()
    const warnings: string[] = []
    const onWarning = (warning: Error) => void warnings.push(warning.message)
    process.on('warning', onWarning)
    try {
      let sends = 0
      const scheduler = createKeepAliveScheduler({
        intervalMs: MINUTE,
        onError: () => {
          throw new Error('logger broke')
        },
        send: async () => {
          sends++
          throw new GraphApiError({ status: 503, code: 'ServiceUnavailable' })
        },
      })
      scheduler.track('a')
      await vi.advanceTimersByTimeAsync(3 * MINUTE)
      // A warning is emitted on the next tick.
      await new Promise((resolve) => process.nextTick(resolve))
      expect(sends).toBe(3)
      expect(scheduler.callIds).toEqual(['a'])
      expect(warnings).toContain("the keep-alive scheduler's onError hook threw: logger broke")
      scheduler.stop()
    } finally {
      process.off('warning', onWarning)
    }
  })

  it('stops for a call that is untracked, and for every call on stop()', async () => {
    vi.useFakeTimers()
    const send = vi.fn(async () => {})
    const scheduler = createKeepAliveScheduler({ send, intervalMs: MINUTE })
    scheduler.track('a')
    scheduler.track('b')
    scheduler.untrack('a')
    await vi.advanceTimersByTimeAsync(MINUTE)
    expect(send.mock.calls).toEqual([['b']])
    scheduler.stop()
    await vi.advanceTimersByTimeAsync(10 * MINUTE)
    expect(send).toHaveBeenCalledTimes(1)
    expect(scheduler.callIds).toEqual([])
  })

  it('stops for a call Graph no longer knows (404), keeps trying after other failures', async () => {
    vi.useFakeTimers()
    const errors: unknown[] = []
    let calls = 0
    const scheduler = createKeepAliveScheduler({
      intervalMs: MINUTE,
      onError: (e) => errors.push(e),
      send: async (id) => {
        calls++
        if (id === 'gone') throw new GraphApiError({ status: 404, code: 'ItemNotFound' })
        if (calls <= 3) throw new GraphApiError({ status: 503, code: 'ServiceUnavailable' })
      },
    })
    scheduler.track('gone')
    scheduler.track('flaky')
    await vi.advanceTimersByTimeAsync(3 * MINUTE)
    expect(scheduler.callIds).toEqual(['flaky'])
    expect(errors.map((e) => (e as GraphApiError).status)).toEqual([503, 503])
    scheduler.stop()
  })

  it('does not bring back a call untracked while its keepAlive was in flight', async () => {
    vi.useFakeTimers()
    let release!: () => void
    const send = vi.fn(() => new Promise<void>((r) => (release = r)))
    const scheduler = createKeepAliveScheduler({ send, intervalMs: MINUTE })
    scheduler.track('a')
    await vi.advanceTimersByTimeAsync(MINUTE)
    scheduler.untrack('a')
    release()
    await vi.advanceTimersByTimeAsync(5 * MINUTE)
    expect(send).toHaveBeenCalledTimes(1)
    expect(scheduler.callIds).toEqual([])
  })

  it('refuses an interval that would let Graph end the call', () => {
    expect(() => createKeepAliveScheduler({ send: async () => {}, intervalMs: 45 * MINUTE })).toThrow('less than 45 minutes')
  })

  it('reads an option given as undefined as absent: every 15 minutes, with the global timers', () => {
    vi.useFakeTimers()
    const send = vi.fn(async () => {})
    const scheduler = createKeepAliveScheduler({ send, intervalMs: undefined, onError: undefined, timers: undefined })
    scheduler.track('c1')
    vi.advanceTimersByTime(15 * MINUTE - 1)
    expect(send).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(send).toHaveBeenCalledWith('c1')
    scheduler.stop()
  })

  it('never keeps the process alive on its own', () => {
    const handles: NodeJS.Timeout[] = []
    const scheduler = createKeepAliveScheduler({
      send: async () => {},
      timers: { setTimeout: (fn, ms) => (handles.push(setTimeout(fn, ms)), handles.at(-1)), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
    })
    scheduler.track('a')
    expect(handles.map((h) => h.hasRef())).toEqual([false])
    scheduler.stop()
  })
})

describe('keep-alive scheduler on the clock the client takes', () => {
  it('one ManualClock drives it: each keepAlive goes when the clock reaches it, with no adapter', async () => {
    const clock = new ManualClock()
    const start = clock.now()
    const sent: [string, number][] = []
    const scheduler = createKeepAliveScheduler({ send: async (id) => void sent.push([id, (clock.now() - start) / MINUTE]), clock })
    scheduler.track('a')
    await clock.advance(5 * MINUTE)
    scheduler.track('b')
    for (let minute = 5; minute < 46; minute++) await clock.advance(MINUTE)
    expect(sent).toEqual([
      ['a', 15],
      ['b', 20],
      ['a', 30],
      ['b', 35],
      ['a', 45],
    ])
    scheduler.stop()
  })

  it('untrack and stop end the sleeps they leave: nothing waits on the clock', async () => {
    const clock = new ManualClock()
    const send = vi.fn(async () => {})
    const scheduler = createKeepAliveScheduler({ send, intervalMs: MINUTE, clock })
    scheduler.track('a')
    scheduler.track('a')
    scheduler.track('b')
    expect(clock.pendingSleeps).toBe(2)
    scheduler.untrack('a')
    expect(clock.pendingSleeps).toBe(1)
    await clock.advance(MINUTE)
    expect(send.mock.calls).toEqual([['b']])
    scheduler.stop()
    expect(clock.pendingSleeps).toBe(0)
    await clock.advance(10 * MINUTE)
    expect(send).toHaveBeenCalledTimes(1)
  })

  it("a clock's sleep that fails goes to onError, and the call is no longer listed as kept alive", async () => {
    const failure = new Error('the clock broke')
    const errors: [unknown, string][] = []
    const scheduler = createKeepAliveScheduler({ send: async () => {}, onError: (e, id) => errors.push([e, id]), clock: { now: () => 0, sleep: async () => Promise.reject(failure) } })
    scheduler.track('a')
    await vi.waitUntil(() => errors.length > 0)
    expect(errors).toEqual([[failure, 'a']])
    expect(scheduler.callIds).toEqual([])
  })

  it("a clock whose sleep returns at once, its time fixed, waits out the interval on a timer rather than send again and again", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const send = vi.fn(async () => {})
    const scheduler = createKeepAliveScheduler({ send, intervalMs: 15 * MINUTE, clock: { now: () => 0, sleep: async () => {} } })
    scheduler.track('a')
    await vi.waitUntil(() => vi.getTimerCount() === 1)
    expect(send).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(15 * MINUTE)
    expect(send.mock.calls).toEqual([['a']])
    scheduler.stop()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('refuses both timers and a clock, and a clock without sleep', () => {
    const timers = { setTimeout: () => undefined, clearTimeout: () => {} }
    expect(() => createKeepAliveScheduler({ send: async () => {}, timers, clock: new ManualClock() })).toThrow('give timers or clock, not both')
    expect(() => createKeepAliveScheduler({ send: async () => {}, clock: {} as ManualClock })).toThrow('clock must have now() and sleep(ms, signal)')
  })
})
