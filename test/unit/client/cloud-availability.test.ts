import { describe, expect, it } from 'vitest'
import { UnsupportedActionError } from '../../../src/errors.ts'
import { actionOf, assertOffered } from '../../../src/client/cloud-availability.ts'
import { cases, sampleIds } from '../requests/catalogue.ts'

/** The Graph page each builder's request is for, as the page names it. */
const pageOf: Record<string, string | undefined> = {
  createCall: 'create call',
  getCall: 'get call',
  hangUp: 'delete call',
  getOperation: undefined,
  listParticipants: 'list participants',
  getParticipant: 'get participant',
  removeParticipant: 'delete participant',
  invite: 'participant: invite',
  muteParticipant: 'participant: mute',
  startHoldMusic: 'participant: startHoldMusic',
  stopHoldMusic: 'participant: stopHoldMusic',
  logTeleconferenceDeviceQuality: 'call: logTeleconferenceDeviceQuality',
  createAudioRoutingGroup: 'create audioRoutingGroup',
  listAudioRoutingGroups: 'list audioRoutingGroups',
  getAudioRoutingGroup: 'get audioRoutingGroup',
  updateAudioRoutingGroup: 'update audioRoutingGroup',
  deleteAudioRoutingGroup: 'delete audioRoutingGroup',
  listContentSharingSessions: 'list contentSharingSessions',
  getContentSharingSession: 'get contentSharingSession',
}

describe('cloud availability', () => {
  it.each(cases.map((c) => [c.builder, c] as const))('names the page of %s from its method and path', (builder, c) => {
    const name = builder.replace(/^beta\./, '')
    const expected = name in pageOf ? pageOf[name] : c.path.includes('/participants') ? `participant: ${name}` : `call: ${name}`
    expect(actionOf(c.build(c.ids.map((id) => sampleIds[id])))).toBe(expected)
  })

  it('names no page for a request outside the calling API', () => {
    expect(actionOf({ method: 'GET', path: '/me' })).toBeUndefined()
    expect(actionOf({ method: 'PATCH', path: '/communications/calls/c1' })).toBeUndefined()
  })

  it('refuses in a cloud only what the page marks, and nothing in the global service', () => {
    const dtmf = cases.find((c) => c.builder === 'sendDtmfTones')!.build(['c1'])
    const prompt = cases.find((c) => c.builder === 'playPrompt')!.build(['c1'])
    const recording = cases.find((c) => c.builder === 'beta.startRecording')!.build(['c1'])
    for (const request of [dtmf, prompt, recording]) expect(() => assertOffered(request, 'global', 'beta')).not.toThrow()
    expect(() => assertOffered(dtmf, 'usGovL4', 'v1.0')).toThrow(UnsupportedActionError)
    expect(() => assertOffered(prompt, 'usGovL4', 'v1.0')).not.toThrow()
    expect(() => assertOffered(prompt, 'china', 'v1.0')).toThrow("Graph does not offer call: playPrompt in China operated by 21Vianet (cloud 'china'); nothing was sent.")
    expect(() => assertOffered(recording, 'usGovL5', 'beta')).not.toThrow()
    expect(() => assertOffered(recording, 'china', 'beta')).toThrow(UnsupportedActionError)
  })
})
