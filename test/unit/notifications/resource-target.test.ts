import { describe, expect, it } from 'vitest'
import { resourceTarget } from '../../../src/notifications/resource-target.ts'

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
