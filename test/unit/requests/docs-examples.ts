/**
 * Request bodies of Graph's v1.0 docs pages ("Create call", "call: playPrompt", "call: recordResponse",
 * "call: redirect", "call: sendDtmfTones", "call: transfer", "call: logTeleconferenceDeviceQuality",
 * "participant: invite", "participant: startHoldMusic"), as the pages show them. Repeated parts are named once; each body is
 * still the page's, key for key.
 */
const odataIdentity = '#microsoft.graph.identity' as const
const odataIdentitySet = '#microsoft.graph.identitySet' as const
const odataInvitation = '#microsoft.graph.invitationParticipantInfo' as const

const invitee = <U extends Record<string, unknown>>(user: U) => ({ '@odata.type': odataInvitation, identity: { '@odata.type': odataIdentitySet, user: { '@odata.type': odataIdentity, ...user } } })
const phoneInvitee = { '@odata.type': odataInvitation, identity: { '@odata.type': odataIdentitySet, phone: { '@odata.type': odataIdentity, id: '+12345678901' } } }
const application = (displayName: string, id: string) => ({
  '@odata.type': '#microsoft.graph.participantInfo',
  identity: { '@odata.type': odataIdentitySet, application: { '@odata.type': odataIdentity, displayName, id } },
})
const applicationInstance = {
  '@odata.type': '#microsoft.graph.participantInfo',
  identity: { '@odata.type': odataIdentitySet, applicationInstance: { '@odata.type': odataIdentity, displayName: 'Calling Bot', id: '3d913abb-aec0-4964-8fa6-3c6850c4f278' } },
  countryCode: null,
  endpointType: null,
  region: null,
  languageId: null,
}
const preFetchMedia = [
  { uri: 'https://cdn.contoso.com/beep.wav', resourceId: 'f8971b04-b53e-418c-9222-c82ce681a582' },
  { uri: 'https://cdn.contoso.com/cool.wav', resourceId: '86dc814b-c172-4428-9112-60f8ecae1edb' },
]
const callbackUri = 'https://bot.contoso.com/callback'
const call = '#microsoft.graph.call' as const
const meetingChat = { '@odata.type': '#microsoft.graph.chatInfo', threadId: '19:meeting_Win6Ydo4wsMijFjZS00ZGVjLTk5MGUtOTRjNWY2NmNkYTFm@thread.v2', messageId: '0' }
const twoUsers = [invitee({ displayName: 'user1', id: '98da8a1a-1b87-452c-a713-65d3f10b5555' }), invitee({ displayName: 'user2', id: 'bf5aae9a-d11d-47a8-93b1-782504c95555' })]

/** The ten request bodies of "Create call", by the page's example titles. */
export const createCallExamples = {
  'Example 1: peer-to-peer VoIP call with service hosted media': {
    '@odata.type': call,
    callbackUri,
    targets: [invitee({ displayName: 'John', id: '112f7296-5fa4-42ca-bae8-6a692b15d4b8' })],
    requestedModalities: ['audio'],
    callOptions: { '@odata.type': '#microsoft.graph.outgoingCallOptions', isContentSharingNotificationEnabled: true },
    mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
  },
  'Example 2: peer-to-peer VoIP call with application hosted media': {
    '@odata.type': call,
    callbackUri,
    source: { ...application('Calling Bot', '2891555a-92ff-42e6-80fa-6e1300c6b5c6'), region: null, languageId: null },
    targets: [invitee({ displayName: 'John', id: '112f7296-5fa4-42ca-bae8-6a692b15d4b8' })],
    requestedModalities: ['audio'],
    mediaConfig: { '@odata.type': '#microsoft.graph.appHostedMediaConfig', blob: '<Media Session Configuration>' },
  },
  'Example 3: group call with service hosted media': {
    '@odata.type': call,
    direction: 'outgoing',
    subject: 'Create a group call with service hosted media',
    callbackUri,
    source: application('TestBot', 'dd3885da-f9ab-486b-bfae-85de3d445555'),
    targets: twoUsers,
    requestedModalities: ['audio'],
    mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig', removeFromDefaultAudioGroup: false },
  },
  'Example 4: group call with application hosted media': {
    '@odata.type': call,
    direction: 'outgoing',
    subject: 'Create a group call with application hosted media',
    callbackUri,
    source: application('TestBot', 'dd3885da-f9ab-486b-bfae-85de3d445555'),
    targets: twoUsers,
    requestedModalities: ['audio'],
    mediaConfig: { '@odata.type': '#microsoft.graph.appHostedMediaConfig', removeFromDefaultAudioGroup: false },
  },
  'Example 5: join scheduled meeting with service hosted media': {
    '@odata.type': call,
    callbackUri,
    requestedModalities: ['audio'],
    mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig', preFetchMedia },
    chatInfo: meetingChat,
    meetingInfo: {
      '@odata.type': '#microsoft.graph.organizerMeetingInfo',
      organizer: {
        '@odata.type': odataIdentitySet,
        user: { '@odata.type': odataIdentity, id: '5810cede-f3cc-42eb-b2c1-e9bd5d53ec96', displayName: 'Bob', tenantId: '86dc81db-c112-4228-9222-63f3esaa1edb' },
      },
      allowConversationWithoutHost: true,
    },
    tenantId: '86dc81db-c112-4228-9222-63f3esaa1edb',
  },
  'Example 6: join scheduled meeting with application hosted media': {
    '@odata.type': call,
    direction: 'outgoing',
    callbackUri,
    requestedModalities: ['audio'],
    mediaConfig: { '@odata.type': '#microsoft.graph.appHostedMediaConfig' },
    chatInfo: meetingChat,
    meetingInfo: {
      '@odata.type': '#microsoft.graph.organizerMeetingInfo',
      organizer: {
        '@odata.type': odataIdentitySet,
        user: { '@odata.type': odataIdentity, id: '5810cede-f3cc-42eb-b2c1-e9bd5d53ec96', tenantId: 'aa67bd4c-8475-432d-bd41-39f255720e0a', displayName: 'Bob' },
      },
      allowConversationWithoutHost: true,
    },
    tenantId: 'aa67bd4c-8475-432d-bd41-39f255720e0a',
  },
  'Example 7: join a scheduled meeting with joinMeetingId and passcode': {
    '@odata.type': call,
    callbackUri,
    requestedModalities: ['audio'],
    mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig', preFetchMedia },
    meetingInfo: { '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo', joinMeetingId: '1234567', passcode: 'psw123' },
    tenantId: '86dc81db-c112-4228-9222-63f3esaa1edb',
  },
  'Example 8: join a scheduled meeting with joinMeetingId': {
    '@odata.type': call,
    callbackUri,
    requestedModalities: ['audio'],
    mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig', preFetchMedia },
    meetingInfo: { '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo', joinMeetingId: '1234567', passcode: null },
    tenantId: '86dc81db-c112-4228-9222-63f3esaa1edb',
  },
  'Example 9: peer-to-peer PSTN call with service hosted media': {
    '@odata.type': call,
    callbackUri,
    source: applicationInstance,
    targets: [phoneInvitee],
    requestedModalities: ['audio'],
    mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
    tenantId: 'aa67bd4c-8475-432d-bd41-39f255720e0a',
  },
  'Example 10: peer-to-peer PSTN call with application hosted media': {
    '@odata.type': call,
    callbackUri,
    source: applicationInstance,
    targets: [phoneInvitee],
    requestedModalities: ['audio'],
    mediaConfig: { '@odata.type': '#microsoft.graph.appHostedMediaConfig', blob: '<Media Session Configuration>' },
    tenantId: 'aa67bd4c-8475-432d-bd41-39f255720e0a',
  },
}

/** "call: playPrompt". */
export const playPromptExample = {
  clientContext: 'd45324c1-fcb5-430a-902c-f20af696537c',
  prompts: [
    {
      '@odata.type': '#microsoft.graph.mediaPrompt',
      mediaInfo: { '@odata.type': '#microsoft.graph.mediaInfo', uri: 'https://cdn.contoso.com/beep.wav', resourceId: '1D6DE2D4-CD51-4309-8DAA-70768651088E' },
    },
  ],
}

/** "call: recordResponse": its stop tones are DTMF keys. */
export const recordResponseExample = {
  bargeInAllowed: true,
  clientContext: 'd45324c1-fcb5-430a-902c-f20af696537c',
  prompts: [{ '@odata.type': '#microsoft.graph.mediaPrompt', mediaInfo: { uri: 'https://cdn.contoso.com/beep.wav', resourceId: '1D6DE2D4-CD51-4309-8DAA-70768651088E' } }],
  maxRecordDurationInSeconds: 10,
  initialSilenceTimeoutInSeconds: 5,
  maxSilenceTimeoutInSeconds: 2,
  playBeep: true,
  stopTones: ['#', '1', '*'],
}

/** "call: sendDtmfTones". */
export const sendDtmfTonesExample = {
  tones: ['tone1', 'tone2', 'tone3', 'tone4', 'tone5', 'tone6', 'tone7', 'tone8', 'tone9', 'tone0', 'star', 'pound'],
  delayBetweenTonesMs: 1000,
  clientContext: 'e0be71f1-a14f-4cec-b65a-e7aba5db7c53',
}

/** "call: redirect": to a bot, to two users at once (simultaneous ring), and to a phone number. */
export const redirectExamples = {
  'Example 1: Forward a Call to a Target': {
    targets: [{ '@odata.type': odataInvitation, identity: { '@odata.type': odataIdentitySet, application: { '@odata.type': odataIdentity, displayName: 'test bot 2', id: '22bfd41f-550e-477d-8789-f6f7bd2a5e8b' } } }],
    callbackUri: 'https://bot.contoso.com/api/calls/24701998-1a73-4d42-8085-bf46ed0ae039',
  },
  'Example 2: Forward a call to multiple targets with simultaneous ring': {
    targets: [invitee({ displayName: 'test user', id: '98da8a1a-1b87-452c-a713-65d3f10b1253' }), invitee({ displayName: 'test user 2', id: 'bf5aae9a-d11d-47a8-93b1-782504c9c3f3' })],
    routingPolicies: ['disableForwarding'],
    callbackUri: 'https://bot.contoso.com/api/calls/24701998-1a73-4d42-8085-bf46ed0ae039',
  },
  'Example 3: Forward a call to a PSTN number': {
    targets: [phoneInvitee],
    callbackUri: 'https://bot.contoso.com/api/calls/24701998-1a73-4d42-8085-bf46ed0ae039',
  },
}

const heidi = { id: '550fae72-d251-43ec-868c-373732c2704f', displayName: 'Heidi Steen' }
const phone = { '@odata.type': odataIdentity, id: '+12345678901' }

/**
 * "call: transfer", examples 1 to 4: each target has an `endpointType`, the PSTN ones a `languageId` and a
 * `region` too, none of which v1.0's `invitationParticipantInfo` declares (it is an open type).
 */
export const transferExamples = {
  'Example 1: Call transfer from a peer-to-peer call': {
    transferTarget: { endpointType: 'default', identity: { user: heidi } },
  },
  'Example 2: Consultative transfer from a peer-to-peer call': {
    transferTarget: {
      '@odata.type': odataInvitation,
      endpointType: 'default',
      identity: { '@odata.type': odataIdentitySet, user: { '@odata.type': odataIdentity, ...heidi } },
      replacesCallId: 'e5d39592-99bd-4db8-bca8-30fb894ec51d',
    },
  },
  'Example 3: Call transfer from a peer-to-peer call to PSTN number': {
    transferTarget: { endpointType: 'default', identity: { phone }, languageId: 'languageId-value', region: 'region-value' },
    clientContext: '9e90d1c1-f61e-43e7-9f75-d420159aae08',
  },
  'Example 4: Consultative transfer from a peer-to-peer call to PSTN number': {
    transferTarget: {
      '@odata.type': odataInvitation,
      endpointType: 'default',
      identity: { '@odata.type': odataIdentitySet, phone },
      languageId: 'en-us',
      region: 'amer',
      replacesCallId: 'e5d39592-99bd-4db8-bca8-30fb894ec51d',
    },
    clientContext: '9e90d1c1-f61e-43e7-9f75-d420159aae08',
  },
}

/** "participant: invite", example 1: the user identity carries `identityProvider`. */
export const inviteExample = {
  participants: [{ ...invitee({ id: '278405a3-f568-4b3e-b684-009193463064', identityProvider: 'AAD' }), replacesCallId: 'a7ebfb2d-871e-419c-87af-27290b22e8db' }],
  clientContext: 'f2fa86af-3c51-4bc2-8fc0-475452d9764f',
}

/** "participant: invite", example 2: two participants. */
export const inviteMultipleExample = {
  participants: [
    { ...invitee({ id: '7e1b4346-85a6-4bdd-abe3-d11c5d420efe', identityProvider: 'AAD' }), replacesCallId: 'a7ebfb2d-871e-419c-87af-27290b22e8db' },
    { ...invitee({ id: '1e126418-44a0-4a94-a6f8-0efe1ad71acb', identityProvider: 'AAD' }), replacesCallId: 'a7ebfb2d-871e-419c-87af-27290b22e8db' },
  ],
  clientContext: 'f2fa86af-3c51-4bc2-8fc0-475452d9764f',
}

/** "participant: startHoldMusic". */
export const startHoldMusicExample = {
  customPrompt: { '@odata.type': '#microsoft.graph.mediaPrompt', mediaInfo: { '@odata.type': '#microsoft.graph.mediaInfo', uri: 'https://bot.contoso.com/onHold.wav' } },
  clientContext: 'd45324c1-fcb5-430a-902c-f20af696537c',
}

const link = { channelIndex: 1, mediaDuration: 'PT20M', networkLinkSpeedInBytes: 13000, localIPAddress: '127.0.0.1', localPort: 6300, remoteIPAddress: '102.1.1.101', remotePort: 6301 }
const traffic = {
  inboundPackets: 5500,
  outboundPackets: 5400,
  averageInboundPacketLossRateInPercentage: 0.01,
  averageOutboundPacketLossRateInPercentage: 0.02,
  maximumInboundPacketLossRateInPercentage: 0.05,
  maximumOutboundPacketLossRateInPercentage: 0.06,
  averageInboundRoundTripDelay: 'PT0.03S',
  averageOutboundRoundTripDelay: 'PT0.04S',
  maximumInboundRoundTripDelay: 'PT0.13S',
  maximumOutboundRoundTripDelay: 'PT0.14S',
  averageInboundJitter: 'PT0.01S',
  averageOutboundJitter: 'PT0.015S',
  maximumInboundJitter: 'PT0.023S',
  maximumOutboundJitter: 'PT0.024S',
}
const media = (kind: string) => ({ '@odata.type': `#microsoft.graph.teleconferenceDevice${kind}Quality`, ...link, ...traffic })

/** "call: logTeleconferenceDeviceQuality": audio, video and (beta-only in the CSDL) screen sharing quality. */
export const logTeleconferenceDeviceQualityExample = {
  quality: {
    '@odata.type': '#microsoft.graph.teleconferenceDeviceQuality',
    callChainId: '0622673d-9f69-49b3-9d4f-5ec64f42ecce',
    participantId: 'ea078406-b5d4-4d3c-b85e-90103dcec7f6',
    mediaLegId: 'bd9ee398-4b9d-42c7-8b8d-4e8efad9435f',
    deviceName: 'TestAgent',
    deviceDescription: 'TestDescription',
    mediaQualityList: [media('Audio'), media('Video'), media('ScreenSharing')],
  },
}
