import { describe, expectTypeOf, it } from 'vitest'
import * as requests from '../../src/requests/index.ts'
import type { GraphRequest } from '../../src/requests/index.ts'
import type { CallingClient, GraphResponse } from '../../src/index.ts'
import type { AddLargeGalleryViewOperation, Call, CommsOperation, Inbound, MuteParticipantOperation, Participant, PlayPromptOperation, RecordOperation, StartHoldMusicOperation, StopHoldMusicOperation, beta as betaSchemas } from '../../src/schemas/index.ts'

/** What Graph answers a request with. */
type ResultOf<R> = R extends GraphRequest<infer T> ? T : never
const prompt = requests.mediaPrompt('https://cdn.contoso.com/beep.wav')

describe('request builder types', () => {
  it('take lists written as const: a builder never changes what it is given', () => {
    const modalities = ['audio', 'video'] as const
    const participants = [{ identity: { user: { id: 'u-1' } } }] as const
    expectTypeOf(requests.answer('c-1', { acceptedModalities: modalities, mediaConfig: requests.serviceHostedMedia() })).toEqualTypeOf<GraphRequest<void>>()
    expectTypeOf(requests.invite('c-1', { participants })).toEqualTypeOf<ReturnType<typeof requests.invite>>()
    const files = [{ uri: 'https://cdn.contoso.com/beep.wav', resourceId: 'beep' }] as const
    requests.serviceHostedMedia({ preFetchMedia: files })
    // A list built up first is taken too.
    const built: requests.AnswerParams['acceptedModalities'][number][] = []
    built.push('audio')
    requests.answer('c-1', { acceptedModalities: built, mediaConfig: requests.serviceHostedMedia() })
  })


  it('carry what Graph answers with', () => {
    expectTypeOf<ResultOf<ReturnType<typeof requests.playPrompt>>>().toEqualTypeOf<Inbound<PlayPromptOperation>>()
    expectTypeOf<ResultOf<ReturnType<typeof requests.recordResponse>>>().toEqualTypeOf<Inbound<RecordOperation>>()
    expectTypeOf<ResultOf<ReturnType<typeof requests.mute>>>().toEqualTypeOf<Inbound<MuteParticipantOperation>>()
    expectTypeOf<ResultOf<ReturnType<typeof requests.muteParticipant>>>().toEqualTypeOf<Inbound<MuteParticipantOperation>>()
    expectTypeOf<ResultOf<ReturnType<typeof requests.createCall>>>().toEqualTypeOf<Inbound<Call>>()
    expectTypeOf<ResultOf<ReturnType<typeof requests.getCall>>>().toEqualTypeOf<Inbound<Call>>()
    expectTypeOf<ResultOf<ReturnType<typeof requests.getOperation>>>().toEqualTypeOf<Inbound<CommsOperation>>()
    expectTypeOf<ResultOf<ReturnType<typeof requests.listParticipants>>>().toEqualTypeOf<{ value: Inbound<Participant>[] }>()
    expectTypeOf<ResultOf<ReturnType<typeof requests.getParticipant>>>().toEqualTypeOf<Inbound<Participant>>()
    expectTypeOf<ResultOf<ReturnType<typeof requests.hangUp>>>().toEqualTypeOf<void>()
    expectTypeOf<ResultOf<ReturnType<typeof requests.keepAlive>>>().toEqualTypeOf<void>()
    expectTypeOf<ResultOf<ReturnType<typeof requests.beta.record>>>().toEqualTypeOf<Inbound<betaSchemas.RecordOperation>>()
    expectTypeOf<ResultOf<ReturnType<typeof requests.beta.muteAll>>>().toEqualTypeOf<Inbound<betaSchemas.MuteParticipantsOperation>>()
    // A 202's body is taken only when it comes whole.
    expectTypeOf<ResultOf<ReturnType<typeof requests.startHoldMusic>>>().toEqualTypeOf<Inbound<StartHoldMusicOperation> | undefined>()
    expectTypeOf<ResultOf<ReturnType<typeof requests.stopHoldMusic>>>().toEqualTypeOf<Inbound<StopHoldMusicOperation> | undefined>()
    expectTypeOf<ResultOf<ReturnType<typeof requests.beta.startHoldMusic>>>().toEqualTypeOf<Inbound<betaSchemas.StartHoldMusicOperation> | undefined>()
    expectTypeOf<ResultOf<ReturnType<typeof requests.addLargeGalleryView>>>().toEqualTypeOf<Inbound<AddLargeGalleryViewOperation> | undefined>()
  })

  it("type an answer as Graph may send it: its spelling, values newer than these types, properties they lack", () => {
    type Operation = ResultOf<ReturnType<typeof requests.playPrompt>>
    expectTypeOf<'running'>().toExtend<NonNullable<Operation['status']>>()
    expectTypeOf<'Running'>().toExtend<NonNullable<Operation['status']>>()
    expectTypeOf<Operation['newerProperty']>().toEqualTypeOf<unknown>()
    expectTypeOf<Operation['@odata.type']>().toEqualTypeOf<'#microsoft.graph.playPromptOperation' | undefined>()
    const client = {} as CallingClient
    expectTypeOf(client.calls.playPrompt).returns.resolves.toEqualTypeOf<GraphResponse<Operation>>()
    expectTypeOf(client.calls.create).returns.resolves.toEqualTypeOf<GraphResponse<Inbound<Call>>>()
  })

  it('want the parameters Graph requires', () => {
    // @ts-expect-error playPrompt needs its parameters
    requests.playPrompt('c1')
    // @ts-expect-error prompts is required
    requests.playPrompt('c1', { clientContext: 'x' })
    // @ts-expect-error transferTarget is required
    requests.transfer('c1', { transferee: null })
    // @ts-expect-error a participant action needs the participant id
    requests.muteParticipant('c1', { clientContext: 'x' })
    // @ts-expect-error logTeleconferenceDeviceQuality is bound to the call collection: no call id
    requests.logTeleconferenceDeviceQuality('c1', { quality: {} })
    requests.mute('c1')
    requests.startHoldMusic('c1', 'p1')
    // @ts-expect-error an invitation names whom it invites: its identity is required
    requests.redirect('c1', { targets: [{ hidden: true }] })
  })

  it("type an identitySet's phone and an identity's tenantId as the communications subtypes declare them", () => {
    const phone = { '@odata.type': '#microsoft.graph.identity' as const, id: '+12345678901', tenantId: 't1' }
    requests.redirect('c1', { targets: [{ identity: { '@odata.type': '#microsoft.graph.identitySet', phone } }] })
    // @ts-expect-error a phone is an identity, not its number
    requests.redirect('c1', { targets: [{ identity: { phone: '+12345678901' } }] })
  })

  it('leave out the @odata.type of a subtype only where it is declared as itself', () => {
    const media = requests.serviceHostedMedia()
    requests.answer('c1', { callbackUri: 'https://bot.contoso.com/cb', acceptedModalities: ['audio'], mediaConfig: media, callOptions: { isContentSharingNotificationEnabled: true } })
    requests.answer('c1', { callbackUri: 'https://bot.contoso.com/cb', acceptedModalities: ['audio'], mediaConfig: media, callOptions: requests.incomingCallOptions() })
    // @ts-expect-error an answer's call options are incoming ones
    requests.answer('c1', { callbackUri: 'https://bot.contoso.com/cb', acceptedModalities: ['audio'], mediaConfig: media, callOptions: requests.outgoingCallOptions() })
    // @ts-expect-error a call's callOptions is the abstract callOptions: the subtype must be named
    requests.createCall({ callbackUri: 'https://bot.contoso.com/cb', mediaConfig: media, targets: [], callOptions: { isContentSharingNotificationEnabled: true } })
  })

  it('take only the values Graph knows', () => {
    // @ts-expect-error 'presenter' is not a screenSharingRole
    requests.changeScreenSharingRole('c1', { role: 'presenter' })
    // @ts-expect-error tones are tone names ('pound'), not keys
    requests.sendDtmfTones('c1', { tones: ['#'] })
    // @ts-expect-error 'unknown' is not a status a bot reports
    requests.updateRecordingStatus('c1', { status: 'unknown' })
    requests.recordResponse('c1', { stopTones: ['#', 'pound'] })
  })

  it('keep beta-only parameters under beta', () => {
    // @ts-expect-error loop is a beta parameter of playPrompt
    requests.playPrompt('c1', { prompts: [prompt], loop: true })
    requests.beta.playPrompt('c1', { prompts: [prompt], loop: true })
    // @ts-expect-error targetDisposition is a beta parameter of redirect
    requests.redirect('c1', { targets: [{ identity: { user: { id: 'u' } } }], targetDisposition: 'forward' })
    requests.beta.redirect('c1', { targets: [{ identity: { user: { id: 'u' } } }], targetDisposition: 'forward' })
    expectTypeOf(requests.beta.startTranscription).parameters.toEqualTypeOf<[callId: string, params?: requests.beta.TranscriptionParams]>()
  })

  it('type a meeting to join by its @odata.type', () => {
    const join: requests.CreateCallParams = {
      callbackUri: 'https://bot.contoso.com/api/calls',
      mediaConfig: requests.serviceHostedMedia(),
      meetingInfo: { '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo', joinMeetingId: '1234567' },
    }
    // @ts-expect-error a token meeting needs its token
    const noToken: requests.CreateCallParams = { ...join, meetingInfo: { '@odata.type': '#microsoft.graph.tokenMeetingInfo' } }
    void noToken
    expectTypeOf(requests.createCall(join)).toEqualTypeOf<GraphRequest<Inbound<Call>>>()
  })

  it("take Graph's own docs bodies written inline: an open type takes properties it does not declare, a closed one does not", () => {
    // call: transfer, example 1: the target's endpointType, which invitationParticipantInfo does not declare.
    requests.transfer('c-1', {
      transferTarget: {
        endpointType: 'default',
        identity: { user: { id: '550fae72-d251-43ec-868c-373732c2704f', displayName: 'Heidi Steen' } },
        languageId: 'languageId-value',
        region: 'region-value',
      },
    })
    // participant: invite, example 1: an identity's identityProvider.
    requests.invite('c-1', {
      participants: [{ '@odata.type': '#microsoft.graph.invitationParticipantInfo', replacesCallId: 'a7ebfb2d-871e-419c-87af-27290b22e8db', identity: { '@odata.type': '#microsoft.graph.identitySet', user: { '@odata.type': '#microsoft.graph.identity', id: '278405a3-f568-4b3e-b684-009193463064', identityProvider: 'AAD' } } }],
      clientContext: 'f2fa86af-3c51-4bc2-8fc0-475452d9764f',
    })
    // Create call, example 5: an organizer meeting's allowConversationWithoutHost.
    requests.createCall({
      '@odata.type': '#microsoft.graph.call',
      callbackUri: 'https://bot.contoso.com/callback',
      requestedModalities: ['audio'],
      mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
      chatInfo: { '@odata.type': '#microsoft.graph.chatInfo', threadId: '19:meeting_Z2VhY2U1MzEtNzE3Ny00NmEyLWI1MWQtN2I4NGFiODU2NzQ0@thread.v2', messageId: '0' },
      meetingInfo: {
        '@odata.type': '#microsoft.graph.organizerMeetingInfo',
        organizer: { '@odata.type': '#microsoft.graph.identitySet', user: { '@odata.type': '#microsoft.graph.identity', id: '5810cede-f3cc-42eb-b2c1-e9bd5d53ec96', displayName: 'Bob', tenantId: '86dc81db-c112-4228-9222-63f3esaa1edb' } },
        allowConversationWithoutHost: true,
      },
      tenantId: '86dc81db-c112-4228-9222-63f3esaa1edb',
    })
    // A declared property keeps its type in an open type, and a closed type refuses a stray property.
    // @ts-expect-error an identity's displayName is a string
    requests.invite('c-1', { participants: [{ identity: { user: { id: 'u-1', displayName: 42 } } }] })
    // @ts-expect-error answer's parameters are closed: acceptedModality is a typo
    requests.answer('c-1', { acceptedModalities: ['audio'], mediaConfig: requests.serviceHostedMedia(), acceptedModality: ['audio'] })
    // @ts-expect-error a chatInfo is closed
    requests.createCall({ callbackUri: 'https://bot.contoso.com/callback', requestedModalities: ['audio'], mediaConfig: requests.serviceHostedMedia(), chatInfo: { threadId: 't', thread: 'x' }, meetingInfo: { '@odata.type': '#microsoft.graph.tokenMeetingInfo', token: 't' } })
  })
})
