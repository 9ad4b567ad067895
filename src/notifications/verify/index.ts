/** Verification of the bearer token Graph signs every notification with. */
export { createNotificationTokenVerifier, verifyNotificationToken, type NotificationTokenVerifier } from './token-verifier.ts'
export type { NotificationTokenClaims, VerifiedNotificationToken } from './check-claims.ts'
export {
  GRAPH_NOTIFICATION_ISSUERS,
  GRAPH_OPENID_CONFIGURATION_URL,
  type KeyFetch,
  type VerifyNotificationTokenOptions,
} from './verify-options.ts'
