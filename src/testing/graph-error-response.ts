/** What the simulator puts in a Graph error answer. */
export interface GraphErrorInit {
  /** HTTP status, 400 or more. */
  readonly status: number
  /** Graph's `error.code` (`invalidRequest`, `itemNotFound`, ...). */
  readonly code: string
  /** Graph's `error.message`. */
  readonly message: string
  /** The caller's `client-request-id`, echoed back as Graph does. */
  readonly clientRequestId?: string | undefined
  /** When the error happened, in milliseconds since the epoch. */
  readonly now: number
  /** Seconds for the `Retry-After` header (throttling, unavailability). */
  readonly retryAfterSec?: number | undefined
}

/** The JSON body of a Graph error: `{ error: { code, message, innerError } }`. */
export interface GraphErrorBody {
  readonly error: {
    readonly code: string
    readonly message: string
    readonly innerError: { readonly 'request-id': string; readonly date: string; readonly 'client-request-id'?: string }
  }
}

/**
 * A `Response` shaped like a Graph error: the error body with its `innerError`, and the `request-id`,
 * `client-request-id`, `date` and (when asked) `Retry-After` headers Graph sends with it.
 */
export function graphErrorResponse(init: GraphErrorInit): Response {
  const requestId = crypto.randomUUID()
  const date = new Date(init.now)
  const innerError = {
    'request-id': requestId,
    // Graph writes this date without milliseconds.
    date: date.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    ...(init.clientRequestId === undefined ? {} : { 'client-request-id': init.clientRequestId }),
  }
  const body: GraphErrorBody = { error: { code: init.code, message: init.message, innerError } }
  const headers = new Headers({ 'content-type': 'application/json', 'request-id': requestId, date: date.toUTCString() })
  if (init.clientRequestId !== undefined) headers.set('client-request-id', init.clientRequestId)
  if (init.retryAfterSec !== undefined) headers.set('retry-after', String(init.retryAfterSec))
  return new Response(JSON.stringify(body), { status: init.status, headers })
}
