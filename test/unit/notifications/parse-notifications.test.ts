import { createContext, runInContext } from 'node:vm'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { NotificationParseError, parseNotifications, type CallEvent } from '../../../src/notifications/index.ts'
import { parseNotificationBytes, parseRawNotifications } from '../../../src/notifications/parse-notifications.ts'

const CALL_URL = '/communications/calls/57DAB8B1894C409AB240BD8BEAE78896'
const established = { changeType: 'updated', resourceUrl: CALL_URL, resourceData: { '@odata.type': '#microsoft.graph.call', state: 'established' } }
const body = (...items: unknown[]) => JSON.stringify({ '@odata.type': '#microsoft.graph.commsNotifications', value: items })

function parseError(run: () => unknown): NotificationParseError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(NotificationParseError)
    return error as NotificationParseError
  }
  throw new Error('expected a NotificationParseError')
}

describe('parseNotifications: bodies it refuses', () => {
  it('refuses text that is not JSON, saying where to look', () => {
    const error = parseError(() => parseNotifications('{"value": [}'))
    expect(error.status).toBe(400)
    expect(error.issues).toEqual([{ path: '$', message: "expected JSON, but line 1, column 12 needs a value or ']'; pass the request body exactly as received" }])
  })

  it('never quotes the body it refuses, as text or as bytes: a body can carry a recording access token', () => {
    const secret = 'eyJ0eXAiOiJKV1Qi.recording-token'
    for (const text of [`recordingAccessToken=${secret}`, `{"value": [{"recordingAccessToken": "${secret}" x}]}`, `${secret}"`, `{"value": [], "recordingAccessToken": "${secret}`]) {
      for (const input of [text, new TextEncoder().encode(text)]) {
        const error = parseError(() => parseNotifications(input))
        for (const quoted of ['eyJ', 'recording', 'value"', 'token']) expect(error.message).not.toContain(quoted)
        expect(error.message).toMatch(/^Invalid notification body: \$: expected JSON, but (the string at )?line \d+, column \d+/)
        expect(error.cause).toBeUndefined()
      }
    }
    expect(parseError(() => parseNotifications(`{"value": [{"recordingAccessToken": "${secret}" x}]}`)).issues[0]!.message).toBe(
      "expected JSON, but line 1, column 72 needs ',' or '}'; pass the request body exactly as received",
    )
  })

  it('says an empty body is empty', () => {
    expect(parseError(() => parseNotifications('')).issues).toEqual([{ path: '$', message: 'expected JSON, but got an empty body; pass the request body exactly as received' }])
  })

  it.each([
    ['an array', '[]', 'got an array'],
    ['a number', '42', 'got a number'],
    ['null', 'null', 'got null'],
  ])('refuses a body that is %s', (_kind, text, got) => {
    const error = parseError(() => parseNotifications(text))
    expect(error.issues).toEqual([{ path: '$', message: `expected a commsNotifications object such as { "value": [ ... ] }, ${got}` }])
  })

  it.each([
    ['missing', '{}', 'got nothing'],
    ['null', '{"value": null}', 'got null'],
    ['an object', '{"value": {}}', 'got an object'],
  ])('refuses a value that is %s', (_kind, text, got) => {
    expect(parseError(() => parseNotifications(text)).issues).toEqual([{ path: '$.value', message: `expected an array of notifications, ${got}` }])
  })

  // The first call notification the Skype platform's calling API documents (a conversation), as Teams may
  // still send a bot's first call before it is told to use Graph's format.
  const legacyConversation = {
    id: '11111111-2222-3333-4444-555555555555',
    participants: [{ identity: '8:skype.user', languageId: 'en', originator: true }, { identity: '28:b0100000-1d00-aaaa-bbbb-cccccccccccc', originator: false }],
    isMultiparty: false,
    presentedModalityTypes: ['audio'],
    callState: 'incoming',
  }

  it('tells a call in the legacy Skype format by its status 204, as text, bytes or object, and only that', () => {
    for (const input of [JSON.stringify(legacyConversation), new TextEncoder().encode(JSON.stringify(legacyConversation)), legacyConversation]) {
      const error = parseError(() => parseNotifications(input))
      expect(error.status).toBe(204)
      expect(error.issues).toEqual([{ path: '$', message: 'a call in the legacy Skype format; answer 204 and Graph posts it again as commsNotifications' }])
    }
    const { presentedModalityTypes: _modalities, ...noModalities } = legacyConversation
    expect(parseError(() => parseNotifications(JSON.stringify(noModalities))).status).toBe(400)
    expect(parseError(() => parseNotifications(JSON.stringify({ ...legacyConversation, callState: 1 }))).status).toBe(400)
    expect(parseNotifications(JSON.stringify({ ...legacyConversation, value: [] }))).toEqual([])
  })

  it('refuses a body of another type', () => {
    expect(parseError(() => parseNotifications(undefined)).issues[0]!.message).toBe(
      'expected the request body as a string, a Uint8Array or a parsed JSON object, got an undefined',
    )
    expect(parseError(() => parseNotifications(12)).issues[0]!.message).toMatch(/got a number$/)
  })

  it('refuses bytes that are not UTF-8', () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d])
    expect(parseError(() => parseNotifications(bytes)).issues).toEqual([{ path: '$', message: 'expected UTF-8 text; the body holds bytes that are not UTF-8' }])
  })

  it('reads maxBytes: undefined as absent: the limit is 1 MiB', () => {
    const padded = body({ ...established, note: ' '.repeat(1024 * 1024) })
    expect(parseError(() => parseNotifications(padded, { maxBytes: undefined })).issues).toEqual([{ path: '$', message: 'expected a body of at most 1048576 bytes (the maxBytes option)' }])
    expect(parseNotifications(body(established), { maxBytes: undefined, receivedAt: undefined, now: undefined, tenantId: undefined })).toHaveLength(1)
  })

  it('answers 413 for a body over maxBytes, counting UTF-8 bytes of text', () => {
    const text = body(established)
    const bytes = new TextEncoder().encode(text)
    for (const input of [text, bytes]) {
      const error = parseError(() => parseNotifications(input, { maxBytes: bytes.length - 1 }))
      expect(error.status).toBe(413)
      expect(error.issues).toEqual([{ path: '$', message: `expected a body of at most ${bytes.length - 1} bytes (the maxBytes option)` }])
      expect(parseNotifications(input, { maxBytes: bytes.length })).toHaveLength(1)
    }
    // 'é' is one UTF-16 unit but two UTF-8 bytes; '😀' two units, four bytes.
    const wide = body({ ...established, note: 'é😀'.repeat(100) })
    const wideBytes = new TextEncoder().encode(wide).length
    expect(wideBytes).toBeGreaterThan(wide.length)
    expect(parseError(() => parseNotifications(wide, { maxBytes: wideBytes - 1 })).status).toBe(413)
    expect(parseNotifications(wide, { maxBytes: wideBytes })).toHaveLength(1)
  })

  it('by default accepts 1 MiB and refuses more', () => {
    const filler = (size: number) => body({ ...established, pad: 'x'.repeat(size - body({ ...established, pad: '' }).length) })
    expect(parseNotifications(filler(1024 * 1024))).toHaveLength(1)
    expect(parseError(() => parseNotifications(filler(1024 * 1024 + 1))).status).toBe(413)
  })

  it.each([
    ['Date', new Date(0), 'Date'],
    ['Map', new Map(), 'Map'],
    ['Set', new Set(), 'Set'],
  ])('refuses a parsed object holding a %s, and says to pass the raw body', (_kind, value, name) => {
    const parsed = { value: [{ ...established, resourceData: { state: 'established', '@odata.etag': value } }] }
    expect(parseError(() => parseNotifications(parsed)).issues).toEqual([
      {
        path: '$.value[0].resourceData["@odata.etag"]',
        message: `expected JSON data, got a ${name}; pass the raw body (string or bytes), not a parsed object with ${name} values`,
      },
    ])
  })

  it('refuses a parsed object holding a function, a bigint, NaN or a cycle', () => {
    const message = (value: unknown) => parseError(() => parseNotifications({ value: [{ ...established, extra: value }] })).issues[0]!.message
    expect(message(() => 1)).toBe('expected JSON data, got a function; pass the raw body (string or bytes), not a parsed object with function values')
    expect(message(10n)).toMatch(/got a bigint/)
    expect(message(Number.NaN)).toMatch(/got NaN/)
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(message(cyclic)).toMatch(/appears twice/)
  })

  it('accepts a byte-order mark before the JSON', () => {
    expect(parseNotifications(`\uFEFF${body(established)}`)[0]!.type).toBe('call.established')
    expect(parseNotifications(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(body(established))]))[0]!.type).toBe('call.established')
  })

  it('refuses a second byte-order mark, as text and as bytes', () => {
    const mark = [0xef, 0xbb, 0xbf]
    for (const twice of [`\uFEFF\uFEFF${body(established)}`, new Uint8Array([...mark, ...mark, ...new TextEncoder().encode(body(established))])]) {
      const error = parseError(() => parseNotifications(twice))
      expect(error.issues[0]!.message).toBe('expected JSON, but line 1, column 1 needs a value; pass the request body exactly as received')
    }
  })
})

describe('parseNotifications: events', () => {
  it('gives one event per item, in order, for any items at all', () => {
    const notificationLike = fc.record(
      {
        changeType: fc.constantFrom('created', 'updated', 'deleted', 'Deleted', 'weird', 3),
        resourceUrl: fc.constantFrom(CALL_URL, `${CALL_URL}/participants`, `${CALL_URL}/operations/1`, `${CALL_URL}/contentsharingsessions/2`, '/x', 5),
        resource: fc.constantFrom('/app/calls/abc', undefined),
        resourceData: fc.oneof(fc.jsonValue(), fc.record({ '@odata.type': fc.string(), state: fc.jsonValue(), status: fc.jsonValue() })),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.jsonValue(), notificationLike), { maxLength: 8 }), (items) => {
        const text = JSON.stringify({ value: items })
        const events = parseNotifications(text)
        expect(events).toHaveLength(items.length)
        expect(events.map((e) => e.raw)).toEqual(JSON.parse(text).value)
      }),
      { numRuns: 300 },
    )
  })

  it('dates call.incoming from the receipt time: receivedAt, else the injected clock, read once per body', () => {
    const incoming = { changeType: 'created', resourceUrl: CALL_URL, resourceData: { state: 'incoming' } }
    const respondBy = (event: CallEvent | undefined) => (event?.type === 'call.incoming' ? event.respondBy : undefined)
    let reads = 0
    const events = parseNotifications(body(incoming, incoming), { now: () => 1_000 + 100 * reads++ })
    expect(events.map(respondBy)).toEqual([new Date(16_000), new Date(16_000)])
    expect(reads).toBe(1)
    expect(respondBy(parseNotifications(body(incoming), { now: () => new Date(2_000) })[0])).toEqual(new Date(17_000))
    expect(respondBy(parseNotifications(body(incoming), { receivedAt: new Date(5_000), now: () => 1 })[0])).toEqual(new Date(20_000))
    // Bodies without an incoming call never read the clock.
    parseNotifications(body(established), { now: () => { throw new Error('the clock was read') } })
  })

  it.each([['PolicyBasedRecording'], ['ComplianceRecording'], ['compliancerecording']])(
    'gives a policy-based recording invitation (%s in inviteReasons) 5 s to answer, another call 15 s',
    (reason) => {
      const invite = (inviteReasons: unknown) => ({
        changeType: 'Created',
        resourceUrl: CALL_URL,
        resourceData: { state: 'incoming', applicationMetadata: { botData: { inviteReasons, policyIdentifier: 'TeamsComplianceRecordingPolicy=Tenant:p' } } },
      })
      const [recording, other, odd] = parseNotifications(body(invite([reason]), invite(['Other']), invite(reason)), { receivedAt: new Date(1_000) })
      expect(recording).toMatchObject({ type: 'call.incoming', isPolicyBasedRecording: true, respondBy: new Date(6_000) })
      expect(other).toMatchObject({ type: 'call.incoming', isPolicyBasedRecording: false, respondBy: new Date(16_000) })
      expect(odd).toMatchObject({ type: 'call.incoming', isPolicyBasedRecording: false })
    },
  )

  it('reads an established call that says an action failed (a transfer, with resultInfo) as an update', () => {
    const failed = (code: unknown) => ({ changeType: 'updated', resourceUrl: CALL_URL, resourceData: { state: 'established', resultInfo: { code, subcode: 7000, message: 'Transfer failed.' } } })
    const [transferFailed, asText, fine] = parseNotifications(body(failed(500), failed('500'), failed(200)))
    expect(transferFailed).toMatchObject({ type: 'call.updated', call: { state: 'established', resultInfo: { code: 500 } }, issues: [] })
    expect(asText).toMatchObject({ type: 'call.updated', call: { resultInfo: { code: 500 } } })
    expect(fine).toMatchObject({ type: 'call.established' })
  })

  it('without options, reads the current time afresh for every body (a clock faked after import included)', () => {
    const incoming = { changeType: 'created', resourceUrl: CALL_URL, resourceData: { state: 'incoming' } }
    const respondBy = (event: CallEvent | undefined) => (event?.type === 'call.incoming' ? event.respondBy : undefined)
    vi.useFakeTimers({ now: 1_000 })
    try {
      expect(respondBy(parseNotifications(body(incoming))[0])).toEqual(new Date(16_000))
      vi.setSystemTime(40_000)
      expect(respondBy(parseNotifications(body(incoming))[0])).toEqual(new Date(55_000))
      // An options object of its own does not disturb the next call without one.
      expect(respondBy(parseNotifications(body(incoming), { receivedAt: new Date(5_000) })[0])).toEqual(new Date(20_000))
      vi.setSystemTime(70_000)
      expect(respondBy(parseNotifications(body(incoming))[0])).toEqual(new Date(85_000))
    } finally {
      vi.useRealTimers()
    }
  })

  it('puts the verified tenant on every event', () => {
    const events = parseNotifications(body(established, 7), { tenantId: 'tenant-1' })
    expect(events.map((e) => e.tenantId)).toEqual(['tenant-1', 'tenant-1'])
    expect(parseNotifications(body(established))[0]!.tenantId).toBeUndefined()
  })

  it('never changes the object it is given', () => {
    const parsed = JSON.parse(
      body(
        { changeType: 'Updated', resourceUrl: CALL_URL, resourceData: { state: 'Established', resultInfo: { code: '200' } } },
        { changeType: 'deleted', resourceUrl: `${CALL_URL}/operations/1`, resourceData: { status: 'completed', resultInfo: { code: '200' } } },
      ),
    )
    const before = structuredClone(parsed)
    const events = parseNotifications(parsed)
    expect(parsed).toEqual(before)
    expect(events[0]!.type === 'call.established' && events[0]!.call.state).toBe('established')
    expect(events[1]!.type === 'operation.completed' && events[1]!.resultInfo?.code).toBe(200)
  })

  it('a __proto__, constructor or prototype key never changes a prototype', () => {
    const hostile = `{"__proto__": {"polluted": "top"}, "constructor": {"prototype": {"polluted": "ctor"}}, "value": [
      {"__proto__": {"polluted": "item"}, "changeType": "updated", "resourceUrl": "${CALL_URL}",
       "resourceData": {"__proto__": {"polluted": "data", "state": "terminated"}, "state": "Established", "prototype": {"polluted": 1},
         "constructor": {"prototype": {"polluted": "data-ctor"}}, "resultInfo": {"__proto__": {"polluted": "ri"}, "code": "200"}}},
      {"changeType": "updated", "resourceUrl": "${CALL_URL}/participants", "resourceData": [{"__proto__": {"isMuted": true}, "id": "p1", "isMuted": false}]}
    ]}`
    const events: CallEvent[] = [...parseNotifications(hostile), ...parseNotifications(JSON.parse(hostile))]
    expect(Object.prototype).not.toHaveProperty('polluted')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    for (const event of events) {
      expect(Object.getPrototypeOf(event)).toBe(Object.prototype)
      if (event.type === 'call.established') {
        // The state was canonicalised, so the call is a copy; its __proto__ key stays plain data.
        expect(event.call.state).toBe('established')
        expect(Object.getPrototypeOf(event.call)).toBe(Object.prototype)
        expect(Object.hasOwn(event.call, '__proto__')).toBe(true)
        expect((event.call as Record<string, unknown>).polluted).toBeUndefined()
        expect(Object.getPrototypeOf(event.call.resultInfo)).toBe(Object.prototype)
        expect(event.call.resultInfo?.code).toBe(200)
      } else if (event.type === 'participants.updated') {
        expect(Object.getPrototypeOf(event.participants[0])).toBe(Object.prototype)
        expect(event.participants[0]!.isMuted).toBe(false)
      } else {
        throw new Error(`unexpected ${event.type}`)
      }
    }
  })

  it('an unknown item keeps what it can: call id, change type, resourceData', () => {
    const [event] = parseNotifications(body({ changeType: 'updated', resourceUrl: `${CALL_URL}/audioRoutingGroups/g1`, resourceData: { id: 'g1' } }))
    expect(event).toMatchObject({ type: 'unknown', callId: '57DAB8B1894C409AB240BD8BEAE78896', resourceData: { id: 'g1' } })
  })

  it('an issue inside an operation is reported at its JSON path, and the event is still typed', () => {
    const [event] = parseNotifications(
      body({ changeType: 'deleted', resourceUrl: `${CALL_URL}/operations/op1`, resourceData: { status: 'failed', resultInfo: { code: 'E42', subcode: '1' } } }),
    )
    expect(event).toMatchObject({ type: 'operation.failed', operationId: 'op1', resultInfo: { code: 'E42', subcode: 1 } })
    expect(event!.issues).toEqual([{ path: '$.value[0].resourceData.resultInfo.code', message: 'expected an integer, got a string' }])
  })
})

  it('keeps a null member as null with no issue, whatever its type; a null @odata.type is still an issue', () => {
    const call = { '@odata.type': '#microsoft.graph.call', state: null, direction: null, callbackUri: null, source: { identity: null, endpointType: null }, resultInfo: { code: null, subcode: null } }
    const [event] = parseNotifications(body({ changeType: 'updated', resourceUrl: CALL_URL, resourceData: call }))
    expect(event).toMatchObject({ type: 'call.updated', call, issues: [] })
    const [tagless] = parseNotifications(body({ changeType: 'updated', resourceUrl: CALL_URL, resourceData: { ...call, source: { '@odata.type': null } } }))
    expect(tagless!.issues).toEqual([{ path: '$.value[0].resourceData.source["@odata.type"]', message: 'expected a string, got null' }])
  })

describe('parseNotifications: resourceData as an array', () => {
  const one = (item: Record<string, unknown>) => parseNotifications(body(item))[0]!
  const operation = (status: string, resultInfo: unknown = { code: '200' }) => ({
    '@odata.type': '#microsoft.graph.playPromptOperation',
    status,
    clientContext: 'ctx-1',
    resultInfo,
  })
  const joining = { '@odata.type': '#microsoft.graph.participantJoiningNotification', call: { id: 'c2', state: 'incoming' } }
  const left = { '@odata.type': '#microsoft.graph.participantLeftNotification', call: { id: 'c2' }, participantId: 'p9' }

  it.each([
    ['completed', 'operation.completed', 'Completed'],
    ['failed', 'operation.failed', 'Failed'],
  ])('reads an operation %s sent as a one-element array as if it were the object', (status, type, canonical) => {
    const item = { changeType: 'deleted', resourceUrl: `${CALL_URL}/operations/op1` }
    const fromArray = one({ ...item, resourceData: [operation(status)] })
    expect(fromArray).toMatchObject({ type, operationId: 'op1', status: canonical, clientContext: 'ctx-1', resultInfo: { code: 200 }, issues: [] })
    const { raw: _arrayRaw, ...arrayEvent } = fromArray
    const { raw: _objectRaw, ...objectEvent } = one({ ...item, resourceData: operation(status) })
    expect(arrayEvent).toEqual(objectEvent)
  })

  it('reads a content-sharing session sent as a one-element array', () => {
    const [event] = parseNotifications(
      body({ changeType: 'created', resourceUrl: `${CALL_URL}/contentSharingSessions/s1`, resourceData: [{ '@odata.type': '#microsoft.graph.contentSharingSession', id: 's1' }] }),
    )
    expect(event).toMatchObject({ type: 'contentSharing.started', sessionId: 's1', session: { id: 's1' }, issues: [] })
  })

  it.each([
    ['created', 'contentSharing.started'],
    ['updated', 'contentSharing.updated'],
    ['deleted', 'contentSharing.ended'],
  ])('reads a %s notification about the sessions collection, its session named only in resourceData', (changeType, type) => {
    const session = { '@odata.type': '#microsoft.graph.contentSharingSession', id: 'F7D9EF30FF0A9BD3' }
    for (const resourceUrl of [`${CALL_URL}/contentsharingsessions`, `/app/calls/C1/contentSharingSessions/`]) {
      const event = one({ changeType, resourceUrl, resourceData: [session] })
      expect(event).toMatchObject({ type, sessionId: 'F7D9EF30FF0A9BD3', session, issues: [] })
    }
  })

  it('makes a notification about the sessions collection that names no session unknown, saying why', () => {
    for (const resourceData of [undefined, [], [{ '@odata.type': '#microsoft.graph.contentSharingSession' }], { id: 7 }]) {
      const event = one({ changeType: 'created', resourceUrl: `${CALL_URL}/contentsharingsessions`, resourceData })
      expect(event).toMatchObject({ type: 'unknown', callId: '57DAB8B1894C409AB240BD8BEAE78896', changeType: 'created' })
      expect(event.type === 'unknown' && event.reason).toBe('the content-sharing notification names no session')
    }
  })

  it('reads policy-based recording notifications sent as a one-element array', () => {
    expect(one({ changeType: 'created', resourceUrl: CALL_URL, resourceData: [joining] })).toMatchObject({
      type: 'participant.joining',
      callId: '57DAB8B1894C409AB240BD8BEAE78896',
      notification: { call: { id: 'c2', state: 'incoming' } },
      issues: [],
    })
    expect(one({ changeType: 'deleted', resourceUrl: CALL_URL, resourceData: [left] })).toMatchObject({
      type: 'participant.left',
      participantId: 'p9',
      notification: { participantId: 'p9' },
      issues: [],
    })
    // Without a resourceUrl naming a call, the call id still comes from the notification itself.
    expect(one({ changeType: 'created', resourceUrl: '/app/joining', resourceData: [joining] })).toMatchObject({ type: 'participant.joining', callId: 'c2' })
  })

  it('uses the first of several, says so at resourceData, and reports the first one\'s issues at resourceData[0]', () => {
    const [op, call, join] = parseNotifications(
      body(
        { changeType: 'updated', resourceUrl: `${CALL_URL}/operations/op1`, resourceData: [operation('completed', { code: 'E1' }), operation('failed')] },
        { changeType: 'updated', resourceUrl: CALL_URL, resourceData: [{ state: 'established', subject: 5 }, { state: 'terminated' }, {}] },
        { changeType: 'created', resourceUrl: CALL_URL, resourceData: [{ ...joining, call: { state: 7 } }, joining] },
      ),
    )
    expect(op).toMatchObject({ type: 'operation.completed', status: 'Completed' })
    expect(op!.issues).toEqual([
      { path: '$.value[0].resourceData', message: 'expected one operation, got an array of 2; the first is used' },
      { path: '$.value[0].resourceData[0].resultInfo.code', message: 'expected an integer, got a string' },
    ])
    expect(call).toMatchObject({ type: 'call.established' })
    expect(call!.issues).toEqual([
      { path: '$.value[1].resourceData', message: 'expected one call, got an array of 3; the first is used' },
      { path: '$.value[1].resourceData[0].subject', message: 'expected a string, got a number' },
    ])
    expect(join).toMatchObject({ type: 'participant.joining' })
    expect(join!.issues).toEqual([
      { path: '$.value[2].resourceData', message: 'expected one participant joining notification, got an array of 2; the first is used' },
      { path: '$.value[2].resourceData[0].call.state', message: 'expected a string, got a number' },
    ])
  })

  it('reads an empty array as no resource', () => {
    const [op, sharing, call, ended] = parseNotifications(
      body(
        { changeType: 'deleted', resourceUrl: `${CALL_URL}/operations/op1`, resourceData: [] },
        { changeType: 'deleted', resourceUrl: `${CALL_URL}/contentsharingsessions/s1`, resourceData: [] },
        { changeType: 'updated', resourceUrl: CALL_URL, resourceData: [] },
        { changeType: 'deleted', resourceUrl: CALL_URL, resourceData: [] },
      ),
    )
    expect(op).toMatchObject({ type: 'operation.updated', operationId: 'op1', status: undefined, operation: {} })
    expect(op!.issues).toEqual([{ path: '$.value[0].resourceData', message: 'expected an operation object' }])
    expect(sharing).toMatchObject({ type: 'contentSharing.ended', sessionId: 's1', session: undefined, issues: [] })
    expect(call).toMatchObject({ type: 'call.updated', call: {} })
    expect(call!.issues).toEqual([{ path: '$.value[2].resourceData', message: 'expected a call object' }])
    expect(ended).toMatchObject({ type: 'call.terminated', issues: [] })
  })

  it('keeps a roster array a list of participants, even when its first element looks like a policy notification', () => {
    const participant = { '@odata.type': '#microsoft.graph.participant', id: 'p1' }
    const [roster, lookalike] = parseNotifications(
      body(
        { changeType: 'updated', resourceUrl: `${CALL_URL}/participants`, resourceData: [participant, { id: 'p2' }] },
        { changeType: 'updated', resourceUrl: `${CALL_URL}/participants`, resourceData: [{ ...left, id: 'p3' }, { id: 'p4' }] },
      ),
    )
    expect(roster).toMatchObject({ type: 'participants.updated', participants: [{ id: 'p1' }, { id: 'p2' }], issues: [] })
    expect(lookalike).toMatchObject({ type: 'participants.updated', participants: [{ id: 'p3' }, { id: 'p4' }] })
  })

  it('reads a joining or left notification sent as an array of one on the roster URL as that notification', () => {
    const joining = { '@odata.type': '#microsoft.graph.participantJoiningNotification', call: { '@odata.type': '#microsoft.graph.call', id: 'c1' } }
    const [join, leave, participant] = parseNotifications(
      body(
        { changeType: 'created', resourceUrl: `${CALL_URL}/participants`, resourceData: [joining] },
        { changeType: 'deleted', resourceUrl: `${CALL_URL}/participants/p9`, resourceData: [{ ...left, participantId: 'p9' }] },
        { changeType: 'updated', resourceUrl: `${CALL_URL}/participants`, resourceData: [{ '@odata.type': '#microsoft.graph.participant', id: 'p1' }] },
      ),
    )
    expect(join).toMatchObject({ type: 'participant.joining', notification: joining, issues: [] })
    expect(leave).toMatchObject({ type: 'participant.left', participantId: 'p9', issues: [] })
    expect(participant).toMatchObject({ type: 'participants.updated', participants: [{ id: 'p1' }], issues: [] })
  })
})

describe('parseRawNotifications and parseNotificationBytes (what the request handlers call)', () => {
  it('reads text and bytes exactly as parseNotifications does', () => {
    const text = body(established, { changeType: 'updated', resourceUrl: `${CALL_URL}/participants`, resourceData: [] })
    const options = { receivedAt: new Date(0), tenantId: 't1' }
    expect(parseRawNotifications(text, options)).toEqual(parseNotifications(text, options))
    expect(parseRawNotifications(new TextEncoder().encode(text), options)).toEqual(parseNotifications(text, options))
    expect(parseRawNotifications(text)).toEqual(parseNotifications(text))
    expect(parseNotificationBytes(new TextEncoder().encode(text), options)).toEqual(parseNotifications(text, options))
    expect(parseNotificationBytes(new TextEncoder().encode(text))).toEqual(parseNotifications(text))
  })

  it('parseNotificationBytes refuses what parseNotifications refuses, with the same errors', () => {
    const encode = (text: string) => new TextEncoder().encode(text)
    for (const text of ['{"value": [}', '[]', '{}', '{"value": 3}', body(established)]) {
      let expected: unknown
      try {
        expected = parseNotifications(text)
      } catch (error) {
        expected = error
      }
      if (expected instanceof NotificationParseError) expect(parseError(() => parseNotificationBytes(encode(text))).issues).toEqual(expected.issues)
      else expect(parseNotificationBytes(encode(text))).toEqual(expected)
    }
    expect(parseError(() => parseNotificationBytes(new Uint8Array([0xff]))).issues[0]!.message).toMatch(/not UTF-8/)
    expect(parseError(() => parseNotificationBytes(encode(body(established)), { maxBytes: 10 })).status).toBe(413)
  })

  it('reads bytes, buffers and parsed objects made in another realm (a vm context, a test sandbox) as its own', () => {
    const text = body(established)
    const realm = createContext({ text, codes: [...new TextEncoder().encode(text)] })
    const foreign = {
      object: runInContext('JSON.parse(text)', realm),
      bytes: runInContext('Uint8Array.from(codes)', realm),
      buffer: runInContext('Uint8Array.from(codes).buffer', realm),
    }
    expect(foreign.bytes).not.toBeInstanceOf(Uint8Array)
    const expected = parseNotifications(text)
    for (const value of Object.values(foreign)) expect(parseNotifications(value)).toEqual(expected)
    expect(parseRawNotifications(foreign.bytes)).toEqual(expected)
    // What JSON cannot hold is refused from there too.
    const date = runInContext('({ value: [{ changeType: "updated", resourceUrl: "/communications/calls/x", at: new Date(0) }] })', realm)
    expect(parseError(() => parseNotifications(date)).issues[0]!.path).toBe('$.value[0].at')
  })

  it('refuses an already-parsed object, which a request never is', () => {
    const error = parseError(() => parseRawNotifications({ value: [] } as unknown as string))
    expect(error.status).toBe(400)
    expect(error.issues[0]!.message).toMatch(/^expected the request body as a string, a Uint8Array/)
  })
})
