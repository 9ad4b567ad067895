import { describe, expectTypeOf, it } from 'vitest'
import * as requests from '../../src/requests/index.ts'
import type { GraphRequest } from '../../src/requests/index.ts'
import type { CallingClient, GraphResponse } from '../../src/index.ts'
import type { Call, CommsOperation, Inbound, MuteParticipantOperation, Participant, PlayPromptOperation, RecordOperation, StartHoldMusicOperation, StopHoldMusicOperation, beta as betaSchemas } from '../../src/schemas/index.ts'

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
})
