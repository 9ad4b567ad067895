import { describe, expect, it } from 'vitest'
import { ValidationError, createCallTracker, parseNotifications, type CallEvent } from '../../../src/notifications/index.ts'

const CALL = '57DAB8B1894C409AB240BD8BEAE78896'
const URL = `/communications/calls/${CALL}`

/** One event, parsed from a notification item as Graph sends it. */
function event(item: Record<string, unknown>, tenantId?: string): CallEvent {
  const [parsed] = parseNotifications({ value: [item] }, tenantId === undefined ? {} : { tenantId })
  return parsed!
}
const callIn = (state: string, changeType = 'updated', url = URL) => event({ changeType, resourceUrl: url, resourceData: { '@odata.type': '#microsoft.graph.call', state } })
const incoming = (url = URL) => callIn('incoming', 'created', url)
const roster = (changeType: string, ...ids: string[]) =>
  event({ changeType, resourceUrl: `${URL}/participants`, resourceData: ids.map((id) => ({ '@odata.type': '#microsoft.graph.participant', id, isMuted: false })) })
const operation = (id: string, status: string) =>
  event({ changeType: status === 'running' ? 'updated' : 'deleted', resourceUrl: `${URL}/operations/${id}`, resourceData: { '@odata.type': '#microsoft.graph.playPromptOperation', id, status } })
const sharing = (changeType: string) => event({ changeType, resourceUrl: `${URL}/contentsharingsessions/s1` })

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let time = start
  return { now: () => time, advance: (ms: number) => (time += ms) }
}

describe('createCallTracker: call state', () => {
  it('follows a call from incoming to terminated', () => {
    const tracker = createCallTracker({ now: () => 5 })
    expect(tracker.apply(incoming())).toMatchObject({ applied: true, call: { callId: CALL, state: 'incoming', firstSeenAt: 5 } })
    expect(tracker.apply(callIn('establishing')).call?.state).toBe('establishing')
    expect(tracker.apply(callIn('established')).call?.state).toBe('established')
    const ended = event({ changeType: 'deleted', resourceUrl: URL, resourceData: { state: 'terminated', resultInfo: { code: 200, subcode: 5001 } } })
    const result = tracker.apply(ended)
    expect(result).toMatchObject({ applied: true, call: { state: 'terminated', terminatedAt: 5, resultInfo: { code: 200, subcode: 5001 } } })
  })

  it('marks establishing after established as stale, and never moves back', () => {
    const tracker = createCallTracker()
    tracker.apply(incoming())
    tracker.apply(callIn('established'))
    const late = tracker.apply(callIn('establishing'))
    expect(late).toEqual({ applied: false, stale: true, call: expect.objectContaining({ state: 'established' }) })
    expect(tracker.apply(incoming())).toMatchObject({ applied: false, stale: true })
    expect(tracker.get(CALL)?.state).toBe('established')
  })

  it('marks a repeated state as a duplicate', () => {
    const tracker = createCallTracker()
    tracker.apply(callIn('established'))
    expect(tracker.apply(callIn('established'))).toMatchObject({ applied: false, duplicate: true, call: { state: 'established' } })
  })

  it('a repeated established is a duplicate that still brings into call what its resource adds (chatInfo, meetingInfo)', () => {
    const clock = manualClock()
    const tracker = createCallTracker({ now: clock.now })
    tracker.apply(callIn('established'))
    const resource = { '@odata.type': '#microsoft.graph.call', state: 'established', mediaState: { audio: 'active' }, chatInfo: { threadId: '19:t', messageId: '0' } }
    const withChat = event({ changeType: 'updated', resourceUrl: URL, resourceData: resource })
    expect(withChat.type).toBe('call.established')
    clock.advance(10)
    expect(tracker.apply(withChat)).toMatchObject({
      applied: true,
      duplicate: true,
      call: { state: 'established', updatedAt: 1_000_010, call: { chatInfo: { threadId: '19:t', messageId: '0' }, mediaState: { audio: 'active' } } },
    })
    // The same notification again, or one with the same values in another key order, adds nothing.
    clock.advance(10)
    expect(tracker.apply(withChat)).toMatchObject({ applied: false, duplicate: true, call: { updatedAt: 1_000_010 } })
    const reordered = event({ changeType: 'updated', resourceUrl: URL, resourceData: { chatInfo: { messageId: '0', threadId: '19:t' }, state: 'established', mediaState: { audio: 'active' } } })
    expect(tracker.apply(reordered)).toMatchObject({ applied: false, duplicate: true })
    const meetingInfo = { '@odata.type': '#microsoft.graph.organizerMeetingInfo', organizer: { user: { id: 'u1' } } }
    const withMeeting = event({ changeType: 'updated', resourceUrl: URL, resourceData: { ...resource, chatInfo: { threadId: '19:t', messageId: '1' }, meetingInfo } })
    expect(tracker.apply(withMeeting)).toMatchObject({ applied: true, duplicate: true, call: { call: { chatInfo: { messageId: '1' }, meetingInfo } } })
    expect(tracker.get(CALL)?.state).toBe('established')
  })

  it('an update delivered twice (the same tone, etag and sequence id) is a duplicate; the next press of the same key is not', () => {
    const tracker = createCallTracker()
    tracker.apply(callIn('established'))
    const tone = (sequenceId: number, etag: string) =>
      event({ changeType: 'updated', resourceUrl: URL, resourceData: { '@odata.etag': etag, state: 'established', toneInfo: { tone: 'tone7', sequenceId } } })
    expect(tracker.apply(tone(1, 'W/"4"'))).toMatchObject({ applied: true })
    expect(tracker.get(CALL)?.call.toneInfo).toMatchObject({ sequenceId: 1 })
    expect(tracker.apply(tone(1, 'W/"4"'))).toMatchObject({ applied: false, duplicate: true })
    const next = tracker.apply(tone(2, 'W/"5"'))
    expect(next.applied).toBe(true)
    expect(next.duplicate).toBeUndefined()
    // Hold and back: each change of state applies, however often it comes.
    for (let i = 0; i < 2; i++) {
      expect(tracker.apply(callIn('hold')).applied).toBe(true)
      expect(tracker.apply(callIn('established')).applied).toBe(true)
    }
  })

  it('applies the first established after an update that had reached that state (media inactive), and marks the next a duplicate', () => {
    const tracker = createCallTracker()
    tracker.apply(callIn('establishing'))
    const inactive = event({ changeType: 'updated', resourceUrl: URL, resourceData: { state: 'established', mediaState: { audio: 'inactive' } } })
    expect(inactive.type).toBe('call.updated')
    expect(tracker.apply(inactive)).toMatchObject({ applied: true, call: { state: 'established' } })
    const established = callIn('established')
    expect(established.type).toBe('call.established')
    expect(tracker.apply(established)).toEqual({ applied: true, call: expect.objectContaining({ state: 'established' }) })
    expect(tracker.apply(callIn('established'))).toMatchObject({ applied: false, duplicate: true })
    // An update in the state already announced leaves it announced.
    tracker.apply(event({ changeType: 'updated', resourceUrl: URL, resourceData: { state: 'established', toneInfo: { tone: 'tone1' } } }))
    expect(tracker.apply(callIn('established'))).toMatchObject({ applied: false, duplicate: true })
  })

  it('lets lateral states come and go: hold and back to established', () => {
    const tracker = createCallTracker()
    tracker.apply(callIn('established'))
    expect(tracker.apply(callIn('hold'))).toMatchObject({ applied: true, call: { state: 'hold' } })
    expect(tracker.apply(callIn('established'))).toMatchObject({ applied: true, call: { state: 'established' } })
    expect(tracker.apply(callIn('terminating'))).toMatchObject({ applied: true, call: { state: 'terminating' } })
    expect(tracker.apply(callIn('hold'))).toMatchObject({ applied: false, stale: true, call: { state: 'terminating' } })
  })

  it('applies an update in the same state, merging the call resource', () => {
    const tracker = createCallTracker()
    tracker.apply(event({ changeType: 'updated', resourceUrl: URL, resourceData: { state: 'established', subject: 'Standup' } }))
    const tone = event({ changeType: 'updated', resourceUrl: URL, resourceData: { state: 'established', toneInfo: { tone: 'tone5', sequenceId: 1 } } })
    expect(tone.type).toBe('call.updated')
    expect(tracker.apply(tone)).toMatchObject({ applied: true, call: { state: 'established', call: { subject: 'Standup', toneInfo: { tone: 'tone5' } } } })
  })

  it('treats everything after the end as stale, and a second end as a duplicate', () => {
    const tracker = createCallTracker()
    tracker.apply(callIn('established'))
    tracker.apply(event({ changeType: 'deleted', resourceUrl: URL }))
    expect(tracker.apply(callIn('established'))).toMatchObject({ applied: false, stale: true })
    expect(tracker.apply(roster('updated', 'p1'))).toMatchObject({ applied: false, stale: true })
    expect(tracker.apply(event({ changeType: 'deleted', resourceUrl: URL }))).toMatchObject({ applied: false, duplicate: true })
  })

  it('keeps the tenant a verified event named', () => {
    const tracker = createCallTracker()
    expect(tracker.apply(event({ changeType: 'created', resourceUrl: URL, resourceData: { state: 'incoming' } }, 'tenant-a')).call?.tenantId).toBe('tenant-a')
  })

  it('does not fold unknown or policy notifications, and says what it knows of their call', () => {
    const tracker = createCallTracker()
    const unknown = event({ changeType: 'updated', resourceUrl: `${URL}/audioRoutingGroups/g1` })
    expect(tracker.apply(unknown)).toEqual({ applied: false, call: undefined })
    tracker.apply(incoming())
    expect(tracker.apply(unknown)).toEqual({ applied: false, call: expect.objectContaining({ callId: CALL }) })
    expect(tracker.apply(event({ changeType: 'created', resourceUrl: URL, resourceData: { '@odata.type': '#microsoft.graph.participantJoiningNotification' } })).applied).toBe(false)
  })
})

describe('createCallTracker: roster, content sharing, operations', () => {
  it('replaces the roster with each full roster notification', () => {
    const tracker = createCallTracker()
    tracker.apply(roster('updated', 'p1', 'p2'))
    expect([...tracker.get(CALL)!.participants.keys()]).toEqual(['p1', 'p2'])
    tracker.apply(roster('updated', 'p2', 'p3'))
    expect([...tracker.get(CALL)!.participants.keys()]).toEqual(['p2', 'p3'])
    tracker.apply(roster('deleted', 'p2'))
    expect([...tracker.get(CALL)!.participants.keys()]).toEqual(['p3'])
  })

  it('updates or removes only the participant a notification about one participant names', () => {
    const tracker = createCallTracker()
    const single = (changeType: string, id: string, resourceData?: unknown) => event({ changeType, resourceUrl: `${URL}/participants/${id}`, resourceData })
    tracker.apply(roster('updated', 'p1', 'p2', 'p3'))
    expect(tracker.apply(single('updated', 'p2', { '@odata.type': '#microsoft.graph.participant', id: 'p2', isMuted: true })).applied).toBe(true)
    const participants = () => tracker.get(CALL)!.participants
    expect([...participants().keys()]).toEqual(['p1', 'p2', 'p3'])
    expect(participants().get('p2')?.isMuted).toBe(true)
    expect(participants().get('p1')?.isMuted).toBe(false)
    // A resource that leaves the id out is the participant its URL names.
    tracker.apply(single('updated', 'p3', { isInLobby: true }))
    expect(participants().get('p3')).toEqual({ id: 'p3', isInLobby: true })
    tracker.apply(single('updated', 'p4', { id: 'p4' }))
    expect([...participants().keys()]).toEqual(['p1', 'p2', 'p3', 'p4'])
    tracker.apply(single('deleted', 'p1'))
    expect([...participants().keys()]).toEqual(['p2', 'p3', 'p4'])
    // The collection's notification still replaces the whole roster.
    tracker.apply(roster('updated', 'p5'))
    expect([...participants().keys()]).toEqual(['p5'])
  })

  it('merges delta roster notifications', () => {
    const tracker = createCallTracker({ deltaRoster: true })
    tracker.apply(roster('updated', 'p1', 'p2'))
    tracker.apply(roster('updated', 'p3'))
    expect([...tracker.get(CALL)!.participants.keys()]).toEqual(['p1', 'p2', 'p3'])
    tracker.apply(roster('deleted', 'p1'))
    tracker.apply(event({ changeType: 'deleted', resourceUrl: `${URL}/participants/p2` }))
    expect([...tracker.get(CALL)!.participants.keys()]).toEqual(['p3'])
  })

  it('tracks content-sharing sessions from start to end', () => {
    const tracker = createCallTracker()
    tracker.apply(sharing('created'))
    expect([...tracker.get(CALL)!.contentSharingSessions.keys()]).toEqual(['s1'])
    tracker.apply(sharing('deleted'))
    expect(tracker.get(CALL)!.contentSharingSessions.size).toBe(0)
  })

  it('keeps operations pending until they complete or fail', () => {
    const tracker = createCallTracker()
    tracker.apply(operation('op1', 'running'))
    tracker.apply(operation('op2', 'running'))
    expect([...tracker.get(CALL)!.pendingOperations.keys()]).toEqual(['op1', 'op2'])
    expect(tracker.get(CALL)!.pendingOperations.get('op1')?.status).toBe('Running')
    tracker.apply(operation('op1', 'completed'))
    tracker.apply(operation('op2', 'Failed'))
    expect(tracker.get(CALL)!.pendingOperations.size).toBe(0)
  })
})

describe('createCallTracker: memory', () => {
  it('forgets a terminated call after the grace period, not before', () => {
    const clock = manualClock()
    const tracker = createCallTracker({ now: clock.now, terminatedGraceMs: 60_000 })
    tracker.apply(callIn('established'))
    tracker.apply(event({ changeType: 'deleted', resourceUrl: URL }))
    clock.advance(59_999)
    expect(tracker.get(CALL)?.state).toBe('terminated')
    clock.advance(1)
    expect(tracker.get(CALL)).toBeUndefined()
    expect(tracker.size).toBe(0)
  })

  it('forgets a call with no update for maxAgeMs, and keeps one that is updated', () => {
    const clock = manualClock()
    const tracker = createCallTracker({ now: clock.now, maxAgeMs: 1_000 })
    tracker.apply(callIn('established', 'updated', '/communications/calls/quiet'))
    tracker.apply(callIn('established', 'updated', '/communications/calls/busy'))
    clock.advance(600)
    tracker.apply(callIn('hold', 'updated', '/communications/calls/busy'))
    clock.advance(400)
    expect(tracker.calls().map((c) => c.callId)).toEqual(['busy'])
  })

  it('holds at most maxCalls, forgetting the least recently updated', () => {
    const clock = manualClock()
    const tracker = createCallTracker({ now: clock.now, maxCalls: 3 })
    for (const id of ['a', 'b', 'c']) {
      tracker.apply(incoming(`/communications/calls/${id}`))
      clock.advance(1)
    }
    tracker.apply(callIn('established', 'updated', '/communications/calls/a'))
    tracker.apply(incoming('/communications/calls/d'))
    expect(tracker.calls().map((c) => c.callId)).toEqual(['c', 'a', 'd'])
    for (let i = 0; i < 1_000; i++) tracker.apply(incoming(`/communications/calls/n${i}`))
    expect(tracker.size).toBe(3)
  })

  it('with a long grace and many calls ending, still holds maxCalls, the last ended ones still telling late events', () => {
    const clock = manualClock()
    const tracker = createCallTracker({ now: clock.now, maxCalls: 3, terminatedGraceMs: 1e12 })
    for (let i = 0; i < 1_000; i++) {
      tracker.apply(callIn('terminated', 'deleted', `/communications/calls/t${i}`))
      clock.advance(1)
    }
    expect(tracker.calls().map((c) => c.callId)).toEqual(['t997', 't998', 't999'])
    expect(tracker.apply(callIn('established', 'updated', '/communications/calls/t999')).stale).toBe(true)
    clock.advance(2e12)
    tracker.apply(incoming('/communications/calls/fresh'))
    expect(tracker.calls().map((c) => c.callId)).toEqual(['fresh'])
  })

  it('a late event about a call that ended and was forgotten is stale: it does not bring the call back', async () => {
    const clock = manualClock()
    const tracker = createCallTracker({ now: clock.now, terminatedGraceMs: 1_000 })
    tracker.apply(callIn('established'))
    tracker.apply(callIn('terminated', 'deleted'))
    clock.advance(1_001)
    expect(tracker.size).toBe(0)
    expect(tracker.apply(callIn('established'))).toMatchObject({ applied: false, stale: true, call: { callId: CALL, state: 'terminated' } })
    expect(tracker.apply(roster('updated', 'p1'))).toMatchObject({ applied: false, stale: true })
    expect(tracker.apply(callIn('terminated', 'deleted'))).toMatchObject({ applied: false, duplicate: true })
    expect([tracker.size, tracker.get(CALL)]).toEqual([0, undefined])
    await expect(tracker.waitForState(CALL, 'terminated', { timeoutMs: 10 })).resolves.toMatchObject({ state: 'terminated' })
  })

  it('remembers an ended call that maxCalls drops as it ended, as one its grace period drops', async () => {
    const tracker = createCallTracker({ maxCalls: 2 })
    tracker.apply(callIn('established', 'updated', '/communications/calls/a'))
    tracker.apply(callIn('terminated', 'deleted', '/communications/calls/a'))
    tracker.apply(incoming('/communications/calls/b'))
    tracker.apply(incoming('/communications/calls/c'))
    expect(tracker.calls().map((c) => c.callId)).toEqual(['b', 'c'])
    await expect(tracker.waitForState('a', 'terminated', { timeoutMs: 10 })).resolves.toMatchObject({ callId: 'a', state: 'terminated' })
    expect(tracker.apply(callIn('established', 'updated', '/communications/calls/a')).stale).toBe(true)
    expect(tracker.calls().map((c) => c.callId)).toEqual(['b', 'c'])
  })

  it('stale and duplicate events do not keep a call alive', () => {
    const clock = manualClock()
    const tracker = createCallTracker({ now: clock.now, maxAgeMs: 1_000 })
    tracker.apply(callIn('established'))
    clock.advance(900)
    expect(tracker.apply(callIn('established')).duplicate).toBe(true)
    clock.advance(100)
    expect(tracker.get(CALL)).toBeUndefined()
  })

  it('forget drops a call at once', () => {
    const tracker = createCallTracker()
    tracker.apply(incoming())
    expect(tracker.forget(CALL)).toBe(true)
    expect(tracker.forget(CALL)).toBe(false)
    expect(tracker.get(CALL)).toBeUndefined()
  })

  it('accepts a clock that gives Dates', () => {
    const tracker = createCallTracker({ now: () => new Date(42) })
    expect(tracker.apply(incoming()).call?.firstSeenAt).toBe(42)
  })

  it('refuses options that cannot bound memory', () => {
    const thrown = (run: () => unknown) => {
      try {
        run()
      } catch (error) {
        return error
      }
      return undefined
    }
    const error = thrown(() => createCallTracker({ maxCalls: 0, maxAgeMs: -1, terminatedGraceMs: Number.NaN }))
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['$.terminatedGraceMs', '$.maxCalls', '$.maxAgeMs'])
  })

  it('reads an option given as undefined as absent: the default applies', () => {
    const tracker = createCallTracker({ terminatedGraceMs: undefined, maxCalls: undefined, maxAgeMs: undefined, deltaRoster: undefined, now: undefined })
    expect(tracker.size).toBe(0)
  })
})

describe('operations end once', () => {
  const op = (type: 'operation.updated' | 'operation.completed', operationId = 'op-1') =>
    ({ type, callId: 'c-op', changeType: 'updated', resourceUrl: `/communications/calls/c-op/operations/${operationId}`, tenantId: undefined, issues: [], raw: {}, operationId, operation: {}, status: undefined, clientContext: undefined, resultInfo: undefined }) as unknown as CallEvent

  it('an operation deleted without a final status is over: no longer pending, and a later update is stale', () => {
    const tracker = createCallTracker()
    tracker.apply(operation('op9', 'running'))
    const deleted = event({ changeType: 'deleted', resourceUrl: `${URL}/operations/op9` })
    expect(deleted.type).toBe('operation.updated')
    expect(tracker.apply(deleted)).toMatchObject({ applied: true })
    expect([...tracker.get(CALL)!.pendingOperations.keys()]).toEqual([])
    expect(tracker.apply(operation('op9', 'running'))).toMatchObject({ applied: false, stale: true })
  })

  it('a repeated completion is a duplicate, a progress update after it is stale', () => {
    const tracker = createCallTracker()
    expect(tracker.apply(op('operation.updated')).applied).toBe(true)
    expect(tracker.apply(op('operation.completed'))).toMatchObject({ applied: true })
    expect(tracker.apply(op('operation.completed'))).toMatchObject({ applied: false, duplicate: true })
    expect(tracker.apply(op('operation.updated'))).toMatchObject({ applied: false, stale: true })
    expect(tracker.apply(op('operation.completed', 'op-2'))).toMatchObject({ applied: true })
    expect(tracker.get('c-op')!.pendingOperations.size).toBe(0)
  })
})

describe('createCallTracker: waitForState', () => {
  it('resolves once a call reaches the state, out of order or not, and at once for a call already past it', async () => {
    const tracker = createCallTracker()
    const established = tracker.waitForState(CALL, 'established')
    const terminating = tracker.waitForState(CALL, 'terminating')
    expect(tracker.pendingWaits).toBe(2)
    tracker.apply(incoming())
    tracker.apply(callIn('established'))
    await expect(established).resolves.toMatchObject({ callId: CALL, state: 'established' })
    expect(tracker.pendingWaits).toBe(1)
    // A stale establishing reached nothing new; a call on hold has still been established.
    tracker.apply(callIn('establishing'))
    tracker.apply(callIn('hold'))
    await expect(tracker.waitForState(CALL, 'established')).resolves.toMatchObject({ state: 'hold' })
    await expect(tracker.waitForState(CALL, 'hold')).resolves.toMatchObject({ state: 'hold' })
    tracker.apply(event({ changeType: 'deleted', resourceUrl: URL, resourceData: { state: 'terminated' } }))
    await expect(terminating).resolves.toMatchObject({ state: 'terminated' })
    expect(tracker.pendingWaits).toBe(0)
  })

  it('resolves a wait for a lateral state only in it, or with the call ended; a call that ends first resolves as terminated', async () => {
    const tracker = createCallTracker()
    tracker.apply(incoming())
    const hold = tracker.waitForState(CALL, 'hold')
    const established = tracker.waitForState(CALL, 'established')
    tracker.apply(callIn('established'))
    await expect(established).resolves.toMatchObject({ state: 'established' })
    expect(tracker.pendingWaits).toBe(1)
    tracker.apply(event({ changeType: 'deleted', resourceUrl: URL, resourceData: { state: 'terminated', resultInfo: { code: 200, subcode: 5001 } } }))
    await expect(hold).resolves.toMatchObject({ state: 'terminated', resultInfo: { subcode: 5001 } })
  })

  it('resolves with the call as it was when it got there, though it moves on in the same turn', async () => {
    const tracker = createCallTracker()
    const established = tracker.waitForState(CALL, 'established')
    tracker.apply(callIn('established'))
    tracker.apply(event({ changeType: 'deleted', resourceUrl: URL, resourceData: { state: 'terminated' } }))
    await expect(established).resolves.toMatchObject({ state: 'established' })
    expect(tracker.get(CALL)?.state).toBe('terminated')
  })

  it('a call that ended and was forgotten after its grace period resolves as terminated; one dropped by forget is waited for', async () => {
    const clock = manualClock()
    const tracker = createCallTracker({ now: clock.now, terminatedGraceMs: 1_000 })
    tracker.apply(incoming())
    tracker.apply(event({ changeType: 'deleted', resourceUrl: URL, resourceData: { state: 'terminated', resultInfo: { code: 200, subcode: 5001 } } }))
    clock.advance(1_001)
    expect(tracker.get(CALL)).toBeUndefined()
    await expect(tracker.waitForState(CALL, 'established', { timeoutMs: 10 })).resolves.toMatchObject({ state: 'terminated', resultInfo: { subcode: 5001 } })
    tracker.forget(CALL)
    const waiting = tracker.waitForState(CALL, 'established', { timeoutMs: Infinity })
    expect(tracker.pendingWaits).toBe(1)
    tracker.apply(callIn('established'))
    await expect(waiting).resolves.toMatchObject({ state: 'established' })
  })

  it('times out on its clock, aborts, refuses a timeout no timer keeps, and leaves nothing pending', async () => {
    const { ManualClock } = await import('../../../src/testing/index.ts')
    const clock = new ManualClock()
    const tracker = createCallTracker({ clock })
    const timedOut = expect(tracker.waitForState(CALL, 'established', { timeoutMs: 1_000 })).rejects.toThrow(`Call ${CALL} was not established within 1000 ms`)
    const controller = new AbortController()
    const aborted = expect(tracker.waitForState(CALL, 'established', { signal: controller.signal, timeoutMs: Infinity })).rejects.toMatchObject({ name: 'AbortError' })
    expect(clock.pendingSleeps).toBe(1)
    await clock.advance(999)
    expect(tracker.pendingWaits).toBe(2)
    await clock.advance(1)
    await timedOut
    controller.abort()
    await aborted
    expect([tracker.pendingWaits, clock.pendingSleeps]).toEqual([0, 0])
    await expect(tracker.waitForState(CALL, 'established', { timeoutMs: -1 })).rejects.toBeInstanceOf(ValidationError)
    expect(() => createCallTracker({ clock: { now: () => 0 } as never })).toThrow(ValidationError)
    // Its time is the clock's too.
    expect(tracker.apply(incoming()).call?.firstSeenAt).toBe(clock.now())
  })
})
