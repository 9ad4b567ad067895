import { describe, expect, it } from 'vitest'
import * as requests from '../../../src/requests/index.ts'
import type { ChangeScreenSharingRoleParams, LogTeleconferenceDeviceQualityParams, TransferParams, UpdateRecordingStatusParams } from '../../../src/requests/index.ts'
import { logTeleconferenceDeviceQualityExample, transferExamples } from './docs-examples.ts'
import { cases, quality, sampleIds, target } from './catalogue.ts'
import { issuesOf } from './issues.ts'

describe('transfer', () => {
  const issues = (params: unknown) => issuesOf(() => requests.transfer('c1', params as TransferParams))

  it('needs the transfer target; the transferee is optional and may be null', () => {
    expect(issues({})).toEqual([{ path: '$.transferTarget', message: 'is required: expected an InvitationParticipantInfo object' }])
    expect(issues({ transferTarget: target, transferee: null })).toEqual([])
    expect(issues({ transferTarget: target, transferee: { identity: { user: { id: 'u2' } }, participantId: 'p2' } })).toEqual([])
  })

  it.each(['Example 1', 'Example 2'])("sends %s of the page exactly as shown: the target's endpointType is one of its open type's own", (n) => {
    const [, body] = Object.entries(transferExamples).find(([title]) => title.startsWith(`${n}:`))!
    expect(requests.transfer('c1', body as TransferParams)).toStrictEqual({ method: 'POST', path: '/communications/calls/c1/transfer', body })
  })

  it("takes the PSTN targets of examples 3 and 4 (languageId, region, an untagged or identitySet phone) but not their clientContext, which transfer has not", () => {
    for (const title of ['Example 3: Call transfer from a peer-to-peer call to PSTN number', 'Example 4: Consultative transfer from a peer-to-peer call to PSTN number'] as const) {
      const { clientContext: _, ...body } = transferExamples[title]
      expect(issues(transferExamples[title])).toEqual([{ path: '$.clientContext', message: 'is not a property of TransferParams; expected one of transferTarget, transferee' }])
      expect(issues(body)).toEqual([])
    }
  })

  it('needs the identity of the transfer target, and checks its known properties', () => {
    expect(issues({ transferTarget: { endpointType: 'default', languageId: 'en-us' } })).toEqual([
      { path: '$.transferTarget.identity', message: "is required: expected an object whose '@odata.type' is one of '#microsoft.graph.identitySet', '#microsoft.graph.communicationsIdentitySet'" },
    ])
    expect(issues({ transferTarget: { ...target, replacesCallId: 42 } })).toEqual([{ path: '$.transferTarget.replacesCallId', message: 'expected a string' }])
  })

  it('refuses a transferee that is an invitation', () => {
    expect(issues({ transferTarget: target, transferee: { ...target, replacesCallId: 'x' } })).toEqual([
      { path: '$.transferee.replacesCallId', message: expect.stringMatching(/^is not a property of ParticipantInfo/) },
    ])
  })
})

describe('changeScreenSharingRole', () => {
  const issues = (params: unknown) => issuesOf(() => requests.changeScreenSharingRole('c1', params as ChangeScreenSharingRoleParams))

  it.each(['viewer', 'sharer'])('takes role %s', (role) => {
    expect(issues({ role })).toEqual([])
  })

  it('needs a role Graph knows', () => {
    expect(issues({})).toEqual([{ path: '$.role', message: "is required: expected one of 'viewer', 'sharer'" }])
    expect(issues({ role: 'presenter' })).toEqual([{ path: '$.role', message: "expected one of 'viewer', 'sharer'" }])
  })
})

describe('updateRecordingStatus', () => {
  const issues = (params: unknown) => issuesOf(() => requests.updateRecordingStatus('c1', params as UpdateRecordingStatusParams))

  it.each(['notRecording', 'recording', 'failed'])('takes status %s', (status) => {
    expect(issues({ status })).toEqual([])
  })

  it.each([['unknown'], ['unknownFutureValue'], ['Recording'], ['notRecording | recording | failed']])('refuses status %j (the docs example sends the placeholder)', (status) => {
    expect(issues({ status })).toEqual([{ path: '$.status', message: "expected one of 'notRecording', 'recording', 'failed'" }])
  })

  it('needs a status', () => {
    expect(issues({ clientContext: 'x' })).toEqual([{ path: '$.status', message: "is required: expected one of 'notRecording', 'recording', 'failed'" }])
  })
})

describe('logTeleconferenceDeviceQuality', () => {
  const issues = (params: unknown) => issuesOf(() => requests.logTeleconferenceDeviceQuality(params as LogTeleconferenceDeviceQualityParams))
  const example = logTeleconferenceDeviceQualityExample

  it('sends the audio and video quality of the docs example as the page shows them', () => {
    const body = { quality: { ...example.quality, mediaQualityList: example.quality.mediaQualityList.slice(0, 2) } }
    expect(requests.logTeleconferenceDeviceQuality(body as LogTeleconferenceDeviceQualityParams)).toStrictEqual({
      method: 'POST',
      path: '/communications/calls/logTeleconferenceDeviceQuality',
      body,
    })
  })

  it("refuses the example's screen sharing quality, a type v1.0 does not have", () => {
    expect(issues(example)).toEqual([
      { path: '$.quality.mediaQualityList[2]["@odata.type"]', message: "expected one of '#microsoft.graph.teleconferenceDeviceAudioQuality', '#microsoft.graph.teleconferenceDeviceVideoQuality'" },
    ])
  })

  it('takes a property the report does not declare, as the contract makes it an open type', () => {
    const body = { quality: { ...quality, deviceFirmwareVersion: '2.1' } }
    expect(requests.logTeleconferenceDeviceQuality(body as LogTeleconferenceDeviceQualityParams).body).toEqual(body)
    expect(issues({ quality, extra: 1 })).toEqual([{ path: '$.extra', message: expect.stringContaining('is not a property of LogTeleconferenceDeviceQualityParams') }])
  })

  it.each(['callChainId', 'participantId', 'mediaLegId'])('needs %s, a GUID', (name) => {
    const { [name as 'callChainId']: _, ...rest } = quality
    expect(issues({ quality: rest })).toEqual([{ path: `$.quality.${name}`, message: 'is required: expected a GUID' }])
    expect(issues({ quality: { ...quality, [name]: 'not-a-guid' } })).toEqual([{ path: `$.quality.${name}`, message: 'expected a GUID' }])
  })

  it.each(['deviceName', 'deviceDescription'])('needs %s', (name) => {
    const { [name as 'deviceName']: _, ...rest } = quality
    expect(issues({ quality: rest })).toEqual([{ path: `$.quality.${name}`, message: 'is required: expected a string' }])
  })

  it('needs the media quality list', () => {
    const { mediaQualityList: _, ...rest } = quality
    expect(issues({ quality: rest })).toEqual([
      { path: '$.quality.mediaQualityList', message: 'is required: expected an array of teleconferenceDeviceAudioQuality and teleconferenceDeviceVideoQuality objects' },
    ])
    expect(issues({})).toEqual([{ path: '$.quality', message: 'is required: expected a TeleconferenceDeviceQualityReport object' }])
  })

  it("needs each media quality's channelIndex, which the contract says cannot be null, on v1.0 and beta", () => {
    const [audio, video] = example.quality.mediaQualityList as Record<string, unknown>[]
    const { channelIndex: _, ...withoutIndex } = video!
    const body = { quality: { ...quality, mediaQualityList: [audio, withoutIndex] } }
    const expected = [{ path: '$.quality.mediaQualityList[1].channelIndex', message: 'is required: expected an integer' }]
    expect(issues(body)).toEqual(expected)
    expect(issuesOf(() => requests.beta.logTeleconferenceDeviceQuality(body as never))).toEqual(expected)
    const screen = { '@odata.type': '#microsoft.graph.teleconferenceDeviceScreenSharingQuality', averageInboundFrameRate: 14.5 }
    expect(issuesOf(() => requests.beta.logTeleconferenceDeviceQuality({ quality: { ...quality, mediaQualityList: [screen] } } as never))).toEqual([
      { path: '$.quality.mediaQualityList[0].channelIndex', message: 'is required: expected an integer' },
    ])
    expect(issues({ quality: { ...quality, mediaQualityList: [{ ...audio, channelIndex: 2.5 }] } })).toEqual([
      { path: '$.quality.mediaQualityList[0].channelIndex', message: 'expected an integer from -2147483648 to 2147483647' },
    ])
  })

  it('checks the quality figures', () => {
    const audio = { '@odata.type': '#microsoft.graph.teleconferenceDeviceAudioQuality', channelIndex: 1, mediaDuration: '20 minutes', inboundPackets: -1.5 }
    expect(issues({ quality: { ...quality, mediaQualityList: [audio] } })).toEqual([
      { path: '$.quality.mediaQualityList[0].mediaDuration', message: 'expected an ISO 8601 duration' },
      { path: '$.quality.mediaQualityList[0].inboundPackets', message: 'expected an integer' },
    ])
  })
})

describe('the actions that take only a clientContext, and every other clientContext', () => {
  const withClientContext = cases.filter((c) => c.body !== undefined && typeof c.body === 'object' && 'clientContext' in (c.body as object))

  it('are the ones expected', () => {
    expect(withClientContext.map((c) => c.builder).sort()).toEqual(
      [
        'addLargeGalleryView', 'beta.admitAllFromLobby', 'beta.admitFromLobby', 'beta.invite', 'beta.removeFromLobby', 'beta.startRecording', 'beta.stopRecording',
        'cancelMediaProcessing', 'invite', 'mute', 'muteParticipant', 'playPrompt', 'stopHoldMusic', 'subscribeToTone', 'unmute', 'updateRecordingStatus',
      ].sort(),
    )
  })

  it.each(withClientContext.map((c) => [c.builder, c] as const))('%s takes a clientContext of up to 256 characters, or null', (_, c) => {
    const ids = c.ids.map((name) => sampleIds[name])
    const build = (clientContext: unknown) => () => c.build(ids, { ...(c.body as object), clientContext })
    expect(issuesOf(build('x'.repeat(256)))).toEqual([])
    expect(issuesOf(build(null))).toEqual([])
    expect(issuesOf(build('x'.repeat(257)))).toEqual([{ path: '$.clientContext', message: 'expected at most 256 characters' }])
    expect(issuesOf(build(42))).toEqual([{ path: '$.clientContext', message: 'expected a string' }])
  })

  it('every other action with a clientContext refuses a long one too', () => {
    const long = { clientContext: 'x'.repeat(257) }
    const message = { path: '$.clientContext', message: 'expected at most 256 characters' }
    expect(issuesOf(() => requests.recordResponse('c1', long))).toEqual([message])
    expect(issuesOf(() => requests.sendDtmfTones('c1', { tones: ['tone1'], ...long }))).toEqual([message])
    expect(issuesOf(() => requests.startHoldMusic('c1', 'p1', long))).toEqual([message])
    expect(issuesOf(() => requests.beta.muteAll('c1', long))).toEqual([message])
    expect(issuesOf(() => requests.beta.startTranscription('c1', long))).toEqual([message])
  })
})
