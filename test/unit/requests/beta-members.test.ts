import { describe, expect, it } from 'vitest'
import * as requests from '../../../src/requests/index.ts'
import { betaBodies } from './beta-bodies.ts'
import { callbackUri, prompt } from './catalogue.ts'
import { issuesOf } from './issues.ts'


const v1 = requests as unknown as Record<string, (...args: unknown[]) => requests.GraphRequest<unknown>>
const beta = requests.beta as unknown as Record<string, (...args: unknown[]) => requests.GraphRequest<unknown>>

/** Each body, the builder it is for, its ids, and where v1.0 refuses it. */
const cases = [
  ['answer', ['c1'], betaBodies.answerAudioGroup, '$.mediaConfig.removeFromDefaultAudioGroup'],
  ['answer', ['c1'], betaBodies.answerLiveCaptions, '$.mediaConfig.liveCaptionOptions'],
  ['startHoldMusic', ['c1', 'p1'], betaBodies.startHoldMusicLoop, '$.customPrompt.loop'],
  ['transfer', ['c1'], betaBodies.transferPlatformId, '$.transferee.platformId'],
  ['logTeleconferenceDeviceQuality', [], betaBodies.logScreenSharing, '$.quality.mediaQualityList[0]["@odata.type"]'],
  ['createCall', [], betaBodies.createCallRingingTimeout, '$.ringingTimeoutInSeconds'],
] as const

describe('the members beta adds to the parameter types of answer, startHoldMusic, transfer, logTeleconferenceDeviceQuality and createCall', () => {
  it.each(cases)('beta.%s takes them, and says its request is for beta', (builder, ids, body) => {
    expect(issuesOf(() => beta[builder]!(...ids, body))).toEqual([])
    expect(beta[builder]!(...ids, body).apiVersion).toBe('beta')
  })

  it.each(cases)('v1.0 %s still refuses them, naming where', (builder, ids, body, path) => {
    expect(issuesOf(() => v1[builder]!(...ids, body)).map((i) => i.path)).toContain(path)
  })

  it('beta.answer is resendable, as answer is: Graph refuses a second answer rather than answer twice', () => {
    expect(requests.beta.answer('c1', betaBodies.answerLiveCaptions).resendable).toBe(true)
    expect(requests.beta.transfer('c1', betaBodies.transferPlatformId).resendable).toBeUndefined()
  })

  it.each([
    ['its join meeting id', { '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo', joinMeetingId: '1234567890', passcode: null }, 'open'],
    ['its organizer', { '@odata.type': '#microsoft.graph.organizerMeetingInfo', organizer: { user: { id: 'u-1', tenantId: 't-1' } } }, 'open'],
    ['its join token', { '@odata.type': '#microsoft.graph.tokenMeetingInfo', token: 'join-token' }, 'closed'],
  ] as const)('beta.createCall joins a meeting by %s that may go on without its host, which v1.0 takes only as an open type', (_, meeting, v1Type) => {
    const meetingInfo = { ...meeting, allowConversationWithoutHost: true }
    const body = { callbackUri, mediaConfig: requests.serviceHostedMedia(), requestedModalities: ['audio'] as const, meetingInfo, chatInfo: { threadId: '19:meeting_x@thread.v2', messageId: '0' }, tenantId: 't-1' }
    expect(requests.beta.createCall(body as never).body).toEqual(body)
    // v1.0 does not declare the property; its open meeting kinds take it as given, as Graph's v1.0 page shows.
    if (v1Type === 'open') expect(requests.createCall(body as never).body).toEqual(body)
    else {
      expect(issuesOf(() => requests.createCall(body as never))).toEqual([
        { path: '$.meetingInfo.allowConversationWithoutHost', message: expect.stringContaining('is not a property of MeetingToJoinByToken') },
      ])
    }
    expect(issuesOf(() => requests.beta.createCall({ ...body, meetingInfo: { ...meetingInfo, allowConversationWithoutHost: 'yes' } } as never))).toEqual([
      { path: '$.meetingInfo.allowConversationWithoutHost', message: 'expected a boolean' },
    ])
  })

  it('the beta builders keep the v1.0 rules', () => {
    const emptyBlob = { ...betaBodies.answerAudioGroup, mediaConfig: { ...betaBodies.answerAudioGroup.mediaConfig, blob: '' } }
    expect(issuesOf(() => requests.beta.answer('c1', emptyBlob)).map((i) => i.path)).toEqual(['$.mediaConfig.blob'])
    expect(issuesOf(() => requests.beta.createCall({ callbackUri, mediaConfig: requests.serviceHostedMedia() }))).toEqual([{ path: '$', message: 'expected targets (to place a call) or meetingInfo (to join a meeting)' }])
    expect(issuesOf(() => requests.beta.createCall({ ...betaBodies.createCallRingingTimeout, ringingTimeoutInSeconds: 1.5 }))).toEqual([
      { path: '$.ringingTimeoutInSeconds', message: 'expected an integer from -2147483648 to 2147483647' },
    ])
    expect(issuesOf(() => requests.beta.startHoldMusic('c1', 'p1', { customPrompt: { ...prompt, loop: 'forever' } } as never))).toEqual([
      { path: '$.customPrompt.loop', message: expect.stringMatching(/integer/) },
    ])
  })
})
