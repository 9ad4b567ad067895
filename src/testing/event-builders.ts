import type { Participant, ResultInfo } from '../schemas/types.ts'
import { parseNotifications, type CallEventOf, type CallEventType } from '../notifications/index.ts'
import {
  buildCallStateNotification,
  buildContentSharingNotification,
  buildIncomingCallNotification,
  buildOperationNotification,
  buildParticipantsNotification,
  buildTerminatedNotification,
  type CommsNotificationsBody,
  type IncomingCallInit,
  type OperationNotificationInit,
} from './notification-builders.ts'

/** When and for whom an event was received, as the notification handler would say. */
export interface EventContext {
  /** When the notification arrived (`respondBy` counts from it). @default now */
  receivedAt?: Date | undefined
  /** The tenant a verified token named. */
  tenantId?: string | undefined
}

/**
 * The one event the parser reads from `body`. The events are made by the library's own parser from the
 * built notification, so they are exactly what a bot receives and can never drift from it.
 */
function parsedEvent<Type extends CallEventType>(body: CommsNotificationsBody, type: Type, context: EventContext): CallEventOf<Type> {
  const events = parseNotifications(body, {
    ...(context.receivedAt === undefined ? {} : { receivedAt: context.receivedAt }),
    ...(context.tenantId === undefined ? {} : { tenantId: context.tenantId }),
  })
  const [event] = events
  if (events.length !== 1 || event?.type !== type) throw new Error(`expected one ${type} event from the built notification, got ${events.map((e) => e.type).join(', ')}`)
  return event as CallEventOf<Type>
}

/** A `call.incoming` event, as the bot receives it for `buildIncomingCallNotification(init)`. */
export function buildIncomingCall(init: IncomingCallInit = {}, context: EventContext = {}): CallEventOf<'call.incoming'> {
  return parsedEvent(buildIncomingCallNotification(init), 'call.incoming', context)
}

/** A `call.establishing` event. */
export function buildCallEstablishing(callId: string, context: EventContext = {}): CallEventOf<'call.establishing'> {
  return parsedEvent(buildCallStateNotification(callId, 'establishing'), 'call.establishing', context)
}

/** A `call.established` event. */
export function buildCallEstablished(callId: string, context: EventContext = {}): CallEventOf<'call.established'> {
  return parsedEvent(buildCallStateNotification(callId, 'established'), 'call.established', context)
}

/** A `call.terminated` event, with why the call ended. */
export function buildCallTerminated(callId: string, resultInfo?: ResultInfo, context: EventContext = {}): CallEventOf<'call.terminated'> {
  return parsedEvent(buildTerminatedNotification(callId, resultInfo === undefined ? {} : { resultInfo }), 'call.terminated', context)
}

/** A `contentSharing.started` or `contentSharing.ended` event. */
export function buildContentSharing<Change extends 'started' | 'ended'>(
  callId: string,
  change: Change,
  sessionId?: string,
  context: EventContext = {},
): CallEventOf<`contentSharing.${Change}`> {
  return parsedEvent(buildContentSharingNotification(callId, change, sessionId), `contentSharing.${change}` as `contentSharing.${Change}`, context)
}

/** An `operation.completed` (or `.failed`, `.updated`, by `init.status`) event. */
export function buildOperation(callId: string, init: OperationNotificationInit, context: EventContext = {}): CallEventOf<'operation.completed' | 'operation.failed' | 'operation.updated'> {
  const status = init.status ?? 'completed'
  const type = status === 'completed' ? 'operation.completed' : status === 'failed' ? 'operation.failed' : 'operation.updated'
  return parsedEvent(buildOperationNotification(callId, init), type, context)
}

/** A `participants.updated` event with the roster. */
export function buildParticipantsUpdated(callId: string, participants: Participant[], context: EventContext = {}): CallEventOf<'participants.updated'> {
  return parsedEvent(buildParticipantsNotification(callId, participants), 'participants.updated', context)
}
