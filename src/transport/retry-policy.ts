/**
 * Which failures are tried again, and how long to wait first. Every retry resends the same request with
 * the same `client-request-id`, so Graph's logs tie all attempts to one operation.
 *
 * - 429 Too Many Requests: Graph throttled the request before acting on it; nothing happened yet.
 * - 503 Service Unavailable: the service turned the request away without acting on it.
 * - 504 Gateway Timeout, and a connection reset after the request went out: the call service may have
 *   acted. Resending is still safe for the call actions: Graph checks the call's state, so a second
 *   answer, reject or redirect of a call that has left `incoming` is refused rather than done twice, and
 *   a second DELETE of a call that is gone is a 404, never a second hang-up.
 * - A refused connection or a connect timeout: nothing was sent at all.
 *
 * No other status is retried: another 4xx means the request itself is wrong, another 5xx is not known to
 * be transient, and a per-attempt timeout is the caller's limit, not a fault to hide.
 */
const RETRIED_STATUSES: ReadonlySet<number> = new Set([429, 503, 504])

/** Error codes (undici's and the socket's) of a connection that broke or never opened. */
const CONNECTION_RESET_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNREFUSED',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
])

/** Back-off without a `Retry-After`: 0.5 s, 1 s, 2 s, ... up to 8 s, each shortened by up to a quarter at random. */
const INITIAL_BACKOFF_MS = 500
const MAX_BACKOFF_MS = 8_000

/** Without a deadline, a wait longer than this is not slept through: the error (with its `retryAfterMs`) goes to the caller. */
export const MAX_RETRY_WAIT_MS = 60_000

/** Whether an answer with this status is tried again. */
export function isRetriedStatus(status: number): boolean {
  return RETRIED_STATUSES.has(status)
}

/** Whether an error from the HTTP stack (or one it caused) is a connection that broke or never opened. */
export function isConnectionReset(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && CONNECTION_RESET_CODES.has(code)) return true
  }
  return false
}

/** The wait before retry number `retry` (0 for the first) when Graph gave no `Retry-After`. */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(INITIAL_BACKOFF_MS * 2 ** retry, MAX_BACKOFF_MS)
  // Jitter spreads the retries of many calls throttled at the same moment.
  return Math.round(ceiling * (1 - random() * 0.25))
}
