import { describe, expect, it } from 'vitest'
import { createAudioRoutingGroup, deleteAudioRoutingGroup, getContentSharingSession, updateAudioRoutingGroup } from '../../../src/requests/index.ts'
import { issuesOf } from './issues.ts'

// The request bodies of Graph's "Create audioRoutingGroup" (both examples) and "Update audioRoutingGroup" pages.
const oneToOne = { id: 'oneToOne', routingMode: 'oneToOne', sources: ['632899f8-2ea1-4604-8413-27bd2892079f'], receivers: ['550fae72-d251-43ec-868c-373732c2704f'] } as const
const multicast = {
  id: 'multicast',
  routingMode: 'multicast',
  sources: ['632899f8-2ea1-4604-8413-27bd2892079f'],
  receivers: ['550fae72-d251-43ec-868c-373732c2704f', '72f988bf-86f1-41af-91ab-2d7cd011db47'],
} as const
const update = { ...oneToOne, receivers: multicast.receivers }

describe('audio routing groups', () => {
  it("sends the bodies of Graph's pages as they are", () => {
    for (const body of [oneToOne, multicast]) {
      expect(createAudioRoutingGroup('c1', { ...body, sources: [...body.sources], receivers: [...body.receivers] })).toEqual({ method: 'POST', path: '/communications/calls/c1/audioRoutingGroups', body, resultType: 'AudioRoutingGroup' })
    }
    expect(updateAudioRoutingGroup('c1', 'oneToOne', { ...update, sources: [...update.sources], receivers: [...update.receivers] })).toEqual({
      method: 'PATCH',
      path: '/communications/calls/c1/audioRoutingGroups/oneToOne',
      body: update,
      resendable: true,
      resultType: 'AudioRoutingGroup',
    })
    expect(deleteAudioRoutingGroup('c1', 'group one')).toEqual({ method: 'DELETE', path: '/communications/calls/c1/audioRoutingGroups/group%20one' })
  })

  it('refuses a group Graph could not make, naming each field', () => {
    expect(issuesOf(() => createAudioRoutingGroup('c1', { routingMode: 'unknownFutureValue', sources: [], receivers: ['p', 'p'] } as never))).toEqual([
      { path: '$.routingMode', message: "expected one of 'oneToOne', 'multicast'" },
      { path: '$.sources', message: 'expected at least 1 item' },
      { path: '$.receivers[1]', message: 'duplicate value "p"' },
    ])
    expect(issuesOf(() => createAudioRoutingGroup('c1', { routingMode: 'oneToOne' } as never)).map((i) => i.path)).toEqual(['$.sources', '$.receivers'])
  })

  it("takes an update's id only when it is the group's own", () => {
    expect(issuesOf(() => updateAudioRoutingGroup('c1', 'g1', { id: 'g2', routingMode: 'multicast' }))).toEqual([
      { path: '$.id', message: `expected the group's own id "g1", or no id: a group's id does not change` },
    ])
    expect(updateAudioRoutingGroup('c1', 'g1', { receivers: ['p2'] }).body).toEqual({ receivers: ['p2'] })
  })

  it('reads a content-sharing session by its id', () => {
    expect(getContentSharingSession('c1', 's1')).toEqual({ method: 'GET', path: '/communications/calls/c1/contentSharingSessions/s1', resultType: 'ContentSharingSession' })
    expect(issuesOf(() => getContentSharingSession('c1', ''))[0]!.path).toBe('sessionId')
  })
})
