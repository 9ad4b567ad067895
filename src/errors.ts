/**
 * The error hierarchy of graph-calling. Every error the library throws is a `GraphCallingError`; none of
 * them ever holds a token, an `Authorization` header or a client secret.
 */

/** One problem with a value, located by its JSON path (`$.mediaConfig.blob`). */
export interface Issue {
  /** JSON path of the offending field, `$` for the value itself. */
  readonly path: string
  /** What was expected there, in words. */
  readonly message: string
}

/** Base class of every error graph-calling throws. */
export class GraphCallingError extends Error {
  override name = 'GraphCallingError'
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
  }
}

function listIssues(issues: readonly Issue[]): string {
  const shown = issues.slice(0, 10).map((i) => `${i.path}: ${i.message}`)
  if (issues.length > 10) shown.push(`... and ${issues.length - 10} more`)
  return shown.join('; ')
}

/** Parameters that would make a bad request, found before any network I/O. */
export class ValidationError extends GraphCallingError {
  override name = 'ValidationError'
  /** Every problem found, each with its JSON path. */
  readonly issues: readonly Issue[]
  constructor(what: string, issues: readonly Issue[]) {
    super(`Invalid ${what}: ${listIssues(issues)}`)
    this.issues = issues
  }
}

/** What Graph said when it answered with a status of 400 or more. */
export interface GraphApiErrorInit {
  status: number
  code?: string | undefined
  graphMessage?: string | undefined
  requestId?: string | undefined
  clientRequestId?: string | undefined
  date?: string | undefined
  retryAfterMs?: number | undefined
  body?: unknown
  headers?: Record<string, string> | undefined
}

/** Graph answered with an error status (400 or more). */
export class GraphApiError extends GraphCallingError {
  override name = 'GraphApiError'
  /** HTTP status Graph answered with. */
  readonly status: number
  /** Graph's `error.code`, or the status text when the body had none. */
  readonly code: string
  /** Graph's `request-id`, what Microsoft support asks for. */
  readonly requestId: string | undefined
  /** The `client-request-id` this library sent (the same across retries of one call). */
  readonly clientRequestId: string | undefined
  /** Graph's `date` for the failure, when it gave one. */
  readonly date: string | undefined
  /** How long Graph asked to wait before trying again, when it said. */
  readonly retryAfterMs: number | undefined
  /** The parsed error body, or its text when it was not JSON. */
  readonly body: unknown
  /** Response headers (never request headers: nothing of the credential is kept). */
  readonly headers: Readonly<Record<string, string>>
  constructor(init: GraphApiErrorInit) {
    const code = init.code ?? `http${init.status}`
    const ids = [init.requestId && `request-id ${init.requestId}`, init.clientRequestId && `client-request-id ${init.clientRequestId}`]
      .filter(Boolean)
      .join(', ')
    super(`${init.status} ${code}: ${init.graphMessage ?? 'Graph returned no error message'}${ids ? ` (${ids})` : ''}`)
    this.status = init.status
    this.code = code
    this.requestId = init.requestId
    this.clientRequestId = init.clientRequestId
    this.date = init.date
    this.retryAfterMs = init.retryAfterMs
    this.body = init.body
    this.headers = init.headers ?? {}
  }
}

/** Options of the errors of a request that may have reached Graph: its cause, the 2xx Graph had accepted it with, and the ids of Graph's answer. */
export interface InterruptedRequestOptions extends ErrorOptions {
  acceptedStatus?: number | undefined
  requestId?: string | undefined
  clientRequestId?: string | undefined
}

/** The request did not complete: no whole HTTP answer came back (the cause is kept). */
export class ConnectionError extends GraphCallingError {
  override name = 'ConnectionError'
  /**
   * The 2xx status Graph had answered with before the rest of its answer was lost: Graph accepted the
   * request and acts on it, so it must not be sent again. `undefined` when no answer had begun.
   */
  readonly acceptedStatus: number | undefined
  /** Graph's `request-id`, when its answer had begun before the rest was lost; what Microsoft support asks for. */
  readonly requestId: string | undefined
  /** The `client-request-id` of Graph's answer (the one this client sent when Graph echoed none), when its answer had begun. */
  readonly clientRequestId: string | undefined
  constructor(message: string, options?: InterruptedRequestOptions) {
    super(message, options)
    this.acceptedStatus = options?.acceptedStatus
    this.requestId = options?.requestId
    this.clientRequestId = options?.clientRequestId
  }
}

/** Options of a `TimeoutError`: its cause, the accepted status, the retry wait that would have run past the deadline, and whether the token was still awaited. */
export interface TimeoutErrorOptions extends InterruptedRequestOptions {
  retryAfterMs?: number | undefined
  waitingForToken?: boolean | undefined
}

/** The request, the wait for its access token, or the wait for a retry, ran past its time limit or deadline. */
export class TimeoutError extends ConnectionError {
  override name = 'TimeoutError'
  /** The wait before the next retry when that wait would have run past the deadline (Graph's `Retry-After` when it sent one). */
  readonly retryAfterMs: number | undefined
  /**
   * Whether time ran out while the attempt waited for an access token from the credential: that attempt
   * was not sent, and the credential (its authority, its network) is what to look at.
   */
  readonly waitingForToken: boolean
  constructor(message: string, options?: TimeoutErrorOptions) {
    super(message, options)
    this.retryAfterMs = options?.retryAfterMs
    this.waitingForToken = options?.waitingForToken ?? false
  }
}

/** The caller's `AbortSignal` stopped the request or its retry wait (the signal's reason is the cause). */
export class AbortError extends GraphCallingError {
  override name = 'AbortError'
  /** The 2xx status Graph had answered with before the signal stopped the rest of its answer; see `ConnectionError.acceptedStatus`. */
  readonly acceptedStatus: number | undefined
  /** Graph's `request-id`, when its answer had begun before the signal stopped it; see `ConnectionError.requestId`. */
  readonly requestId: string | undefined
  /** The `client-request-id` of Graph's answer, when it had begun; see `ConnectionError.clientRequestId`. */
  readonly clientRequestId: string | undefined
  /** Whether the signal stopped the attempt while it waited for an access token: that attempt was not sent. */
  readonly waitingForToken: boolean
  constructor(message: string, options?: AbortErrorOptions) {
    super(message, options)
    this.acceptedStatus = options?.acceptedStatus
    this.requestId = options?.requestId
    this.clientRequestId = options?.clientRequestId
    this.waitingForToken = options?.waitingForToken ?? false
  }
}

/** Options of an `AbortError`: the signal's reason, the accepted status, and whether the token was still awaited. */
export interface AbortErrorOptions extends InterruptedRequestOptions {
  waitingForToken?: boolean | undefined
}

/** The credential could not give an access token (its own error is the cause); nothing was sent to Graph. */
export class CredentialError extends GraphCallingError {
  override name = 'CredentialError'
}

/** Graph does not offer the action where the client points (its national cloud or API version); found before any I/O. */
export class UnsupportedActionError extends GraphCallingError {
  override name = 'UnsupportedActionError'
}

/** An inbound notification request that the adapter should answer with `status`. */
export class NotificationError extends GraphCallingError {
  override name = 'NotificationError'
  /** The HTTP status a handler answers this error with. */
  readonly status: number
  constructor(message: string, status: number, options?: ErrorOptions) {
    super(message, options)
    this.status = status
  }
}

/**
 * A notification body that cannot be read as `commsNotifications`: HTTP 400, or 413 when too large, or 204
 * for a call in the legacy Skype format, which Graph posts again as `commsNotifications` once answered 204.
 */
export class NotificationParseError extends NotificationError {
  override name = 'NotificationParseError'
  /** Every problem found, each with its JSON path. */
  readonly issues: readonly Issue[]
  constructor(issues: readonly Issue[], status = 400) {
    super(`Invalid notification body: ${listIssues(issues)}`, status)
    this.issues = issues
  }
}

/** Why an inbound token was refused. */
export type NotificationAuthReason =
  | 'missing-token'
  | 'malformed'
  | 'bad-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'missing-tenant'
  | 'tenant-not-allowed'
  | 'keys-unavailable'

/** An inbound notification whose bearer token did not verify (HTTP 401). */
export class NotificationAuthError extends NotificationError {
  override name = 'NotificationAuthError'
  /** Which check failed. */
  readonly reason: NotificationAuthReason
  constructor(reason: NotificationAuthReason, message: string, options?: ErrorOptions) {
    super(message, 401, options)
    this.reason = reason
  }
}
