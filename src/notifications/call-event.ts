/**
 * The typed events `parseNotifications` turns Graph's `commsNotifications` into: a union discriminated on
 * `type`, one event per notification item.
 */
import type { Issue } from '../errors.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { Call, ChangeType, CommsOperation, ContentSharingSession, OperationStatus, Participant, ParticipantJoiningNotification, ParticipantLeftNotification, ResultInfo } from '../schemas/types.generated.ts'

/** One item of a `commsNotifications` body's `value` array, exactly as Graph sent it. */
export type NotificationItem = { readonly [key: string]: unknown }

/** What every event carries besides its own payload. */
export interface CallEventBase<Type extends string> {
  /** What happened; `switch` on it to narrow the event. */
  readonly type: Type
  /** The id of the call the notification is about (from `resourceUrl`). */
  readonly callId: string
  /** Graph's `changeType`: `created`, `updated` or `deleted` (any casing canonicalised). */
  readonly changeType: Inbound<ChangeType>
  /** The resource the notification is about (`resourceUrl`, or the legacy `resource` when it is missing). */
  readonly resourceUrl: string
  /** The tenant a verified token named, when the handler verified one. */
  readonly tenantId: string | undefined
  /** What did not decode as its schema says, by JSON path in the body; the event is still delivered. */
  readonly issues: readonly Issue[]
  /** The untouched notification item. */
  readonly raw: NotificationItem
}

/** A new call for the bot to answer, reject or redirect before `respondBy`. */
export interface CallIncomingEvent extends CallEventBase<'call.incoming'> {
  /** The call resource (`resourceData`). */
  readonly call: Inbound<Call>
  /** The time by which Graph expects an answer: 15 s after receipt, 5 s for policy-based recording. */
  readonly respondBy: Date
  /** The bot is invited as a policy-based (compliance) recorder. */
  readonly isPolicyBasedRecording: boolean
}

/** The call is being set up (after answering, or for an outgoing call). */
export interface CallEstablishingEvent extends CallEventBase<'call.establishing'> {
  /** The call resource (`resourceData`). */
  readonly call: Inbound<Call>
}

/** The call is up: media flows and mid-call actions are possible. */
export interface CallEstablishedEvent extends CallEventBase<'call.established'> {
  /** The call resource (`resourceData`). */
  readonly call: Inbound<Call>
}

/** Any other change of the call: hold, transfer, redirect, terminating, a tone, a media-state change. */
export interface CallUpdatedEvent extends CallEventBase<'call.updated'> {
  /** The call resource (`resourceData`; `{}` when Graph sent none). */
  readonly call: Inbound<Call>
}

/** The call ended (a deleted call, or a call in state `terminated`). */
export interface CallTerminatedEvent extends CallEventBase<'call.terminated'> {
  /** The call resource (`resourceData`; `{}` when Graph sent none). */
  readonly call: Inbound<Call>
  /** Why the call ended, when Graph said. */
  readonly resultInfo: Inbound<ResultInfo> | undefined
}

/** What the content-sharing events carry. */
interface ContentSharingPayload {
  /** The id of the content-sharing session: from `resourceUrl`, else (a URL naming the sessions collection) from `resourceData`. */
  readonly sessionId: string
  /** The session resource, when Graph sent one (it usually does not). */
  readonly session: Inbound<ContentSharingSession> | undefined
}

/** Someone started sharing content (screen sharing) in the call. */
export interface ContentSharingStartedEvent extends CallEventBase<'contentSharing.started'>, ContentSharingPayload {}
/** A content-sharing session changed. */
export interface ContentSharingUpdatedEvent extends CallEventBase<'contentSharing.updated'>, ContentSharingPayload {}
/** A content-sharing session ended. */
export interface ContentSharingEndedEvent extends CallEventBase<'contentSharing.ended'>, ContentSharingPayload {}

/** The roster changed: participants joined, changed (muted, in lobby, ...) or left. */
export interface ParticipantsUpdatedEvent extends CallEventBase<'participants.updated'> {
  /** The participants Graph sent (`resourceData`, always as an array). */
  readonly participants: Inbound<Participant>[]
  /** The participant the `resourceUrl` names, when it names one (`.../participants/{id}`). */
  readonly participantId: string | undefined
}

/** What the operation events carry. */
interface OperationPayload {
  /** The id of the operation (from `resourceUrl`). */
  readonly operationId: string
  /** The operation resource, told apart by `@odata.type` (`#microsoft.graph.playPromptOperation`, ...). */
  readonly operation: Inbound<CommsOperation>
  /** The operation's `status`, canonicalised (`Completed`, `Failed`, `Running`, `NotStarted`). */
  readonly status: Inbound<OperationStatus> | undefined
  /** The `clientContext` the bot sent with the action that started the operation. */
  readonly clientContext: string | undefined
  /** The operation's outcome (`code`, `subcode`, `message`), when Graph sent it. */
  readonly resultInfo: Inbound<ResultInfo> | undefined
}

/** An operation (playPrompt, recordResponse, invite, mute, ...) completed. */
export interface OperationCompletedEvent extends CallEventBase<'operation.completed'>, OperationPayload {}
/** An operation failed; `resultInfo` says why. */
export interface OperationFailedEvent extends CallEventBase<'operation.failed'>, OperationPayload {}
/** An operation changed without finishing (or finished with no status Graph named). */
export interface OperationUpdatedEvent extends CallEventBase<'operation.updated'>, OperationPayload {}

/**
 * Policy-based recording: a participant under the policy is about to join. Answer in the HTTP response
 * with a join response (see the handler's `onParticipantJoining`).
 */
export interface ParticipantJoiningEvent extends CallEventBase<'participant.joining'> {
  /** The `participantJoiningNotification` (`resourceData`), with the joining call. */
  readonly notification: Inbound<ParticipantJoiningNotification>
}

/** Policy-based recording: a participant under the policy left. */
export interface ParticipantLeftEvent extends CallEventBase<'participant.left'> {
  /** The `participantLeftNotification` (`resourceData`). */
  readonly notification: Inbound<ParticipantLeftNotification>
  /** The id of the participant who left. */
  readonly participantId: string | undefined
}

/** A notification this library has no event for, or one too malformed to classify; nothing is dropped. */
export interface UnknownEvent extends Omit<CallEventBase<'unknown'>, 'callId' | 'changeType' | 'resourceUrl' | 'raw'> {
  /** The call id, when `resourceUrl` names a call. */
  readonly callId: string | undefined
  /** Graph's `changeType`, when it is a string. */
  readonly changeType: Inbound<ChangeType> | undefined
  /** `resourceUrl` (or `resource`), when it is a string. */
  readonly resourceUrl: string | undefined
  /** Why no other event fits, in words. */
  readonly reason: string
  /** `resourceData` as Graph sent it. */
  readonly resourceData: unknown
  /** The untouched notification item (which may not even be an object). */
  readonly raw: unknown
}

/** Every event `parseNotifications` returns; `switch (event.type)` narrows it. */
export type CallEvent =
  | CallIncomingEvent
  | CallEstablishingEvent
  | CallEstablishedEvent
  | CallUpdatedEvent
  | CallTerminatedEvent
  | ContentSharingStartedEvent
  | ContentSharingUpdatedEvent
  | ContentSharingEndedEvent
  | ParticipantsUpdatedEvent
  | OperationCompletedEvent
  | OperationFailedEvent
  | OperationUpdatedEvent
  | ParticipantJoiningEvent
  | ParticipantLeftEvent
  | UnknownEvent

/** The `type` of every event. */
export type CallEventType = CallEvent['type']

/** The event of one `type`: `CallEventOf<'call.incoming'>` is `CallIncomingEvent`. */
export type CallEventOf<T extends CallEventType> = Extract<CallEvent, { type: T }>
