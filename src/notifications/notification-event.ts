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

/** Graph's deadline to answer an incoming call. */
const ANSWER_WITHIN_MS = 15_000
/** The shorter one for policy-based recording: an invitation, and the join response to a participant joining. */
export const ANSWER_POLICY_RECORDING_WITHIN_MS = 5_000

const JOINING_TYPE = '#microsoft.graph.participantjoiningnotification'
const LEFT_TYPE = '#microsoft.graph.participantleftnotification'

const NO_ISSUES: readonly Issue[] = Object.freeze([])

/** What every item of one body shares. */
export interface BatchContext {
  /** When the body arrived, in ms since the epoch; read from `now` on first need (only incoming calls need it). */
  receivedAtMs: number | undefined
  readonly now: () => number | Date
  readonly tenantId: string | undefined
}

type Json = { [key: string]: any }

/** What the classifiers of one item need. */
interface ItemContext {
  readonly item: Json
  readonly index: number
  readonly changeType: string
  readonly resourceUrl: string
  readonly target: ResourceTarget | undefined
  readonly batch: BatchContext
}

// Parsing is synchronous and never re-entered, so one issue list and one path serve every item: an item's
// issues are copied out only when there are some, and the decoders leave the path as they found it.
const scratchIssues: Issue[] = []
const dataPath: (string | number)[] = ['value', 0, 'resourceData']

/**
 * Turns one item of `value[]` into its event: never throws and never returns nothing, so a batch always
 * gives one event per item; what does not fit goes on the event's `issues`, or makes it `unknown`.
 */
export function notificationEvent(item: unknown, index: number, batch: BatchContext): CallEvent {
  // Setting an array's length is slow even when it changes nothing, so only when it must.
  if (scratchIssues.length > 0) scratchIssues.length = 0
  if (dataPath.length !== 3) dataPath.length = 3
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    scratchIssues.push({ path: `$.value[${index}]`, message: 'expected a notification object' })
    return unknownEvent({ raw: item, reason: 'the notification is not an object' }, batch)
  }
  const json = item as Json
  const url = typeof json.resourceUrl === 'string' ? json.resourceUrl : typeof json.resource === 'string' ? json.resource : undefined
  if (url === undefined) scratchIssues.push({ path: `$.value[${index}].resourceUrl`, message: 'expected a string (or the legacy resource)' })
  let changeType: unknown = json.changeType
  if (changeType !== 'updated' && changeType !== 'created' && changeType !== 'deleted') {
    changeType = decodeChangeType(changeType, scratchIssues, ['value', index, 'changeType'])
  }
  const target = url === undefined ? undefined : resourceTarget(url)
  if (url === undefined || typeof changeType !== 'string') {
    const reason = url === undefined ? 'the notification has no resourceUrl' : 'the notification has no changeType'
    const known = typeof changeType === 'string' ? changeType : undefined
    return unknownEvent({ raw: json, callId: target?.callId, resourceUrl: url, changeType: known, reason }, batch)
  }
  const context: ItemContext = { item: json, index, changeType, resourceUrl: url, target, batch }
  // Only an object `resourceData`, or an array led by one, can be a policy-based recording notification;
  // checking it here spares every other item a call. On a roster's URL, only an array of one can be one
  // (a joining notification must be answered within 5 s); a longer array is a list of participants.
  // An item without `resourceData` (content sharing, as Graph sends it) pays one check for all of this:
  // measured, 20 instructions fewer than the two type checks it skips.
  const data: unknown = json.resourceData
  if (data !== undefined) {
    if (isObject(data)) {
      const policyEvent = policyNotificationEvent(context, data)
      if (policyEvent) return policyEvent
    } else if (Array.isArray(data) && (target?.kind !== 'participants' || data.length === 1) && isObject(data[0])) {
      const policyEvent = policyNotificationEvent(context, data[0])
      if (policyEvent) return policyEvent
    }
  }
  if (!target) return unknownOf(context, `the resourceUrl names no call: ${url}`)
  switch (target.kind) {
    case 'call':
      return callEvent(context, target.callId)
    // Before the roster and the operations: content sharing's bodies are the smallest, where each
    // instruction weighs most against the JSON parse.
    case 'contentSharingSession':
      return contentSharingEvent(context, target)
    case 'participants':
      return participantsEvent(context, target)
    case 'operation':
      return operationEvent(context, target)
    default:
      return unknownOf(context, `no event for notifications about ${target.collection}`)
  }
}

// Each event is one object literal with all its fields, the common ones first and in one order: V8 then
// gives it its final shape at once, where adding fields to a shared draft made every event grow a store.
function callEvent(context: ItemContext, callId: string): CallEvent {
  const { item, changeType } = context
  const data = enterResource(item.resourceData, 'call', context.index)
  let call: Json = {}
  if (isObject(data)) call = decodeCall(data, scratchIssues, dataPath) as Json
  else if (data != null || changeType !== 'deleted') issue('expected a call object')
  leaveResource()
  const state = call.state
  if (changeType === 'deleted' || state === 'terminated') {
    const { resourceUrl, batch } = context
    const resultInfo = objectOrUndefined(call.resultInfo)
    return {
      type: 'call.terminated', callId, changeType, resourceUrl, tenantId: batch.tenantId, issues: issuesSoFar(), raw: item,
      call, resultInfo
    } as CallEvent
  }
  let type: CallEvent['type'] = 'call.updated'
  if (state === 'incoming' && changeType === 'created') type = 'call.incoming'
  else if (state === 'establishing') type = 'call.establishing'
  // A tone, media going inactive, or the failure of an action (a transfer: `resultInfo` with an error code)
  // comes with the call still `established`: an update, not a new state.
  else if (state === 'established' && call.toneInfo == null && call.mediaState?.audio !== 'inactive' && !(call.resultInfo?.code >= 400)) type = 'call.established'
  const { resourceUrl, batch } = context
  if (type !== 'call.incoming') {
    return { type, callId, changeType, resourceUrl, tenantId: batch.tenantId, issues: issuesSoFar(), raw: item, call } as CallEvent
  }
  const isPolicyBasedRecording = isPolicyBasedRecordingInvite(call)
  const respondBy = new Date(receivedAtMsOf(batch) + (isPolicyBasedRecording ? ANSWER_POLICY_RECORDING_WITHIN_MS : ANSWER_WITHIN_MS))
  return {
    type, callId, changeType, resourceUrl, tenantId: batch.tenantId, issues: issuesSoFar(), raw: item,
    call, respondBy, isPolicyBasedRecording
  } as CallEvent
}

function participantsEvent(context: ItemContext, target: ResourceTarget): CallEvent {
  const data: unknown = context.item.resourceData
  dataPath[1] = context.index
  const participants: Json[] = []
  if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) {
      dataPath.push(i)
      if (isObject(data[i])) participants.push(decodeParticipant(data[i], scratchIssues, dataPath) as Json)
      else issue('expected a participant object')
      dataPath.pop()
    }
  } else if (isObject(data)) {
    participants.push(decodeParticipant(data, scratchIssues, dataPath) as Json)
  } else if (data != null || context.changeType !== 'deleted') {
    issue('expected an array of participants')
  }
  const { item, changeType, resourceUrl, batch } = context
  const participantId = target.childId
  return {
    type: 'participants.updated', callId: target.callId, changeType, resourceUrl, tenantId: batch.tenantId, issues: issuesSoFar(), raw: item,
    participants, participantId
  } as CallEvent
}

function operationEvent(context: ItemContext, target: ResourceTarget): CallEvent {
  const data = enterResource(context.item.resourceData, 'operation', context.index)
  let operation: Json = {}
  if (isObject(data)) operation = decodeCommsOperation(data, scratchIssues, dataPath) as Json
  else issue('expected an operation object')
  leaveResource()
  const status = typeof operation.status === 'string' ? operation.status : undefined
  const type = status === 'Completed' ? 'operation.completed' : status === 'Failed' ? 'operation.failed' : 'operation.updated'
  const { item, changeType, resourceUrl, batch } = context
  const clientContext = typeof operation.clientContext === 'string' ? operation.clientContext : undefined
  const resultInfo = objectOrUndefined(operation.resultInfo)
  const operationId = target.childId!
  return {
    type, callId: target.callId, changeType, resourceUrl, tenantId: batch.tenantId, issues: issuesSoFar(), raw: item,
    operationId, operation, status, clientContext, resultInfo
  } as CallEvent
}

function contentSharingEvent(context: ItemContext, target: ResourceTarget): CallEvent {
  const { item, changeType } = context
  let session: Json | undefined
  // Graph names the session in the URL and sends no `resourceData`, which then costs nothing to read.
  if (item.resourceData !== undefined) {
    const data = enterResource(item.resourceData, 'content-sharing session', context.index)
    if (isObject(data)) session = decodeContentSharingSession(data, scratchIssues, dataPath) as Json
    else if (data != null) issue('expected a content-sharing session object')
    leaveResource()
  }
  const type = changeType === 'created' ? 'contentSharing.started' : changeType === 'deleted' ? 'contentSharing.ended' : 'contentSharing.updated'
  const { resourceUrl, batch } = context
  // A notification about the sessions collection names its session in `resourceData` only.
  const sessionId = target.childId ?? (typeof session?.id === 'string' ? session.id : undefined)
  if (sessionId === undefined) return unknownOf(context, 'the content-sharing notification names no session')
  return {
    type, callId: target.callId, changeType, resourceUrl, tenantId: batch.tenantId, issues: issuesSoFar(), raw: item,
    sessionId, session
  } as CallEvent
}

/**
 * Policy-based recording's joining and left notifications, told apart by their `@odata.type`; `data` is the
 * `resourceData` object, or the first element when Graph sent an array.
 */
function policyNotificationEvent(context: ItemContext, data: Json): CallEvent | undefined {
  const odataType = data['@odata.type']
  // Only a string as long as one of the two names is worth lowercasing.
  if (typeof odataType !== 'string' || (odataType.length !== JOINING_TYPE.length && odataType.length !== LEFT_TYPE.length)) return undefined
  const lower = odataType.toLowerCase()
  // `data` already is the element: entering the resource only moves the path onto it and notes any others.
  if (lower === JOINING_TYPE) {
    enterResource(context.item.resourceData, 'participant joining notification', context.index)
    const notification = decodeParticipantJoiningNotification(data, scratchIssues, dataPath) as Json
    leaveResource()
    const callId = callIdOf(context, notification)
    const { item, changeType, resourceUrl, batch } = context
    return {
      type: 'participant.joining', callId, changeType, resourceUrl, tenantId: batch.tenantId, issues: issuesSoFar(), raw: item,
      notification
    } as CallEvent
  }
  if (lower === LEFT_TYPE) {
    enterResource(context.item.resourceData, 'participant left notification', context.index)
    const notification = decodeParticipantLeftNotification(data, scratchIssues, dataPath) as Json
    leaveResource()
    const callId = callIdOf(context, notification)
    const participantId = typeof notification.participantId === 'string' ? notification.participantId : undefined
    const { item, changeType, resourceUrl, batch } = context
    return {
      type: 'participant.left', callId, changeType, resourceUrl, tenantId: batch.tenantId, issues: issuesSoFar(), raw: item,
      notification, participantId
    } as CallEvent
  }
  return undefined
}

/** The call a policy notification is about: its URL's, else its own call's id. */
function callIdOf(context: ItemContext, notification: Json): string {
  if (context.target) return context.target.callId
  const id = notification.call?.id
  if (typeof id === 'string') return id
  scratchIssues.push({ path: `$.value[${context.index}].resourceUrl`, message: 'expected a URL naming the call (/communications/calls/{id})' })
  return ''
}

/**
 * The one resource of a notification about a single resource: Graph sends `resourceData` as the object or
 * as an array of it. Of an array the first element is read, with the path moved onto it (`resourceData[0]`)
 * until `leaveResource`; more than one is an issue, and an empty array reads as no resource at all.
 */
function enterResource(data: unknown, what: string, index: number): unknown {
  // The item's index goes on the path only here, when a resource is read: an item without one never pays for it.
  dataPath[1] = index
  // The object, as nearly every notification sends it, costs only this check.
  if (!Array.isArray(data)) return data
  if (data.length > 1) issue(`expected one ${what}, got an array of ${data.length}; the first is used`)
  if (data.length === 0) return undefined
  dataPath.push(0)
  return data[0]
}

/** Moves the path back off the array element `enterResource` moved it onto, if it did. */
function leaveResource(): void {
  if (dataPath.length > 3) dataPath.pop()
}

/** Records an issue about the `resourceData` being read. */
function issue(message: string): void {
  scratchIssues.push({ path: jsonPath(dataPath), message })
}

/** The item's issues: a copy when there are some (the scratch list is reused), else one shared empty list. */
function issuesSoFar(): readonly Issue[] {
  return scratchIssues.length > 0 ? scratchIssues.slice() : NO_ISSUES
}

function unknownOf(context: ItemContext, reason: string): UnknownEvent {
  const { item, target, resourceUrl, changeType, batch } = context
  return unknownEvent({ raw: item, callId: target?.callId, resourceUrl, changeType, reason }, batch)
}

/** What is known of an item that fits no event. */
interface UnknownFields {
  readonly raw: unknown
  readonly reason: string
  readonly callId?: string | undefined
  readonly resourceUrl?: string | undefined
  readonly changeType?: string | undefined
}

function unknownEvent(fields: UnknownFields, batch: BatchContext): UnknownEvent {
  return {
    type: 'unknown',
    callId: fields.callId,
    changeType: fields.changeType,
    resourceUrl: fields.resourceUrl,
    tenantId: batch.tenantId,
    issues: issuesSoFar(),
    raw: fields.raw,
    reason: fields.reason,
    resourceData: isObject(fields.raw) ? fields.raw.resourceData : undefined,
  }
}

function receivedAtMsOf(batch: BatchContext): number {
  if (batch.receivedAtMs === undefined) {
    const now = batch.now()
    batch.receivedAtMs = typeof now === 'number' ? now : now.getTime()
  }
  return batch.receivedAtMs
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function objectOrUndefined(value: unknown): Json | undefined {
  return isObject(value) ? value : undefined
}
