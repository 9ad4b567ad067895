/** `graph-calling/web`: a notification handler for Web-standard `Request`/`Response` servers. */
export { NotificationError, NotificationParseError, NotificationAuthError } from '../errors.ts'
