import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { anyResourceTarget, resourceTarget } from '../../../src/notifications/resource-target.ts'

describe('resourceTarget', () => {
  it.each([
    ['/communications/calls/C1', { kind: 'call', callId: 'C1', childId: undefined, collection: '' }],
    ['/app/calls/C1', { kind: 'call', callId: 'C1', childId: undefined, collection: '' }],
    ['/COMMUNICATIONS/Calls/C1/', { kind: 'call', callId: 'C1', childId: undefined, collection: '' }],
    ['https://graph.microsoft.com/v1.0/communications/calls/C1?x=1', { kind: 'call', callId: 'C1', childId: undefined, collection: '' }],
    ['communications/calls/C1#top', { kind: 'call', callId: 'C1', childId: undefined, collection: '' }],
    ['/communications/calls/C1/participants', { kind: 'participants', callId: 'C1', childId: undefined, collection: 'participants' }],
    ['/communications/calls/C1/Participants/P1', { kind: 'participants', callId: 'C1', childId: 'P1', collection: 'participants' }],
    ['/communications/calls/C1/operations/O1', { kind: 'operation', callId: 'C1', childId: 'O1', collection: 'operations' }],
    ['/app/calls/C1/contentSharingSessions/S1', { kind: 'contentSharingSession', callId: 'C1', childId: 'S1', collection: 'contentsharingsessions' }],
    ['/communications/calls/C1/contentsharingsessions', { kind: 'contentSharingSession', callId: 'C1', childId: undefined, collection: 'contentsharingsessions' }],
    ['/app/calls/C1/contentSharingSessions/', { kind: 'contentSharingSession', callId: 'C1', childId: undefined, collection: 'contentsharingsessions' }],
    ['/communications/calls/C1/operations', { kind: 'other', callId: 'C1', childId: undefined, collection: 'operations' }],
    ['/communications/calls/C1/audioRoutingGroups/G1', { kind: 'other', callId: 'C1', childId: 'G1', collection: 'audioRoutingGroups' }],
    ['/communications/calls/C1/operations/O1/more', { kind: 'other', callId: 'C1', childId: 'O1', collection: 'operations' }],
    ['/webapp/calls/X/communications/calls/C1', { kind: 'call', callId: 'C1', childId: undefined, collection: '' }],
  ])('reads %s', (url, target) => {
    expect(resourceTarget(url)).toEqual(target)
  })

  it.each(['', '/communications/calls/', '/communications/onlineMeetings/M1', '/myapp/calls/C1', '/communications/calls//participants'])(
    'finds no call in %j',
    (url) => {
      expect(resourceTarget(url)).toBeUndefined()
    },
  )
})

describe('resourceTarget and the general reader', () => {
  // URLs built from the pieces that matter: prefixes in several spellings, known and unknown collections in
  // both casings, empty segments, queries, fragments and trailing slashes.
  const prefix = fc.constantFrom('/communications/calls/', '/Communications/calls/', 'https://graph.microsoft.com/v1.0/communications/calls/', '/app/calls/', '/communications/call/', '')
  const segment = fc.constantFrom('C1', '', 'participants', 'Participants', 'participantsX', 'participantsXY', 'operations', 'operationsXY', 'contentsharingsessions', 'contentSharingSessions', 'c', 'p', 'o', 'P1', 'a?b', 'x#y')
  const tail = fc.constantFrom('', '', '', '/', '?q=1', '#f', '/?q=/x')
  const anyPath = fc.tuple(prefix, fc.array(segment, { maxLength: 4 }), tail).map(([p, segments, t]) => p + segments.join('/') + t)
  // Near Graph's own form: `{id}[/{collection}[/{id}]]` after the canonical prefix, one piece at a time off.
  const nearCanonical = fc
    .tuple(segment, fc.option(fc.tuple(segment, fc.option(segment))), tail)
    .map(([id, rest, t]) => `/communications/calls/${id}${rest ? `/${rest[0]}${rest[1] !== null ? `/${rest[1]}` : ''}` : ''}${t}`)
  const url = fc.oneof(anyPath, nearCanonical)

  it('agree on every URL', () => {
    fc.assert(
      fc.property(url, (u) => {
        expect(resourceTarget(u)).toEqual(anyResourceTarget(u))
      }),
      { numRuns: 3000, seed: 20261206 },
    )
  })

  it.each([
    '/communications/calls/C1/contentsharingsessions/S1',
    '/communications/calls/C1/participants/P1',
    '/communications/calls/C1/operations/O1',
    '/communications/calls/C1/participants',
    '/communications/calls/C1/contentsharingsessions',
    '/communications/calls/C1',
  ])('read Graph\'s own form %s alike', (u) => {
    expect(resourceTarget(u)).toEqual(anyResourceTarget(u))
    expect(resourceTarget(u)).toBeDefined()
  })
})
