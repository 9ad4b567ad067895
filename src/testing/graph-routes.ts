import * as requests from '../requests/index.ts'
import type { AnswerParams, CreateCallParams, RedirectParams, RejectParams } from '../requests/index.ts'
import type { Tone } from '../schemas/types.ts'
import type { AudioRoutingGroupRequest } from './audio-routing-groups.ts'
import { cancelled, completed, type CompletionDetails, type OperationEnd, type TimedEnd } from './operation-ends.ts'
import { RECORDING_CANCELLED, STOPPED_BY_TONE, stopTonesOf, timedRecordingEnd, type RecordingRequest } from './recording.ts'
import type { SimulatedCallState } from './simulated-call.ts'

/** What the simulator answers an accepted request with, or the Graph error it refuses it with. */
export type ActionOutcome =
  | { readonly status: 200 | 201 | 202 | 204; readonly body?: unknown; readonly answerAfter?: Promise<unknown> }
  | { readonly status: number; readonly code: string; readonly message: string }

export type { CompletionDetails } from './operation-ends.ts'

/** How an operation runs, from the request that starts it to its end. */
export interface OperationStart {
  readonly action: string
  /** Its `@odata.type` without the namespace: `playPromptOperation`, ... */
  readonly type: string
  readonly body: unknown
  /** The HTTP status Graph answers with. @default 200 */
  readonly status?: 200 | 202 | undefined
  /** Graph answers it `completed` (it is done by then), and notifies no end of it. */
  readonly atOnce?: boolean | undefined
  /** When and how it ends, given the simulator's `operationDurationMs`. @default completed after that time */
  readonly ends?: ((operationDurationMs: number) => TimedEnd) | undefined
  /** The tones that end it at once when the caller presses one, as `onStopTone`. */
  readonly stopTones?: ReadonlySet<Tone> | undefined
  readonly onStopTone?: OperationEnd | undefined
  /** How `cancelMediaProcessing` ends it (a prompt or a recording under way); not cancelled when undefined. */
  readonly onCancel?: OperationEnd | undefined
}

/** The call-control side of the simulator, that the routes act on. */
export interface CallEngine {
  answer(call: SimulatedCallState, params: AnswerParams): ActionOutcome
  decline(call: SimulatedCallState, how: { action: 'reject'; params: RejectParams } | { action: 'redirect'; params: RedirectParams }): ActionOutcome
  hangUp(call: SimulatedCallState): ActionOutcome
  transfer(call: SimulatedCallState): ActionOutcome
  keepAlive(call: SimulatedCallState): ActionOutcome
  /** 202 for an action with no operation and no notification (`changeScreenSharingRole`). */
  accept(call: SimulatedCallState, action: string): ActionOutcome
  /** Starts an operation: 200 (or `status`) with it running, a notification when it ends; or answered completed, when it is done at once. */
  startOperation(call: SimulatedCallState, operation: OperationStart): ActionOutcome
  /** Mutes or unmutes a participant (the bot's own when `participantId` is undefined), and sends the roster. */
  setMuted(call: SimulatedCallState, participantId: string | undefined, muted: boolean, operation: OperationStart): ActionOutcome
  /** Subscribes the bot to the tones the caller presses. */
  subscribeToTone(call: SimulatedCallState, operation: OperationStart): ActionOutcome
  /** Cancels the prompts and recordings under way. */
  cancelMediaProcessing(call: SimulatedCallState, operation: OperationStart): ActionOutcome
  readCall(call: SimulatedCallState): ActionOutcome
  readOperation(call: SimulatedCallState, operationId: string): ActionOutcome
  listParticipants(call: SimulatedCallState): ActionOutcome
  readParticipant(call: SimulatedCallState, participantId: string): ActionOutcome
  removeParticipant(call: SimulatedCallState, participantId: string): ActionOutcome
  /** A request on the call's audio routing groups. */
  audioRoutingGroups(call: SimulatedCallState, request: AudioRoutingGroupRequest): ActionOutcome
  /** The call's content-sharing sessions, or the one named. */
  readContentSharingSessions(call: SimulatedCallState, sessionId?: string): ActionOutcome
  placeOutgoingCall(params: CreateCallParams): ActionOutcome
}

/** The ids in a route's path. */
export interface RouteIds {
  readonly callId: string
  readonly participantId: string
  readonly operationId: string
  readonly groupId: string
  readonly sessionId: string
}

/** Runs the library's builder of an action on what was received; throws its `ValidationError` on a bad request. */
type Check = (ids: RouteIds, body: any) => unknown

/** One Graph endpoint the simulator serves. */
export interface GraphRoute {
  /** The action's name: the builder's (`playPrompt`, `muteParticipant`, `beta.record` is `record`). */
  readonly action: string
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** The path below the version root, msw style (`/communications/calls/:callId/playPrompt`). */
  readonly path: string
  /** The builder for each API version that has the endpoint. */
  readonly check: { readonly 'v1.0'?: Check; readonly beta?: Check }
  /** What the request does; `call` is the call of `:callId`, known to exist, when the path has one. */
  readonly apply: (engine: CallEngine, request: { ids: RouteIds; body: any; call: SimulatedCallState | undefined }) => ActionOutcome
}

const CALLS = '/communications/calls'
const CALL = `${CALLS}/:callId`
const PARTICIPANTS = `${CALL}/participants`
const PARTICIPANT = `${PARTICIPANTS}/:participantId`

type OnCall = (engine: CallEngine, call: SimulatedCallState, request: { ids: RouteIds; body: any }) => ActionOutcome

/** A route on one call (its path has `:callId`), served on v1.0 and beta by the v1.0 builder unless told. */
function onCall(action: string, method: GraphRoute['method'], path: string, check: Check, apply: OnCall, beta: Check | undefined = check): GraphRoute {
  return { action, method, path, check: { 'v1.0': check, beta }, apply: (engine, { call, ...request }) => apply(engine, call!, request) }
}

/** Who plays and hears the call's media: the bot's own media platform (`app`), or Graph's (`service`). */
function mediaHostOf(call: SimulatedCallState): 'app' | 'service' | undefined {
  const config = (call.answer?.mediaConfig ?? call.resource['mediaConfig']) as { '@odata.type'?: string } | undefined
  const type = config?.['@odata.type']?.toLowerCase()
  return type === '#microsoft.graph.apphostedmediaconfig' ? 'app' : type === '#microsoft.graph.servicehostedmediaconfig' ? 'service' : undefined
}

/**
 * Graph's refusal of a prompt or a recording on a call whose media the bot hosts itself: Graph plays and
 * records only the media it hosts (service-hosted).
 */
function mediaRefusal(call: SimulatedCallState, action: string): ActionOutcome | undefined {
  if (mediaHostOf(call) !== 'app') return undefined
  return { status: 400, code: 'BadRequest', message: `${action} needs service-hosted media; call ${call.id} was set up with app-hosted media.` }
}

/** What an operation reports when it completes, the same for every request or made from the request's body. */
type Completion = CompletionDetails | ((body: any) => CompletionDetails)

/** How an operation runs, made from the request's body: its end, what ends it early. */
type Run = (body: any) => Pick<OperationStart, 'ends' | 'stopTones' | 'onStopTone' | 'onCancel'>

/** What the engine does with a started operation: start it, or an action of its own (`setMuted`, ...). */
type Apply = (engine: CallEngine, call: SimulatedCallState, operation: OperationStart, ids: RouteIds) => ActionOutcome

interface OperationOptions {
  readonly beta?: Check
  readonly completion?: Completion
  readonly run?: Run
  /** Graph plays and records only the media it hosts: `400` on a call with app-hosted media. */
  readonly media?: 'service'
  readonly status?: 202
  /** Graph answers it `completed`, with no notification of its end. */
  readonly atOnce?: true
  readonly apply?: Apply
}

/** The operation a request starts, as its route's options describe it. */
function operationStart(action: string, type: string, body: any, options: OperationOptions): OperationStart {
  const details = typeof options.completion === 'function' ? options.completion(body ?? {}) : options.completion
  return {
    action,
    type,
    body,
    status: options.status,
    atOnce: options.atOnce,
    ...(details === undefined ? {} : { ends: (ms: number) => ({ afterMs: ms, end: completed(details) }) }),
    ...options.run?.(body ?? {}),
  }
}

const start: Apply = (engine, call, operation) => engine.startOperation(call, operation)

/** An action answered with an operation (`playPrompt`, `invite`, ...): one line per action. */
function operation(action: string, path: string, type: string, check: Check, options: OperationOptions = {}): GraphRoute {
  return onCall(
    action,
    'POST',
    path,
    check,
    (engine, call, { ids, body }) => {
      // A call that is not established gets its 409 first.
      const refused = options.media && call.state === 'established' ? mediaRefusal(call, action) : undefined
      if (refused) return refused
      return (options.apply ?? start)(engine, call, operationStart(action, type, body, options), ids)
    },
    options.beta ?? check,
  )
}

/** An operation on one participant: `404 itemNotFound` for a participant the call does not have, as Graph answers. */
function participantOperation(action: string, path: string, type: string, check: Check, options: OperationOptions = {}): GraphRoute {
  return onCall(
    action,
    'POST',
    path,
    check,
    (engine, call, { ids, body }) => {
      const found = engine.readParticipant(call, ids.participantId)
      return found.status === 200 ? (options.apply ?? start)(engine, call, operationStart(action, type, body, options), ids) : found
    },
    options.beta ?? check,
  )
}

/** A beta-only operation. */
function betaOperation(action: string, path: string, type: string, check: Check, options: OperationOptions = {}): GraphRoute {
  return { ...operation(action, path, type, check, options), check: { beta: check } }
}

const { beta } = requests

/** A prompt under way: `cancelMediaProcessing` fails it. */
const prompting: Run = () => ({ onCancel: cancelled() })

/** A recording: it ends on a stop tone, at its longest duration, or when the caller falls silent (see `timedRecordingEnd`). */
const recording: Run = (body: RecordingRequest) => ({
  ends: (ms) => timedRecordingEnd(body, ms),
  stopTones: stopTonesOf(body),
  onStopTone: STOPPED_BY_TONE,
  onCancel: RECORDING_CANCELLED,
})

/** Graph's docs answer these `completed` ("call: mute", "call: unmute", "participant: mute"), and send the roster. */
const muting = (muted: boolean, who: 'bot' | 'participant'): OperationOptions => ({
  atOnce: true,
  apply: (engine, call, operation, ids) => engine.setMuted(call, who === 'bot' ? undefined : ids.participantId, muted, operation),
})

/** Every endpoint the simulator serves: each request is checked by the library's own builder for it. */
export const graphRoutes: readonly GraphRoute[] = [
  // The call itself
  { action: 'createCall', method: 'POST', path: CALLS, check: { 'v1.0': (_, b) => requests.createCall(b), beta: (_, b) => beta.createCall(b) }, apply: (e, { body }) => e.placeOutgoingCall(body) },
  {
    action: 'logTeleconferenceDeviceQuality',
    method: 'POST',
    path: `${CALLS}/logTeleconferenceDeviceQuality`,
    check: { 'v1.0': (_, b) => requests.logTeleconferenceDeviceQuality(b), beta: (_, b) => beta.logTeleconferenceDeviceQuality(b) },
    apply: () => ({ status: 200 }),
  },
  onCall('getCall', 'GET', CALL, ({ callId }) => requests.getCall(callId), (e, call) => e.readCall(call)),
  onCall('hangUp', 'DELETE', CALL, ({ callId }) => requests.hangUp(callId), (e, call) => e.hangUp(call)),
  onCall('answer', 'POST', `${CALL}/answer`, ({ callId }, b) => requests.answer(callId, b), (e, call, { body }) => e.answer(call, body), ({ callId }, b) => beta.answer(callId, b)),
  onCall('reject', 'POST', `${CALL}/reject`, ({ callId }, b) => requests.reject(callId, b), (e, call, { body }) => e.decline(call, { action: 'reject', params: body ?? {} })),
  onCall('redirect', 'POST', `${CALL}/redirect`, ({ callId }, b) => requests.redirect(callId, b), (e, call, { body }) => e.decline(call, { action: 'redirect', params: body }), ({ callId }, b) => beta.redirect(callId, b)),
  onCall('transfer', 'POST', `${CALL}/transfer`, ({ callId }, b) => requests.transfer(callId, b), (e, call) => e.transfer(call), ({ callId }, b) => beta.transfer(callId, b)),
  onCall('keepAlive', 'POST', `${CALL}/keepAlive`, ({ callId }) => requests.keepAlive(callId), (e, call) => e.keepAlive(call)),
  onCall('changeScreenSharingRole', 'POST', `${CALL}/changeScreenSharingRole`, ({ callId }, b) => requests.changeScreenSharingRole(callId, b), (e, call) => e.accept(call, 'changeScreenSharingRole')),
  onCall('getOperation', 'GET', `${CALL}/operations/:operationId`, ({ callId, operationId }) => requests.getOperation(callId, operationId), (e, call, { ids }) => e.readOperation(call, ids.operationId)),
  // Operations: 200 with the operation running, a notification once it completes
  operation('playPrompt', `${CALL}/playPrompt`, 'playPromptOperation', ({ callId }, b) => requests.playPrompt(callId, b), { beta: ({ callId }, b) => beta.playPrompt(callId, b), media: 'service', run: prompting }),
  operation('recordResponse', `${CALL}/recordResponse`, 'recordOperation', ({ callId }, b) => requests.recordResponse(callId, b), { beta: ({ callId }, b) => beta.recordResponse(callId, b), run: recording, media: 'service' }),
  operation('sendDtmfTones', `${CALL}/sendDtmfTones`, 'sendDtmfTonesOperation', ({ callId }, b) => requests.sendDtmfTones(callId, b), { completion: { completionReason: 'completedSuccessfully' } }),
  // Graph's docs answer these `completed` (done by the answer), with no notification of their end.
  operation('subscribeToTone', `${CALL}/subscribeToTone`, 'subscribeToToneOperation', ({ callId }, b) => requests.subscribeToTone(callId, b), { atOnce: true, apply: (e, call, o) => e.subscribeToTone(call, o) }),
  operation('cancelMediaProcessing', `${CALL}/cancelMediaProcessing`, 'cancelMediaProcessingOperation', ({ callId }, b) => requests.cancelMediaProcessing(callId, b), {
    atOnce: true,
    apply: (e, call, o) => e.cancelMediaProcessing(call, o),
  }),
  operation('mute', `${CALL}/mute`, 'muteParticipantOperation', ({ callId }, b) => requests.mute(callId, b), muting(true, 'bot')),
  operation('unmute', `${CALL}/unmute`, 'unmuteParticipantOperation', ({ callId }, b) => requests.unmute(callId, b), muting(false, 'bot')),
  operation('updateRecordingStatus', `${CALL}/updateRecordingStatus`, 'updateRecordingStatusOperation', ({ callId }, b) => requests.updateRecordingStatus(callId, b), { atOnce: true }),
  // Graph answers this one 202, with the operation running ("call: addLargeGalleryView").
  operation('addLargeGalleryView', `${CALL}/addLargeGalleryView`, 'addLargeGalleryViewOperation', ({ callId }, b) => requests.addLargeGalleryView(callId, b), { status: 202 }),
  // Participants
  onCall('listParticipants', 'GET', PARTICIPANTS, ({ callId }) => requests.listParticipants(callId), (e, call) => e.listParticipants(call)),
  onCall('getParticipant', 'GET', PARTICIPANT, ({ callId, participantId }) => requests.getParticipant(callId, participantId), (e, call, { ids }) => e.readParticipant(call, ids.participantId)),
  onCall('removeParticipant', 'DELETE', PARTICIPANT, ({ callId, participantId }) => requests.removeParticipant(callId, participantId), (e, call, { ids }) => e.removeParticipant(call, ids.participantId)),
  operation('invite', `${PARTICIPANTS}/invite`, 'inviteParticipantsOperation', ({ callId }, b) => requests.invite(callId, b), { beta: ({ callId }, b) => beta.invite(callId, b) }),
  participantOperation('muteParticipant', `${PARTICIPANT}/mute`, 'muteParticipantOperation', ({ callId, participantId }, b) => requests.muteParticipant(callId, participantId, b), muting(true, 'participant')),
  // Graph answers these two 202, with the operation in the body.
  participantOperation('startHoldMusic', `${PARTICIPANT}/startHoldMusic`, 'startHoldMusicOperation', ({ callId, participantId }, b) => requests.startHoldMusic(callId, participantId, b), {
    beta: ({ callId, participantId }, b) => beta.startHoldMusic(callId, participantId, b),
    status: 202,
  }),
  participantOperation('stopHoldMusic', `${PARTICIPANT}/stopHoldMusic`, 'stopHoldMusicOperation', ({ callId, participantId }, b) => requests.stopHoldMusic(callId, participantId, b), { status: 202 }),
  // Audio routing groups and content-sharing sessions
  onCall('createAudioRoutingGroup', 'POST', `${CALL}/audioRoutingGroups`, ({ callId }, b) => requests.createAudioRoutingGroup(callId, b), (e, call, { body }) => e.audioRoutingGroups(call, { method: 'POST', body })),
  onCall('listAudioRoutingGroups', 'GET', `${CALL}/audioRoutingGroups`, ({ callId }) => requests.listAudioRoutingGroups(callId), (e, call) => e.audioRoutingGroups(call, { method: 'GET' })),
  onCall('getAudioRoutingGroup', 'GET', `${CALL}/audioRoutingGroups/:groupId`, ({ callId, groupId }) => requests.getAudioRoutingGroup(callId, groupId), (e, call, { ids }) => e.audioRoutingGroups(call, { method: 'GET', groupId: ids.groupId })),
  onCall('updateAudioRoutingGroup', 'PATCH', `${CALL}/audioRoutingGroups/:groupId`, ({ callId, groupId }, b) => requests.updateAudioRoutingGroup(callId, groupId, b), (e, call, { ids, body }) =>
    e.audioRoutingGroups(call, { method: 'PATCH', groupId: ids.groupId, body }),
  ),
  onCall('deleteAudioRoutingGroup', 'DELETE', `${CALL}/audioRoutingGroups/:groupId`, ({ callId, groupId }) => requests.deleteAudioRoutingGroup(callId, groupId), (e, call, { ids }) => e.audioRoutingGroups(call, { method: 'DELETE', groupId: ids.groupId })),
  onCall('listContentSharingSessions', 'GET', `${CALL}/contentSharingSessions`, ({ callId }) => requests.listContentSharingSessions(callId), (e, call) => e.readContentSharingSessions(call)),
  onCall('getContentSharingSession', 'GET', `${CALL}/contentSharingSessions/:sessionId`, ({ callId, sessionId }) => requests.getContentSharingSession(callId, sessionId), (e, call, { ids }) => e.readContentSharingSessions(call, ids.sessionId)),
  // Beta only
  betaOperation('record', `${CALL}/record`, 'recordOperation', ({ callId }, b) => beta.record(callId, b), { run: recording, media: 'service' }),
  betaOperation('startRecording', `${CALL}/startRecording`, 'startRecordingOperation', ({ callId }, b) => beta.startRecording(callId, b)),
  betaOperation('stopRecording', `${CALL}/stopRecording`, 'stopRecordingOperation', ({ callId }, b) => beta.stopRecording(callId, b)),
  betaOperation('startTranscription', `${CALL}/startTranscription`, 'startTranscriptionOperation', ({ callId }, b) => beta.startTranscription(callId, b)),
  betaOperation('stopTranscription', `${CALL}/stopTranscription`, 'stopTranscriptionOperation', ({ callId }, b) => beta.stopTranscription(callId, b)),
  betaOperation('admitFromLobby', `${PARTICIPANT}/admitFromLobby`, 'admitFromLobbyOperation', ({ callId, participantId }, b) => beta.admitFromLobby(callId, participantId, b)),
  betaOperation('removeFromLobby', `${PARTICIPANT}/removeFromLobby`, 'removeFromLobbyOperation', ({ callId, participantId }, b) => beta.removeFromLobby(callId, participantId, b)),
  betaOperation('admitAllFromLobby', `${PARTICIPANTS}/admitAllFromLobby`, 'admitAllFromLobbyOperation', ({ callId }, b) => beta.admitAllFromLobby(callId, b)),
  betaOperation('muteAll', `${PARTICIPANTS}/muteAll`, 'muteParticipantsOperation', ({ callId }, b) => beta.muteAll(callId, b)),
]
