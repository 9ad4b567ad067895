/** `graph-calling/notifications`: turns Graph's callback POSTs into typed call events. */
export { NotificationError, NotificationParseError, NotificationAuthError } from '../errors.ts'
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
