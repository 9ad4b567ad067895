/** `graph-calling/notifications`: turns Graph's callback POSTs into typed call events. */
export { NotificationError, NotificationParseError, NotificationAuthError, ValidationError } from '../errors.ts'
export type { NotificationAuthReason, Issue } from '../errors.ts'
export {
  createNotificationTokenVerifier,
  verifyNotificationToken,
  GRAPH_NOTIFICATION_ISSUERS,
  GRAPH_OPENID_CONFIGURATION_URL,
} from './verify/index.ts'
export type {
  KeyFetch,
  NotificationTokenClaims,
  NotificationTokenVerifier,
  VerifiedNotificationToken,
  VerifyNotificationTokenOptions,
} from './verify/index.ts'
export { parseNotifications, type ParseNotificationsOptions } from './parse-notifications.ts'
export { DEFAULT_MAX_NOTIFICATION_BYTES } from './read-notification-body.ts'
export { createCallTracker, type CallTracker, type CallTrackerOptions, type TrackedCall, type ApplyResult } from './call-tracker.ts'
export type { CallStateWaitOptions } from './state-waits.ts'
export type { WaitClock } from './wait-timeout.ts'
export type {
  CallEvent,
  CallEventBase,
  CallEventOf,
  CallEventType,
  CallIncomingEvent,
  CallEstablishingEvent,
  CallEstablishedEvent,
  CallUpdatedEvent,
  CallTerminatedEvent,
  ContentSharingStartedEvent,
  ContentSharingUpdatedEvent,
  ContentSharingEndedEvent,
  ParticipantsUpdatedEvent,
  OperationCompletedEvent,
  OperationFailedEvent,
  OperationUpdatedEvent,
  ParticipantJoiningEvent,
  ParticipantLeftEvent,
  UnknownEvent,
  NotificationItem,
} from './call-event.ts'
export {
  createOperationWaiter,
  type OperationWaiter,
  type OperationWaiterClock,
  type OperationWaiterOptions,
  type OperationWaitOptions,
  type OperationRef,
} from './operation-waiter.ts'
export type { OperationOutcome, OperationFinishedOutcome, OperationCallEndedOutcome } from './operation-outcome.ts'
