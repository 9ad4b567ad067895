/**
 * One valid request of every builder, with the request it must give: the table the builder tests and the
 * contract test walk, so that every builder is held to the same rules.
 */
import * as requests from '../../../src/requests/index.ts'
import type { GraphMethod, GraphRequest, ResultType } from '../../../src/requests/index.ts'

/** Where a Graph action is bound in the contract: `<binding>.<action>`, as `call.playPrompt`. */
export type ContractKey = `${'call' | 'call[]' | 'participant' | 'participant[]'}.${string}`

/** A builder's call with ids and a valid body, and what it must produce. */
export interface BuilderCase {
  /** The builder's name as exported (`beta.` in front of beta builders). */
  readonly builder: string
  /** The bound Graph action the builder sends (absent for create, get, list and delete). */
  readonly action?: ContractKey
  /** The names of the builder's id parameters, in order. */
  readonly ids: readonly ('callId' | 'participantId' | 'operationId' | 'groupId' | 'sessionId')[]
  /** Calls the builder with these ids and `params` (the valid body below when not given). */
  readonly build: (ids: readonly string[], params?: unknown) => GraphRequest<unknown>
  readonly method: GraphMethod
  /** The path for ids `c1`, `p1`, `op1`, `g1`, `s1`. */
  readonly path: string
  /** The valid body sent (absent: the request has none). */
  readonly body?: unknown
  readonly apiVersion?: 'beta'
  /** Set for the requests Graph refuses to repeat, which are sent again after a failure Graph may have acted on. */
  readonly resendable?: true
  /** What Graph answers with, for the client to decode (absent: no body). */
  readonly resultType?: ResultType
}

export const target = { identity: { user: { id: '8A34A46B-3D17-4ADC-8DCE-DC4E7D572698', displayName: 'Test User' } } }
export const callbackUri = 'https://bot.contoso.com/api/calls'
export const prompt = requests.mediaPrompt('https://cdn.contoso.com/beep.wav', { resourceId: '1D6DE2D4-CD51-4309-8DAA-70768651088E' })
export const quality = {
  callChainId: '0622673d-9f69-49b3-9d4f-5ec64f42ecce',
  participantId: 'ea078406-b5d4-4d3c-b85e-90103dcec7f6',
  mediaLegId: 'bd9ee398-4b9d-42c7-8b8d-4e8efad9435f',
  deviceName: 'TestAgent',
  deviceDescription: 'TestDescription',
  mediaQualityList: [{ '@odata.type': '#microsoft.graph.teleconferenceDeviceAudioQuality' as const, channelIndex: 1, mediaDuration: 'PT20M' }],
}

const C = '/communications/calls/c1'
const any = requests as unknown as Record<string, (...args: unknown[]) => GraphRequest<unknown>>
const anyBeta = requests.beta as unknown as Record<string, (...args: unknown[]) => GraphRequest<unknown>>

/** A case for a builder taking the ids, then the body. */
function withBody(builder: string, ids: BuilderCase['ids'], body: unknown, rest: Omit<BuilderCase, 'builder' | 'ids' | 'build' | 'body'>): BuilderCase {
  const fn = builder.startsWith('beta.') ? anyBeta[builder.slice(5)]! : any[builder]!
  return { builder, ids, body, build: (values, params = body) => fn(...values, params), ...rest }
}

/** A case for a builder taking only the ids. */
function idsOnly(builder: string, ids: BuilderCase['ids'], rest: Omit<BuilderCase, 'builder' | 'ids' | 'build'>): BuilderCase {
  const fn = builder.startsWith('beta.') ? anyBeta[builder.slice(5)]! : any[builder]!
  return { builder, ids, build: (values) => fn(...values), ...rest }
}

const cc = { clientContext: 'd45324c1-fcb5-430a-902c-f20af696537c' }

export const cases: readonly BuilderCase[] = [
  withBody('createCall', [], { callbackUri, targets: [target], requestedModalities: ['audio'], mediaConfig: requests.serviceHostedMedia() }, { method: 'POST', path: '/communications/calls', resultType: 'Call' }),
  idsOnly('getCall', ['callId'], { method: 'GET', path: C, resultType: 'Call' }),
  idsOnly('hangUp', ['callId'], { method: 'DELETE', path: C }),
  withBody('answer', ['callId'], { callbackUri, acceptedModalities: ['audio'], mediaConfig: requests.serviceHostedMedia() }, { action: 'call.answer', method: 'POST', path: `${C}/answer`, resendable: true }),
  withBody('reject', ['callId'], { reason: 'busy' }, { action: 'call.reject', method: 'POST', path: `${C}/reject`, resendable: true }),
  withBody('redirect', ['callId'], { targets: [target], timeout: 30 }, { action: 'call.redirect', method: 'POST', path: `${C}/redirect`, resendable: true }),
  withBody('transfer', ['callId'], { transferTarget: target }, { action: 'call.transfer', method: 'POST', path: `${C}/transfer` }),
  idsOnly('keepAlive', ['callId'], { action: 'call.keepAlive', method: 'POST', path: `${C}/keepAlive` }),
  withBody('playPrompt', ['callId'], { prompts: [prompt], ...cc }, { action: 'call.playPrompt', method: 'POST', path: `${C}/playPrompt`, resultType: 'CommsOperation' }),
  withBody('recordResponse', ['callId'], { prompts: [prompt], maxRecordDurationInSeconds: 10, stopTones: ['#'] }, { action: 'call.recordResponse', method: 'POST', path: `${C}/recordResponse`, resultType: 'CommsOperation' }),
  withBody('subscribeToTone', ['callId'], cc, { action: 'call.subscribeToTone', method: 'POST', path: `${C}/subscribeToTone`, resultType: 'CommsOperation' }),
  withBody('sendDtmfTones', ['callId'], { tones: ['tone1', 'pound'], delayBetweenTonesMs: 1000 }, { action: 'call.sendDtmfTones', method: 'POST', path: `${C}/sendDtmfTones`, resultType: 'CommsOperation' }),
  withBody('cancelMediaProcessing', ['callId'], cc, { action: 'call.cancelMediaProcessing', method: 'POST', path: `${C}/cancelMediaProcessing`, resultType: 'CommsOperation' }),
  withBody('mute', ['callId'], cc, { action: 'call.mute', method: 'POST', path: `${C}/mute`, resultType: 'CommsOperation' }),
  withBody('unmute', ['callId'], cc, { action: 'call.unmute', method: 'POST', path: `${C}/unmute`, resultType: 'CommsOperation' }),
  withBody('changeScreenSharingRole', ['callId'], { role: 'sharer' }, { action: 'call.changeScreenSharingRole', method: 'POST', path: `${C}/changeScreenSharingRole` }),
  withBody('updateRecordingStatus', ['callId'], { status: 'recording', ...cc }, { action: 'call.updateRecordingStatus', method: 'POST', path: `${C}/updateRecordingStatus`, resultType: 'CommsOperation' }),
  withBody('addLargeGalleryView', ['callId'], cc, { action: 'call.addLargeGalleryView', method: 'POST', path: `${C}/addLargeGalleryView`, resultType: 'CommsOperation' }),
  withBody('logTeleconferenceDeviceQuality', [], { quality }, { action: 'call[].logTeleconferenceDeviceQuality', method: 'POST', path: '/communications/calls/logTeleconferenceDeviceQuality' }),
  idsOnly('getOperation', ['callId', 'operationId'], { method: 'GET', path: `${C}/operations/op1`, resultType: 'CommsOperation' }),
  idsOnly('listParticipants', ['callId'], { method: 'GET', path: `${C}/participants`, resultType: 'Participant[]' }),
  idsOnly('getParticipant', ['callId', 'participantId'], { method: 'GET', path: `${C}/participants/p1`, resultType: 'Participant' }),
  withBody('invite', ['callId'], { participants: [target], ...cc }, { action: 'participant[].invite', method: 'POST', path: `${C}/participants/invite`, resultType: 'CommsOperation' }),
  withBody('muteParticipant', ['callId', 'participantId'], cc, { action: 'participant.mute', method: 'POST', path: `${C}/participants/p1/mute`, resultType: 'CommsOperation' }),
  idsOnly('removeParticipant', ['callId', 'participantId'], { method: 'DELETE', path: `${C}/participants/p1` }),
  withBody('startHoldMusic', ['callId', 'participantId'], { customPrompt: prompt }, { action: 'participant.startHoldMusic', method: 'POST', path: `${C}/participants/p1/startHoldMusic`, resultType: 'CommsOperation' }),
  withBody('stopHoldMusic', ['callId', 'participantId'], cc, { action: 'participant.stopHoldMusic', method: 'POST', path: `${C}/participants/p1/stopHoldMusic`, resultType: 'CommsOperation' }),
  withBody('createAudioRoutingGroup', ['callId'], { id: 'oneToOne', routingMode: 'oneToOne', sources: ['632899f8-2ea1-4604-8413-27bd2892079f'], receivers: ['550fae72-d251-43ec-868c-373732c2704f'] }, { method: 'POST', path: `${C}/audioRoutingGroups`, resultType: 'AudioRoutingGroup' }),
  idsOnly('listAudioRoutingGroups', ['callId'], { method: 'GET', path: `${C}/audioRoutingGroups`, resultType: 'AudioRoutingGroup[]' }),
  idsOnly('getAudioRoutingGroup', ['callId', 'groupId'], { method: 'GET', path: `${C}/audioRoutingGroups/g1`, resultType: 'AudioRoutingGroup' }),
  withBody('updateAudioRoutingGroup', ['callId', 'groupId'], { routingMode: 'multicast', receivers: ['550fae72-d251-43ec-868c-373732c2704f', '72f988bf-86f1-41af-91ab-2d7cd011db47'] }, { method: 'PATCH', path: `${C}/audioRoutingGroups/g1`, resendable: true, resultType: 'AudioRoutingGroup' }),
  idsOnly('deleteAudioRoutingGroup', ['callId', 'groupId'], { method: 'DELETE', path: `${C}/audioRoutingGroups/g1` }),
  idsOnly('listContentSharingSessions', ['callId'], { method: 'GET', path: `${C}/contentSharingSessions`, resultType: 'ContentSharingSession[]' }),
  idsOnly('getContentSharingSession', ['callId', 'sessionId'], { method: 'GET', path: `${C}/contentSharingSessions/s1`, resultType: 'ContentSharingSession' }),
  withBody('beta.record', ['callId'], { prompts: [{ ...prompt, loop: 2 }], maxRecordDurationInSeconds: 1800, streamWhileRecording: true }, { action: 'call.record', method: 'POST', path: `${C}/record`, apiVersion: 'beta', resultType: 'CommsOperation' }),
  withBody('beta.recordResponse', ['callId'], { maxRecordDurationInSeconds: 10, streamWhileRecording: true }, { action: 'call.recordResponse', method: 'POST', path: `${C}/recordResponse`, apiVersion: 'beta', resultType: 'CommsOperation' }),
  withBody('beta.playPrompt', ['callId'], { prompts: [prompt], loop: true }, { action: 'call.playPrompt', method: 'POST', path: `${C}/playPrompt`, apiVersion: 'beta', resultType: 'CommsOperation' }),
  withBody('beta.redirect', ['callId'], { targets: [{ ...target, endpointType: 'default' }], targetDisposition: 'simultaneousRing', maskCallee: true }, { action: 'call.redirect', method: 'POST', path: `${C}/redirect`, apiVersion: 'beta', resendable: true }),
  withBody('beta.startRecording', ['callId'], cc, { action: 'call.startRecording', method: 'POST', path: `${C}/startRecording`, apiVersion: 'beta', resultType: 'CommsOperation' }),
  withBody('beta.stopRecording', ['callId'], cc, { action: 'call.stopRecording', method: 'POST', path: `${C}/stopRecording`, apiVersion: 'beta', resultType: 'CommsOperation' }),
  withBody('beta.startTranscription', ['callId'], { language: 'en-US' }, { action: 'call.startTranscription', method: 'POST', path: `${C}/startTranscription`, apiVersion: 'beta', resultType: 'CommsOperation' }),
  withBody('beta.stopTranscription', ['callId'], { language: 'en-US' }, { action: 'call.stopTranscription', method: 'POST', path: `${C}/stopTranscription`, apiVersion: 'beta', resultType: 'CommsOperation' }),
  withBody('beta.admitFromLobby', ['callId', 'participantId'], cc, { action: 'participant.admitFromLobby', method: 'POST', path: `${C}/participants/p1/admitFromLobby`, apiVersion: 'beta', resultType: 'CommsOperation' }),
  withBody('beta.removeFromLobby', ['callId', 'participantId'], cc, { action: 'participant.removeFromLobby', method: 'POST', path: `${C}/participants/p1/removeFromLobby`, apiVersion: 'beta', resultType: 'CommsOperation' }),
  withBody('beta.admitAllFromLobby', ['callId'], cc, { action: 'participant[].admitAllFromLobby', method: 'POST', path: `${C}/participants/admitAllFromLobby`, apiVersion: 'beta', resultType: 'CommsOperation' }),
  withBody('beta.createCall', [], { callbackUri, targets: [target], mediaConfig: requests.serviceHostedMedia(), ringingTimeoutInSeconds: 60 }, { method: 'POST', path: '/communications/calls', apiVersion: 'beta', resultType: 'Call' }),
  withBody('beta.answer', ['callId'], { callbackUri, acceptedModalities: ['audio'], mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig', liveCaptionOptions: { streamUrl: 'https://captions.example/s' } } }, { action: 'call.answer', method: 'POST', path: `${C}/answer`, apiVersion: 'beta', resendable: true }),
  withBody('beta.transfer', ['callId'], { transferTarget: target, transferee: { identity: target.identity, participantId: 'p1', platformId: '1' } }, { action: 'call.transfer', method: 'POST', path: `${C}/transfer`, apiVersion: 'beta' }),
  withBody('beta.logTeleconferenceDeviceQuality', [], { quality: { ...quality, mediaQualityList: [{ '@odata.type': '#microsoft.graph.teleconferenceDeviceScreenSharingQuality', channelIndex: 1 }] } }, { action: 'call[].logTeleconferenceDeviceQuality', method: 'POST', path: '/communications/calls/logTeleconferenceDeviceQuality', apiVersion: 'beta' }),
  withBody('beta.invite', ['callId'], { participants: [{ ...target, endpointType: 'default' }], ...cc }, { action: 'participant[].invite', method: 'POST', path: `${C}/participants/invite`, apiVersion: 'beta', resultType: 'CommsOperation' }),
  withBody('beta.startHoldMusic', ['callId', 'participantId'], { customPrompt: { ...prompt, loop: 3 } }, { action: 'participant.startHoldMusic', method: 'POST', path: `${C}/participants/p1/startHoldMusic`, apiVersion: 'beta', resultType: 'CommsOperation' }),
  withBody('beta.muteAll', ['callId'], { participants: ['p1', 'p2'] }, { action: 'participant[].muteAll', method: 'POST', path: `${C}/participants/muteAll`, apiVersion: 'beta', resultType: 'CommsOperation' }),
]

/** The ids the paths above are written for. */
export const sampleIds: Record<BuilderCase['ids'][number], string> = { callId: 'c1', participantId: 'p1', operationId: 'op1', groupId: 'g1', sessionId: 's1' }
