/** `graph-calling/web`: a notification handler for Web-standard `Request`/`Response` servers. */
import { authenticatorFor, type NotificationVerifyOptions } from './web/authenticate.ts'
import { handleNotificationsWith, type NotificationHandlerHooks, type NotificationRequestHandler } from './web/notification-handler.ts'

export { NotificationError, NotificationParseError, NotificationAuthError, ValidationError } from '../errors.ts'
export type { CallEvent, CallEventType, CallEventOf, ParticipantJoiningEvent } from '../notifications/call-event.ts'
export type { NotificationHandlerHooks, NotificationRequestHandler, ParticipantJoiningResponse, RequestContext } from './web/notification-handler.ts'
export type { NotificationVerifyOptions } from './web/authenticate.ts'

/** Options of `createNotificationHandler`. */
export interface NotificationHandlerOptions extends NotificationHandlerHooks {
  /** The bot's Microsoft app id (or several, when one endpoint serves several bots): the tokens' audience. */
  appId: string | readonly string[]
  /**
   * How Graph's bearer token is verified; `false` turns verification off (only behind authentication of
   * your own: anyone could post calls to the bot).
   * @default {} (verify with Graph's published keys)
   */
  verify?: false | NotificationVerifyOptions | undefined
}

/**
 * Creates the handler of the POSTs Graph sends to the bot's callback URL: verifies the bearer token, parses
 * the body into typed events, hands each to `onEvent` and answers 202 at once (the app's own async work runs
 * after; on a serverless host, pass the request's context with its `waitUntil` as the second argument). Errors answer with `application/problem+json`: 400 (with the JSON paths at fault), 401, 405, 413
 * and 415. For policy-based recording, a join response from `onEvent` or `onParticipantJoining` is sent back
 * with 200. Throws a `ValidationError` for a `maxBytes` or `participantJoiningTimeoutMs` it cannot keep.
 */
export function createNotificationHandler(options: NotificationHandlerOptions): NotificationRequestHandler {
  return handleNotificationsWith(authenticatorFor(options.appId, options.verify ?? {}), options)
}
