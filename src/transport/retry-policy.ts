/**
 * Which failures are tried again, and how long to wait first. Every retry resends the same request with
 * the same `client-request-id`, so Graph's logs tie all attempts to one operation.
 *
 * Tried again whatever the request, because Graph has not acted on it:
 * - 429 Too Many Requests: Graph throttled the request before acting on it.
 * - 503 Service Unavailable: the service turned the request away without acting on it.
 * - A refused connection or a connect timeout: nothing was sent at all.
 *
 * Tried again only for a request that cannot make Graph act twice, because Graph may have acted on it: a
 * 504 Gateway Timeout (a gateway gave up waiting for the call service, which may have done what was
 * asked), and a connection that broke once open (`ECONNRESET`, `EPIPE`, undici's `UND_ERR_SOCKET`), since
 * the request may have reached Graph before it broke. Such a request is
 * - GET, which only reads;
 * - DELETE, idempotent by HTTP's definition: a second DELETE of a call or participant that is gone finds
 *   nothing to remove (a 404), never a second hang-up;
 * - a request marked `resendable`, which the builders do for answer, reject and redirect only: each acts
 *   on a call in the `incoming` state, which the first one ends, so Graph refuses a repeat rather than
 *   do it twice.
 * Any other request (create call, invite, transfer, play prompt, record, DTMF, mute, ... and any POST or
 * PATCH built by hand without `resendable`) is not sent again: a second create call would ring the
 * callee twice. Its caller gets the failure, which says that Graph may or may not have acted on it.
 *
 * No other failure is retried: another 4xx means the request itself is wrong, another 5xx is not known to
 * be transient, and a per-attempt timeout is the caller's limit, not a fault to hide.
 */
import type { GraphRequest } from '../requests/graph-request.ts'

/** How a failure bears on sending the request again: never, always, or only when the request is resendable. */
export type Retry = 'never' | 'always' | 'ifResendable'

/** Error codes (undici's and the socket's) of a connection that never opened: nothing was sent. */
const NOT_SENT_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT'])

/** Error codes of a connection that broke once open: the request may have reached Graph. */
const BROKEN_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'])

/** Back-off without a `Retry-After`: 0.5 s, 1 s, 2 s, ... up to 8 s, each shortened by up to a quarter at random. */
const INITIAL_BACKOFF_MS = 500
const MAX_BACKOFF_MS = 8_000

/** Without a deadline, a wait longer than this is not slept through: the error (with its `retryAfterMs`) goes to the caller. */
export const MAX_RETRY_WAIT_MS = 60_000

/** Whether an answer with this status is tried again: always, only for a resendable request, or never. */
export function statusRetry(status: number): Retry {
  return status === 429 || status === 503 ? 'always' : status === 504 ? 'ifResendable' : 'never'
}

/** Whether an error from the HTTP stack (or one it caused) is tried again: a connection that never opened always, one that broke only for a resendable request. */
export function connectionRetry(error: unknown): Retry {
  for (let e = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code !== 'string') continue
    if (NOT_SENT_CODES.has(code)) return 'always'
    if (BROKEN_CODES.has(code)) return 'ifResendable'
  }
  return 'never'
}

/** Whether sending `request` twice cannot make Graph act twice: a GET, a DELETE, or a request marked `resendable`. */
export function isResendable(request: GraphRequest<unknown>): boolean {
  return request.method === 'GET' || request.method === 'DELETE' || request.resendable === true
}

/** The wait before retry number `retry` (0 for the first) when Graph gave no `Retry-After`. */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(INITIAL_BACKOFF_MS * 2 ** retry, MAX_BACKOFF_MS)
  // Jitter spreads the retries of many calls throttled at the same moment.
  return Math.round(ceiling * (1 - random() * 0.25))
}
