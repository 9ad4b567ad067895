import { afterEach, describe, expect, it, vi } from 'vitest'
import { AbortError, TimeoutError, ValidationError } from '../../../src/errors.ts'
import { createOperationWaiter, parseNotifications, type CallEvent, type CallEventOf } from '../../../src/notifications/index.ts'
import { ManualClock } from '../../../src/testing/index.ts'

const CALL = '421f4c00-4436-4c3a-9d9a-c4924cf98e67'

/** The events Graph's notification for an operation gives, through the real parser. */
function operationEvent(operationId: string, status: string, clientContext = 'ctx', callId = CALL): CallEvent {
  const [event] = parseNotifications({
    '@odata.type': '#microsoft.graph.commsNotifications',
    value: [
      {
        '@odata.type': '#microsoft.graph.commsNotification',
        changeType: status === 'Running' ? 'updated' : 'deleted',
        resourceUrl: `/communications/calls/${callId}/operations/${operationId}`,
        resourceData: { '@odata.type': '#microsoft.graph.playPromptOperation', '@odata.id': `/communications/calls/${callId}/operations/${operationId}`, clientContext, status, resultInfo: { '@odata.type': '#microsoft.graph.resultInfo', code: status === 'Failed' ? '400' : '200', subcode: '8508', message: 'Action completed' } },
      },
    ],
  })
  return event!
}

/** The event Graph's notification of an ended call gives, through the real parser. */
function terminatedEvent(callId = CALL, code = 200, message = 'The other party hung up.', changeType = 'deleted'): CallEventOf<'call.terminated'> {
  const [event] = parseNotifications({
    '@odata.type': '#microsoft.graph.commsNotifications',
    value: [
      {
        '@odata.type': '#microsoft.graph.commsNotification',
        changeType,
        resourceUrl: `/communications/calls/${callId}`,
        resourceData: { '@odata.type': '#microsoft.graph.call', state: 'terminated', resultInfo: { '@odata.type': '#microsoft.graph.resultInfo', code, subcode: 0, message } },
      },
    ],
  })
  if (event?.type !== 'call.terminated') throw new Error(`expected a call.terminated event, got ${event?.type}`)
  return event
}

afterEach(() => {
  vi.useRealTimers()
})

describe('operation waiter', () => {
  it('resolves when the matching operation completes, not on another call or operation, nor while running', async () => {
    const waiter = createOperationWaiter()
    const wait = waiter.wait(CALL, { id: 'op-1', clientContext: 'ctx', status: 'running' })
    waiter.observe(operationEvent('op-1', 'Running'))
    waiter.observe(operationEvent('op-2', 'Completed'))
    waiter.observe(operationEvent('op-1', 'Completed', 'ctx', 'another-call'))
    expect(waiter.pending).toBe(1)
    waiter.observe(operationEvent('op-1', 'completed'))
    const outcome = await wait
    expect(outcome).toMatchObject({ status: 'Completed', operationId: 'op-1', clientContext: 'ctx', resultInfo: { code: 200, subcode: 8508 } })
    expect(outcome.event?.type).toBe('operation.completed')
    expect(waiter.pending).toBe(0)
  })

  it('resolves a failure as an outcome, with its resultInfo', async () => {
    const waiter = createOperationWaiter()
    const wait = waiter.wait(CALL, { id: 'op-1', status: 'notStarted' })
    waiter.observe(operationEvent('op-1', 'Failed'))
    expect(await wait).toMatchObject({ status: 'Failed', resultInfo: { code: 400 } })
  })

  it('matches by clientContext when the action gave no operation id', async () => {
    const waiter = createOperationWaiter()
    const wait = waiter.wait(CALL, { clientContext: 'prompt-7' })
    waiter.observe(operationEvent('op-9', 'Completed', 'prompt-6'))
    waiter.observe(operationEvent('op-9', 'Completed', 'prompt-7'))
    expect((await wait).operationId).toBe('op-9')
  })

  it('catches a notification that arrived before the action answered', async () => {
    const waiter = createOperationWaiter()
    waiter.observe(operationEvent('op-1', 'Completed'))
    expect((await waiter.wait(CALL, { id: 'op-1', status: 'running' })).status).toBe('Completed')
    // Kept under its id, it answers every wait for that id, as waits begun before it came all hear it.
    expect((await waiter.wait(CALL, { id: 'op-1', status: 'running' })).status).toBe('Completed')
    // Matched by clientContext, it serves one wait: a later wait with that clientContext is for another operation.
    waiter.observe(operationEvent('op-2', 'Completed', 'greeting'))
    expect((await waiter.wait(CALL, { clientContext: 'greeting' })).operationId).toBe('op-2')
    vi.useFakeTimers()
    const again = waiter.wait(CALL, { clientContext: 'greeting' }, { timeoutMs: 10 })
    vi.advanceTimersByTime(10)
    await expect(again).rejects.toBeInstanceOf(TimeoutError)
  })

  it('an end the answer already gave is not kept when Graph notifies it after all: a later wait by its clientContext waits anew', async () => {
    const waiter = createOperationWaiter()
    expect((await waiter.wait(CALL, { id: 'op-1', clientContext: 'greet', status: 'Completed' })).status).toBe('Completed')
    waiter.observe(operationEvent('op-1', 'Completed', 'greet'))
    vi.useFakeTimers()
    const next = waiter.wait(CALL, { clientContext: 'greet' }, { timeoutMs: 10 })
    vi.advanceTimersByTime(10)
    await expect(next).rejects.toBeInstanceOf(TimeoutError)
  })

  it.each([
    [{ maxEndedCalls: Number.NaN }, '$.maxEndedCalls', 'expected a whole number, 0 or more'],
    [{ maxFinished: 1.5 }, '$.maxFinished', 'expected a whole number, 0 or more'],
    [{ keepFinishedMs: -1 }, '$.keepFinishedMs', 'expected a number of milliseconds, 0 or more'],
  ])('refuses a bound that is not one: %o', (options, path, message) => {
    expect(() => createOperationWaiter(options)).toThrow(expect.objectContaining({ name: 'ValidationError', issues: [{ path, message }] }))
  })

  it('settles every wait for the operation, and keeps no repeat of an end it has handed out', async () => {
    const waiter = createOperationWaiter()
    const first = waiter.wait(CALL, { id: 'op-1', clientContext: 'ctx' })
    const second = waiter.wait(CALL, { clientContext: 'ctx' })
    waiter.observe(operationEvent('op-1', 'Completed'))
    expect((await first).status).toBe('Completed')
    expect((await second).operationId).toBe('op-1')
    // Graph delivers the end again; a later prompt that reuses the clientContext waits for its own.
    waiter.observe(operationEvent('op-1', 'Completed'))
    const next = waiter.wait(CALL, { clientContext: 'ctx' }, { timeoutMs: 20 })
    await expect(next).rejects.toBeInstanceOf(TimeoutError)
    // An early end is kept once, however often it came, and handed out once.
    waiter.observe(operationEvent('op-2', 'Failed', 'ctx-2'))
    waiter.observe(operationEvent('op-2', 'Failed', 'ctx-2'))
    expect((await waiter.wait(CALL, { clientContext: 'ctx-2' })).status).toBe('Failed')
    await expect(waiter.wait(CALL, { clientContext: 'ctx-2' }, { timeoutMs: 20 })).rejects.toBeInstanceOf(TimeoutError)
  })

  it('forgets early notifications after keepFinishedMs and beyond maxFinished', async () => {
    let t = 0
    const waiter = createOperationWaiter({ keepFinishedMs: 1000, maxFinished: 2, now: () => t, defaultTimeoutMs: 5 })
    waiter.observe(operationEvent('old', 'Completed'))
    t = 2000
    for (const id of ['a', 'b', 'c']) waiter.observe(operationEvent(id, 'Completed'))
    await expect(waiter.wait(CALL, { id: 'old' })).rejects.toBeInstanceOf(TimeoutError)
    await expect(waiter.wait(CALL, { id: 'a' })).rejects.toBeInstanceOf(TimeoutError)
    expect((await waiter.wait(CALL, { id: 'c' })).operationId).toBe('c')
  })

  it('is done at once when the action answered with a final status', async () => {
    const waiter = createOperationWaiter()
    expect(await waiter.wait(CALL, { id: 'op', status: 'Completed', resultInfo: { code: 200 } })).toEqual({
      status: 'Completed',
      operationId: 'op',
      clientContext: undefined,
      resultInfo: { code: 200 },
      event: undefined,
    })
    expect(waiter.pending).toBe(0)
  })

  it("reads an action's final answer's resultInfo as a notification's: null, or anything but an object, is none", async () => {
    const waiter = createOperationWaiter()
    for (const resultInfo of [null, 'failed', [{ code: 500 }]]) {
      expect((await waiter.wait(CALL, { id: 'op', status: 'failed', resultInfo })).resultInfo).toBeUndefined()
    }
  })

  it('reads an option given as undefined as absent: a wait lasts the default 5 minutes', async () => {
    vi.useFakeTimers()
    const waiter = createOperationWaiter({ defaultTimeoutMs: undefined, keepFinishedMs: undefined, maxFinished: undefined, now: undefined })
    const wait = waiter.wait(CALL, { id: 'op', status: 'running' }, { timeoutMs: undefined, signal: undefined })
    const settled = wait.then(() => 'resolved', (error: unknown) => error)
    await vi.advanceTimersByTimeAsync(300_000 - 1)
    expect(waiter.pending).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(await settled).toBeInstanceOf(TimeoutError)
  })

  it('times out, aborts and closes, leaving nothing pending', async () => {
    vi.useFakeTimers()
    const waiter = createOperationWaiter()
    const timedOut = waiter.wait(CALL, { id: 'a' }, { timeoutMs: 1000 })
    const controller = new AbortController()
    const aborted = waiter.wait(CALL, { id: 'b' }, { signal: controller.signal })
    const closed = waiter.wait(CALL, { id: 'c' })
    expect(waiter.pending).toBe(3)
    vi.advanceTimersByTime(1000)
    controller.abort()
    waiter.close()
    await expect(timedOut).rejects.toThrow(TimeoutError)
    await expect(timedOut).rejects.toThrow('No final notification for operation a on call')
    await expect(aborted).rejects.toBeInstanceOf(AbortError)
    await expect(closed).rejects.toBeInstanceOf(AbortError)
    expect(waiter.pending).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
    // A late notification for a settled wait changes nothing.
    waiter.observe(operationEvent('a', 'Completed'))
    expect(waiter.pending).toBe(0)
  })

  it("times out on the clock it is given, as the client's: a ManualClock moves the timeouts, and a settled wait stops its sleep", async () => {
    // Timers faked only to count them: the manual clock lets work run with setImmediate.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const clock = new ManualClock()
    const waiter = createOperationWaiter({ clock, keepFinishedMs: 1000 })
    const timedOut = waiter.wait(CALL, { id: 'a' }, { timeoutMs: 1000 })
    const done = waiter.wait(CALL, { id: 'b' }, { timeoutMs: 1000 })
    expect([clock.pendingSleeps, vi.getTimerCount()]).toEqual([2, 0])
    waiter.observe(operationEvent('b', 'Completed'))
    await expect(done).resolves.toMatchObject({ status: 'Completed', operationId: 'b' })
    expect(clock.pendingSleeps).toBe(1)
    await clock.advance(999)
    expect(waiter.pending).toBe(1)
    const timeout = expect(timedOut).rejects.toThrow('No final notification for operation a on call')
    await clock.advance(1)
    await timeout
    expect([waiter.pending, clock.pendingSleeps]).toEqual([0, 0])
    // Its time is the clock's too: an early end is kept for keepFinishedMs of the clock's time.
    waiter.observe(operationEvent('c', 'Completed'))
    await clock.advance(1001)
    const late = expect(waiter.wait(CALL, { id: 'c' }, { timeoutMs: 10 })).rejects.toBeInstanceOf(TimeoutError)
    await clock.advance(10)
    await late
    expect(() => createOperationWaiter({ clock: { now: () => 0 } as never })).toThrow(ValidationError)
  })

  it('on a clock whose sleep returns at once (its time fixed) or fails, times out on a timer at the timeout, not at once nor never', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    for (const sleep of [async () => {}, async () => Promise.reject(new Error('the clock broke'))]) {
      const waiter = createOperationWaiter({ clock: { now: () => 0, sleep } })
      let settled = false
      const wait = waiter.wait(CALL, { id: 'a' }, { timeoutMs: 1_000 }).finally(() => (settled = true))
      const timedOut = expect(wait).rejects.toBeInstanceOf(TimeoutError)
      await vi.advanceTimersByTimeAsync(999)
      expect(settled).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      await timedOut
      expect(vi.getTimerCount()).toBe(0)
    }
  })

  it('waits with no time limit, and no timer, for Infinity', async () => {
    vi.useFakeTimers()
    const waiter = createOperationWaiter({ defaultTimeoutMs: Infinity })
    const byDefault = waiter.wait(CALL, { id: 'a' })
    const byOption = createOperationWaiter().wait(CALL, { id: 'b' }, { timeoutMs: Infinity })
    expect(vi.getTimerCount()).toBe(0)
    let settled = false
    void Promise.allSettled([byDefault, byOption]).then(() => (settled = true))
    await vi.advanceTimersByTimeAsync(2 ** 31)
    expect(settled).toBe(false)
    expect(waiter.pending).toBe(1)
    waiter.observe(operationEvent('a', 'Completed'))
    expect((await byDefault).status).toBe('Completed')
  })

  it('keeps a wait of the longest delay a timer allows, and times it out then', async () => {
    vi.useFakeTimers()
    const waiter = createOperationWaiter({ defaultTimeoutMs: 2 ** 31 - 1 })
    const wait = waiter.wait(CALL, { id: 'a' })
    const outcome = wait.then(() => 'resolved', (error: unknown) => error)
    await vi.advanceTimersByTimeAsync(2 ** 31 - 2)
    expect(waiter.pending).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(await outcome).toBeInstanceOf(TimeoutError)
  })

  it.each([
    ['above 2^31-1', 2 ** 31],
    ['thirty days', 30 * 24 * 3600 * 1000],
    ['NaN', Number.NaN],
    ['negative', -1],
    ['-Infinity', -Infinity],
    ['not a number', '1000'],
  ])('refuses a timeout that is %s, by the field it came from', async (_kind, value) => {
    const message = 'expected a number of milliseconds from 0 to 2147483647, or Infinity for no time limit'
    let thrown: unknown
    try {
      createOperationWaiter({ defaultTimeoutMs: value as number })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ValidationError)
    expect((thrown as ValidationError).issues).toEqual([{ path: '$.defaultTimeoutMs', message }])
    const waiter = createOperationWaiter()
    const wait = waiter.wait(CALL, { id: 'a' }, { timeoutMs: value as number })
    await expect(wait).rejects.toBeInstanceOf(ValidationError)
    await expect(wait).rejects.toMatchObject({ issues: [{ path: '$.timeoutMs', message }] })
    expect(waiter.pending).toBe(0)
  })

  it("ends every wait on a call at once when the call is terminated, with the termination and its resultInfo; other calls' waits go on", async () => {
    const waiter = createOperationWaiter()
    const byId = waiter.wait(CALL, { id: 'op-1', clientContext: 'ctx', status: 'running' })
    const byContext = waiter.wait(CALL, { clientContext: 'menu' })
    const elsewhere = waiter.wait('another-call', { id: 'op-3' })
    const termination = terminatedEvent(CALL, 410, 'Media connectivity failure.')
    waiter.observe(termination)
    expect(waiter.pending).toBe(1)
    expect(await byId).toEqual({ status: 'CallEnded', operationId: 'op-1', clientContext: 'ctx', resultInfo: termination.resultInfo, event: termination })
    expect(await byContext).toMatchObject({ status: 'CallEnded', operationId: undefined, clientContext: 'menu', resultInfo: { code: 410, message: 'Media connectivity failure.' } })
    expect((await byContext).event?.type).toBe('call.terminated')
    // The other call's operation still ends by its own notification.
    waiter.observe(operationEvent('op-3', 'Completed', 'ctx', 'another-call'))
    expect((await elsewhere).status).toBe('Completed')
    expect(waiter.pending).toBe(0)
  })

  it('a wait begun after its call ended ends at once; an operation that ended before its call keeps its own outcome', async () => {
    const waiter = createOperationWaiter()
    const settledFirst = waiter.wait(CALL, { id: 'op-1' })
    waiter.observe(operationEvent('op-1', 'Completed'))
    waiter.observe(operationEvent('op-2', 'Failed', 'early'))
    waiter.observe(terminatedEvent())
    expect((await settledFirst).status).toBe('Completed')
    // The end that came before the call's end, for a wait that starts only now.
    expect(await waiter.wait(CALL, { id: 'op-2', status: 'running' })).toMatchObject({ status: 'Failed', operationId: 'op-2', event: { type: 'operation.failed' } })
    const late = waiter.wait(CALL, { id: 'op-4', status: 'running' })
    expect(waiter.pending).toBe(0)
    expect(await late).toMatchObject({ status: 'CallEnded', operationId: 'op-4', resultInfo: { code: 200 }, event: { type: 'call.terminated', callId: CALL } })
  })

  it('keeps the first end of a call notified twice, at most maxEndedCalls ended calls, and none after close', async () => {
    const waiter = createOperationWaiter({ maxEndedCalls: 1 })
    waiter.observe(terminatedEvent('call-a', 200, 'Terminated.', 'updated'))
    waiter.observe(terminatedEvent('call-a', 500, 'Deleted.'))
    const first = waiter.wait('call-a', { id: 'op' })
    expect(waiter.pending).toBe(0)
    expect((await first).resultInfo).toMatchObject({ code: 200, message: 'Terminated.' })
    // A second ended call pushes the first out: a wait on the first is no longer ended at once.
    waiter.observe(terminatedEvent('call-b'))
    const forgotten = waiter.wait('call-a', { id: 'op' })
    expect(waiter.pending).toBe(1)
    expect((await waiter.wait('call-b', { id: 'op' })).status).toBe('CallEnded')
    waiter.close()
    await expect(forgotten).rejects.toBeInstanceOf(AbortError)
    const afterClose = waiter.wait('call-b', { id: 'op' })
    expect(waiter.pending).toBe(1)
    waiter.close()
    await expect(afterClose).rejects.toBeInstanceOf(AbortError)
  })

  it('refuses an operation it could never match', async () => {
    await expect(createOperationWaiter().wait(CALL, { status: 'running' })).rejects.toThrow('needs its id or its clientContext')
  })
})
