import { describe, expect, it } from 'vitest'
import { appHostedMedia, beta, createCall, outgoingCallOptions, serviceHostedMedia, type CreateCallParams } from '../../../src/requests/index.ts'
import { createCallExamples } from './docs-examples.ts'
import { callbackUri, target } from './catalogue.ts'
import { issuesOf } from './issues.ts'

const call: CreateCallParams = { callbackUri, targets: [target], requestedModalities: ['audio'], mediaConfig: serviceHostedMedia() }
const meeting = { '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo' as const, joinMeetingId: '1234567', passcode: 'psw123' }
const issues = (params: unknown) => issuesOf(() => createCall(params as CreateCallParams))
const notOfCall = 'is not a property of CreateCallParams; expected one of @odata.type, callbackUri, mediaConfig, requestedModalities, targets, meetingInfo, chatInfo, source, tenantId, subject, callChainId, callOptions'

describe('createCall: the examples of the "Create call" page', () => {
  const sentAsShown = ['Example 1', 'Example 2', 'Example 5', 'Example 7', 'Example 8', 'Example 9', 'Example 10'] as const
  const examples = Object.entries(createCallExamples)

  it.each(examples.filter(([title]) => sentAsShown.some((n) => title.startsWith(`${n}:`))))('%s is sent exactly as the page shows it', (_, body) => {
    expect(createCall(body as CreateCallParams)).toStrictEqual({ method: 'POST', path: '/communications/calls', body, resultType: 'Call' })
  })

  it('refuses the read-only direction and the beta-only removeFromDefaultAudioGroup of examples 3 and 4, and 4 has no blob', () => {
    expect(issues(createCallExamples['Example 3: group call with service hosted media'])).toEqual([
      { path: '$.direction', message: notOfCall },
      { path: '$.mediaConfig.removeFromDefaultAudioGroup', message: 'is not a property of BotServiceHostedMediaConfig; expected one of @odata.type, preFetchMedia' },
    ])
    expect(issues(createCallExamples['Example 4: group call with application hosted media'])).toEqual([
      { path: '$.direction', message: notOfCall },
      { path: '$.mediaConfig.removeFromDefaultAudioGroup', message: 'is not a property of BotAppHostedMediaConfig; expected one of @odata.type, blob' },
      { path: '$.mediaConfig.blob', message: 'is required: expected a non-empty string' },
    ])
  })

  it("takes example 5's allowConversationWithoutHost, as organizerMeetingInfo is an open type, and still checks the properties it declares", () => {
    const example = createCallExamples['Example 5: join scheduled meeting with service hosted media']
    expect(example.meetingInfo.allowConversationWithoutHost).toBe(true)
    expect(issues(example)).toEqual([])
    expect(issues({ ...example, meetingInfo: { ...example.meetingInfo, organizer: { user: { id: 5 } } } })).toEqual([
      { path: '$.meetingInfo.organizer.user.id', message: 'expected a string' },
    ])
  })

  it('refuses example 6 for the same reasons as 3 and 4', () => {
    expect(issues(createCallExamples['Example 6: join scheduled meeting with application hosted media']).map((i) => i.path)).toEqual([
      '$.direction',
      '$.mediaConfig.blob',
    ])
  })
})

describe('createCall: identities (open types of the contract)', () => {
  const pstn = createCallExamples['Example 9: peer-to-peer PSTN call with service hosted media']
  const withTarget = (identity: unknown) => ({ ...pstn, targets: [{ identity }] })

  it("checks the phone and application instance of an identitySet as the communicationsIdentitySet's identities", () => {
    expect(issues(withTarget({ '@odata.type': '#microsoft.graph.identitySet', phone: '+12345678901' }))).toEqual([
      { path: '$.targets[0].identity.phone', message: expect.stringMatching(/^expected an object whose '@odata.type' is one of '#microsoft.graph.identity', /) },
    ])
    expect(issues(withTarget({ applicationInstance: { id: 42 } }))).toEqual([{ path: '$.targets[0].identity.applicationInstance.id', message: 'expected a string' }])
    expect(issues(withTarget({ '@odata.type': '#microsoft.graph.identitySet', endpointType: 'phone' }))).toEqual([
      { path: '$.targets[0].identity.endpointType', message: "expected one of 'default', 'voicemail', 'skypeForBusiness', 'skypeForBusinessVoipPhone', 'unknownFutureValue'" },
      { path: '$.targets[0].identity', message: expect.stringMatching(/^expected an identity to ring: one of user, application, /) },
    ])
  })

  it("checks an identity's tenantId as the subtypes declare it, tagged or not, and takes properties no type declares", () => {
    for (const user of [{ id: 'u1', tenantId: 5 }, { '@odata.type': '#microsoft.graph.identity', id: 'u1', tenantId: 5 }]) {
      expect(issues(withTarget({ user }))).toEqual([{ path: '$.targets[0].identity.user.tenantId', message: 'expected a string' }])
    }
    expect(issues(withTarget({ user: { '@odata.type': '#microsoft.graph.identity', id: 'u1', tenantId: 't1', identityProvider: 'AAD' } }))).toEqual([])
  })

  it('still refuses an identity set of no known type, and a misspelt property of the closed participantInfo', () => {
    expect(issues(withTarget({ '@odata.type': '#microsoft.graph.identitySets', phone: { id: '+1' } }))).toEqual([
      { path: '$.targets[0].identity["@odata.type"]', message: "expected one of '#microsoft.graph.identitySet', '#microsoft.graph.communicationsIdentitySet'" },
    ])
    expect(issues({ ...pstn, source: { ...pstn.source, regoin: 'amer' } })).toEqual([
      { path: '$.source.regoin', message: 'is not a property of ParticipantInfo; expected one of @odata.type, countryCode, endpointType, identity, languageId, participantId, region' },
    ])
  })

  it('needs the identity of each target', () => {
    expect(issues({ ...pstn, targets: [{ '@odata.type': '#microsoft.graph.invitationParticipantInfo', endpointType: 'default' }] })).toEqual([
      { path: '$.targets[0].identity', message: "is required: expected an object whose '@odata.type' is one of '#microsoft.graph.identitySet', '#microsoft.graph.communicationsIdentitySet'" },
    ])
  })
})

describe('createCall: validation', () => {
  it.each([
    ['no callbackUri', { ...call, callbackUri: undefined }, '$.callbackUri', 'is required: expected an absolute https URL'],
    ['an http callbackUri', { ...call, callbackUri: 'http://bot.contoso.com/api/calls' }, '$.callbackUri', 'expected an absolute https URL'],
    ['no mediaConfig', { ...call, mediaConfig: undefined }, '$.mediaConfig', "is required: expected an object whose '@odata.type' is one of '#microsoft.graph.appHostedMediaConfig', '#microsoft.graph.serviceHostedMediaConfig'"],
    ['an app-hosted mediaConfig with an empty blob', { ...call, mediaConfig: appHostedMedia('') }, '$.mediaConfig.blob', 'expected a non-empty string'],
    ['neither targets nor meetingInfo', { ...call, targets: undefined }, '$', 'expected targets (to place a call) or meetingInfo (to join a meeting)'],
    ['both targets and meetingInfo', { ...call, meetingInfo: meeting }, '$.meetingInfo', 'expected either targets or meetingInfo, not both'],
    ['no targets in the list', { ...call, targets: [] }, '$.targets', 'expected at least 1 item'],
    ['targets of null', { ...call, targets: null }, '$.targets', 'expected an array'],
    ['no modality', { ...call, requestedModalities: [] }, '$.requestedModalities', 'expected at least 1 item'],
    ['a modality twice', { ...call, requestedModalities: ['audio', 'audio'] }, '$.requestedModalities[1]', 'duplicate value "audio"'],
    ['unknownFutureValue as a modality', { ...call, requestedModalities: ['unknownFutureValue'] }, '$.requestedModalities[0]', "expected one of 'audio', 'video', 'videoBasedScreenSharing', 'data'"],
    ['incoming call options', { ...call, callOptions: { '@odata.type': '#microsoft.graph.incomingCallOptions' } }, '$.callOptions["@odata.type"]', "expected '#microsoft.graph.outgoingCallOptions'"],
    ['call options without @odata.type (a call declares the abstract callOptions)', { ...call, callOptions: { isContentSharingNotificationEnabled: true } }, '$.callOptions["@odata.type"]', "is required: expected '#microsoft.graph.outgoingCallOptions'"],
    ['the read-only state', { ...call, state: 'establishing' }, '$.state', notOfCall],
    ['an id', { ...call, id: 'c1' }, '$.id', notOfCall],
  ])('refuses %s', (_, params, path, message) => {
    expect(issues(params)).toContainEqual({ path, message })
  })

  const join = (meetingInfo: unknown) => ({ callbackUri, mediaConfig: serviceHostedMedia(), meetingInfo })
  it.each([
    ['a meetingInfo of no known kind', { '@odata.type': '#microsoft.graph.meetingInfo' }, '$.meetingInfo["@odata.type"]', "expected one of '#microsoft.graph.joinMeetingIdMeetingInfo', '#microsoft.graph.organizerMeetingInfo', '#microsoft.graph.tokenMeetingInfo'"],
    ['a meetingInfo without @odata.type', { joinMeetingId: '1234567' }, '$.meetingInfo["@odata.type"]', "is required: expected one of '#microsoft.graph.joinMeetingIdMeetingInfo', '#microsoft.graph.organizerMeetingInfo', '#microsoft.graph.tokenMeetingInfo'"],
    ['a joinMeetingIdMeetingInfo without joinMeetingId', { '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo', passcode: 'x' }, '$.meetingInfo.joinMeetingId', 'is required: expected a non-empty string'],
    ['an empty joinMeetingId', { ...meeting, joinMeetingId: '' }, '$.meetingInfo.joinMeetingId', 'expected a non-empty string'],
    ['a tokenMeetingInfo without token', { '@odata.type': '#microsoft.graph.tokenMeetingInfo' }, '$.meetingInfo.token', 'is required: expected a non-empty string'],
    ['an organizerMeetingInfo without organizer', { '@odata.type': '#microsoft.graph.organizerMeetingInfo' }, '$.meetingInfo.organizer', "is required: expected an object whose '@odata.type' is one of '#microsoft.graph.identitySet', '#microsoft.graph.communicationsIdentitySet'"],
    ['a null meetingInfo', null, '$.meetingInfo', "expected an object whose '@odata.type' is one of '#microsoft.graph.joinMeetingIdMeetingInfo', '#microsoft.graph.organizerMeetingInfo', '#microsoft.graph.tokenMeetingInfo'"],
  ])('refuses %s', (_, meetingInfo, path, message) => {
    expect(issues(join(meetingInfo))).toContainEqual({ path, message })
  })

  it('joins a meeting by token, by organizer (with chatInfo) or by join meeting id (passcode optional)', () => {
    const organizer = { '@odata.type': '#microsoft.graph.organizerMeetingInfo', organizer: { user: { id: '5810cede-f3cc-42eb-b2c1-e9bd5d53ec96' } } }
    expect(issues(join({ '@odata.type': '#microsoft.graph.tokenMeetingInfo', token: 'abc' }))).toEqual([])
    expect(issues({ ...join(organizer), chatInfo: { threadId: '19:meeting_x@thread.v2', messageId: '0' } })).toEqual([])
    expect(issues(join({ '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo', joinMeetingId: '1234567' }))).toEqual([])
  })

  it('beta.createCall takes the routing policies of a peer-to-peer call, v1.0 does not', () => {
    const body = { ...call, routingPolicies: ['disableForwarding', 'noMissedCall'] }
    expect(beta.createCall(body as beta.CreateCallParams).body).toEqual(body)
    expect(issuesOf(() => beta.createCall({ ...body, routingPolicies: ['forward'] } as never))[0]).toMatchObject({ path: '$.routingPolicies[0]' })
    expect(issues(body)[0]).toMatchObject({ path: '$.routingPolicies', message: expect.stringContaining('is not a property of CreateCallParams') })
  })

  it("refuses a meeting named by its organizer without the meeting's chatInfo, v1.0 and beta alike", () => {
    const organizer = { '@odata.type': '#microsoft.graph.organizerMeetingInfo', organizer: { user: { id: '5810cede-f3cc-42eb-b2c1-e9bd5d53ec96' } } }
    const expected = [{ path: '$.chatInfo', message: "expected the meeting's chatInfo: a meeting joined by its organizer (organizerMeetingInfo) needs it" }]
    expect(issues(join(organizer))).toEqual(expected)
    expect(issues({ ...join(organizer), chatInfo: null })).toEqual(expected)
    expect(issuesOf(() => beta.createCall({ ...join(organizer), requestedModalities: ['audio'] } as beta.CreateCallParams))).toEqual(expected)
  })

  it("refuses an organizer without the user's id: Graph finds the meeting by its organizer's user", () => {
    const chatInfo = { threadId: '19:meeting_x@thread.v2', messageId: '0' }
    const expected = { path: '$.meetingInfo.organizer.user.id', message: "is required: expected the organizer's user id" }
    for (const organizer of [{}, { user: { displayName: 'Bob' } }, { user: { id: '' } }, { user: null }, { application: { id: 'a-1' } }]) {
      expect(issues({ ...join({ '@odata.type': '#microsoft.graph.organizerMeetingInfo', organizer }), chatInfo })).toContainEqual(expected)
    }
  })

  it('takes null where Graph does, and the call options helper', () => {
    expect(issues({ ...call, chatInfo: null, source: null, tenantId: null, subject: null, callChainId: null, callOptions: outgoingCallOptions({ isContentSharingNotificationEnabled: true }) })).toEqual([])
  })

  it('reports every problem at once', () => {
    expect(issues({ callbackUri: 'ftp://x', mediaConfig: {} })).toEqual([
      { path: '$.callbackUri', message: 'expected an absolute https URL' },
      { path: '$.mediaConfig["@odata.type"]', message: "is required: expected one of '#microsoft.graph.appHostedMediaConfig', '#microsoft.graph.serviceHostedMediaConfig'" },
      { path: '$', message: 'expected targets (to place a call) or meetingInfo (to join a meeting)' },
    ])
  })
})
