import type { Issue } from '../errors.ts'
import type { CallEvent, NotificationItem, UnknownEvent } from './call-event.ts'
import {
  decodeCall,
  decodeChangeType,
  decodeCommsOperation,
  decodeContentSharingSession,
  decodeParticipant,
  decodeParticipantJoiningNotification,
  decodeParticipantLeftNotification,
} from './decoders.generated.ts'
import { jsonPath } from './json-path.ts'
import { isPolicyBasedRecordingInvite } from './policy-based-recording.ts'
import { resourceTarget, type ResourceTarget } from './resource-target.ts'

/** Graph's deadline to answer an incoming call, and the shorter one for policy-based recording. */
const ANSWER_WITHIN_MS = 15_000
const ANSWER_POLICY_RECORDING_WITHIN_MS = 5_000

const JOINING_TYPE = '#microsoft.graph.participantjoiningnotification'
const LEFT_TYPE = '#microsoft.graph.participantleftnotification'

const NO_ISSUES: readonly Issue[] = Object.freeze([])

/** What every item of one body shares. */
export interface BatchContext {
  readonly receivedAt: Date
  readonly tenantId: string | undefined
}

type Json = { [key: string]: any }

/** What the classifiers of one item need, and where they put its issues. */
interface ItemContext {
  readonly item: Json
  readonly index: number
  readonly changeType: string
  readonly resourceUrl: string
  readonly target: ResourceTarget | undefined
  readonly batch: BatchContext
  readonly issues: Issue[]
}

/**
 * Turns one item of `value[]` into its event: never throws and never returns nothing, so a batch always
 * gives one event per item; what does not fit goes on the event's `issues`, or makes it `unknown`.
 */
export function notificationEvent(item: unknown, index: number, batch: BatchContext): CallEvent {
  const issues: Issue[] = []
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    issues.push({ path: `$.value[${index}]`, message: 'expected a notification object' })
    return unknownEvent({ raw: item, reason: 'the notification is not an object' }, batch, issues)
  }
  const json = item as Json
  const url = typeof json.resourceUrl === 'string' ? json.resourceUrl : typeof json.resource === 'string' ? json.resource : undefined
  if (url === undefined) issues.push({ path: `$.value[${index}].resourceUrl`, message: 'expected a string (or the legacy resource)' })
  const changeType = decodeChangeType(json.changeType, issues, ['value', index, 'changeType'])
  const target = url === undefined ? undefined : resourceTarget(url)
  if (url === undefined || typeof changeType !== 'string') {
    const why = url === undefined ? 'the notification has no resourceUrl' : 'the notification has no changeType'
    const known = { raw: json, callId: target?.callId, resourceUrl: url, changeType: typeof changeType === 'string' ? changeType : undefined }
    return unknownEvent({ ...known, reason: why }, batch, issues)
  }
  const context: ItemContext = { item: json, index, changeType, resourceUrl: url, target, batch, issues }
  const policyEvent = policyNotificationEvent(context)
  if (policyEvent) return policyEvent
  if (!target) return unknownOf(context, `the resourceUrl names no call: ${url}`)
  switch (target.kind) {
    case 'call':
      return callEvent(context, target.callId)
    case 'participants':
      return participantsEvent(context, target)
    case 'operation':
      return operationEvent(context, target)
    case 'contentSharingSession':
      return contentSharingEvent(context, target)
    default:
      return unknownOf(context, `no event for notifications about ${target.collection}`)
  }
}

function callEvent(context: ItemContext, callId: string): CallEvent {
  const { item, changeType, issues } = context
  const at = ['value', context.index, 'resourceData']
  let data: unknown = item.resourceData
  if (Array.isArray(data)) {
    if (data.length > 1) issues.push({ path: jsonPath(at), message: `expected one call, got an array of ${data.length}; the first is used` })
    at.push(0)
    data = data[0]
  }
  let call: Json = {}
  if (isObject(data)) call = decodeCall(data, issues, at) as Json
  else if (data != null || changeType !== 'deleted') issues.push({ path: jsonPath(at), message: 'expected a call object' })
  const base = baseOf(context, callId)
  const state = call.state
  if (changeType === 'deleted' || state === 'terminated') {
    return { type: 'call.terminated', ...base, call, resultInfo: objectOrUndefined(call.resultInfo) }
  }
  if (state === 'incoming' && changeType === 'created') {
    const isPolicyBasedRecording = isPolicyBasedRecordingInvite(call)
    const respondBy = new Date(context.batch.receivedAt.getTime() + (isPolicyBasedRecording ? ANSWER_POLICY_RECORDING_WITHIN_MS : ANSWER_WITHIN_MS))
    return { type: 'call.incoming', ...base, call, respondBy, isPolicyBasedRecording }
  }
  if (state === 'establishing') return { type: 'call.establishing', ...base, call }
  // A tone or a media going inactive comes with the call still `established`: an update, not a new state.
  if (state === 'established' && call.toneInfo == null && call.mediaState?.audio !== 'inactive') {
    return { type: 'call.established', ...base, call }
  }
  return { type: 'call.updated', ...base, call }
}

function participantsEvent(context: ItemContext, target: ResourceTarget): CallEvent {
  const { item, issues } = context
  const data: unknown = item.resourceData
  const participants: Json[] = []
  const at = ['value', context.index, 'resourceData']
  if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) {
      if (isObject(data[i])) participants.push(decodeParticipant(data[i], issues, [...at, i]) as Json)
      else issues.push({ path: jsonPath([...at, i]), message: 'expected a participant object' })
    }
  } else if (isObject(data)) {
    participants.push(decodeParticipant(data, issues, at) as Json)
  } else if (data != null || context.changeType !== 'deleted') {
    issues.push({ path: jsonPath(at), message: 'expected an array of participants' })
  }
  return { type: 'participants.updated', ...baseOf(context, target.callId), participants, participantId: target.childId }
}

function operationEvent(context: ItemContext, target: ResourceTarget): CallEvent {
  const { item, issues } = context
  const at = ['value', context.index, 'resourceData']
  let operation: Json = {}
  if (isObject(item.resourceData)) operation = decodeCommsOperation(item.resourceData, issues, at) as Json
  else issues.push({ path: jsonPath(at), message: 'expected an operation object' })
  const status = typeof operation.status === 'string' ? operation.status : undefined
  const payload = {
    ...baseOf(context, target.callId),
    operationId: target.childId!,
    operation,
    status,
    clientContext: typeof operation.clientContext === 'string' ? operation.clientContext : undefined,
    resultInfo: objectOrUndefined(operation.resultInfo),
  }
  if (status === 'Completed') return { type: 'operation.completed', ...payload }
  if (status === 'Failed') return { type: 'operation.failed', ...payload }
  return { type: 'operation.updated', ...payload }
}

function contentSharingEvent(context: ItemContext, target: ResourceTarget): CallEvent {
  const { item, issues, changeType } = context
  const data: unknown = item.resourceData
  let session: Json | undefined
  if (isObject(data)) session = decodeContentSharingSession(data, issues, ['value', context.index, 'resourceData']) as Json
  else if (data != null) issues.push({ path: `$.value[${context.index}].resourceData`, message: 'expected a content-sharing session object' })
  const payload = { ...baseOf(context, target.callId), sessionId: target.childId!, session }
  if (changeType === 'created') return { type: 'contentSharing.started', ...payload }
  if (changeType === 'deleted') return { type: 'contentSharing.ended', ...payload }
  return { type: 'contentSharing.updated', ...payload }
}

/** Policy-based recording's joining and left notifications, told apart by their `@odata.type`. */
function policyNotificationEvent(context: ItemContext): CallEvent | undefined {
  const data: unknown = context.item.resourceData
  if (!isObject(data)) return undefined
  const odataType = (data as Json)['@odata.type']
  if (typeof odataType !== 'string' || odataType.length < LEFT_TYPE.length) return undefined
  const lower = odataType.toLowerCase()
  const at = ['value', context.index, 'resourceData']
  if (lower === JOINING_TYPE) {
    const notification = decodeParticipantJoiningNotification(data, context.issues, at) as Json
    return { type: 'participant.joining', ...baseOf(context, callIdOf(context, notification)), notification }
  }
  if (lower === LEFT_TYPE) {
    const notification = decodeParticipantLeftNotification(data, context.issues, at) as Json
    const participantId = typeof notification.participantId === 'string' ? notification.participantId : undefined
    return { type: 'participant.left', ...baseOf(context, callIdOf(context, notification)), notification, participantId }
  }
  return undefined
}

/** The call a policy notification is about: its URL's, else its own call's id. */
function callIdOf(context: ItemContext, notification: Json): string {
  if (context.target) return context.target.callId
  const id = notification.call?.id
  if (typeof id === 'string') return id
  context.issues.push({ path: `$.value[${context.index}].resourceUrl`, message: 'expected a URL naming the call (/communications/calls/{id})' })
  return ''
}

function baseOf(context: ItemContext, callId: string) {
  return {
    callId,
    changeType: context.changeType,
    resourceUrl: context.resourceUrl,
    receivedAt: context.batch.receivedAt,
    tenantId: context.batch.tenantId,
    issues: context.issues.length > 0 ? context.issues : NO_ISSUES,
    raw: context.item as NotificationItem,
  }
}

function unknownOf(context: ItemContext, reason: string): UnknownEvent {
  const { item, target, resourceUrl, changeType, batch, issues } = context
  return unknownEvent({ raw: item, callId: target?.callId, resourceUrl, changeType, reason }, batch, issues)
}

/** What is known of an item that fits no event. */
interface UnknownFields {
  readonly raw: unknown
  readonly reason: string
  readonly callId?: string | undefined
  readonly resourceUrl?: string | undefined
  readonly changeType?: string | undefined
}

function unknownEvent(fields: UnknownFields, batch: BatchContext, issues: Issue[]): UnknownEvent {
  return {
    type: 'unknown',
    callId: fields.callId,
    changeType: fields.changeType,
    resourceUrl: fields.resourceUrl,
    receivedAt: batch.receivedAt,
    tenantId: batch.tenantId,
    issues: issues.length > 0 ? issues : NO_ISSUES,
    raw: fields.raw,
    reason: fields.reason,
    resourceData: isObject(fields.raw) ? (fields.raw as Json).resourceData : undefined,
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function objectOrUndefined(value: unknown): Json | undefined {
  return isObject(value) ? value : undefined
}
