/** `graph-calling/node`: the notification handler as a `node:http` request listener. */
export { NotificationError, NotificationParseError, NotificationAuthError } from '../errors.ts'
