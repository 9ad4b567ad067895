/** `graph-calling/notifications`: turns Graph's callback POSTs into typed call events. */
export { NotificationError, NotificationParseError, NotificationAuthError } from '../errors.ts'
export type { NotificationAuthReason, Issue } from '../errors.ts'
