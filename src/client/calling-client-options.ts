import type { AttemptReporter } from '../transport/attempt-report.ts'
import type { Clock } from '../transport/clock.ts'
import type { ApiVersion, CloudName } from '../transport/clouds.ts'
import type { Dispatcher } from '../transport/dispatcher.ts'
import type { Credential } from '../transport/token-credential.ts'

/** Options of a `CallingClient`. Only `credential` is required. */
export interface CallingClientOptions {
  /**
   * Gets the app's access tokens: an `@azure/identity` credential (`ClientSecretCredential`,
   * `ClientCertificateCredential`, `ManagedIdentityCredential`, ...) or a plain `getToken` function of
   * the same shape. Asked for the cloud's `.default` scope, one request at a time, and cached.
   */
  credential: Credential
  /**
   * The Graph deployment to call: `'global'`, `'usGovL4'`, `'usGovL5'` (DOD) or `'china'` (21Vianet).
   * Sets the host and the token scope.
   * @default 'global'
   */
  cloud?: CloudName | undefined
  /**
   * Graph's API version. A request built for a beta-only action is refused by a `'v1.0'` client.
   * @default 'v1.0'
   */
  apiVersion?: ApiVersion | undefined
  /**
   * An http(s) URL to send to instead of the cloud's Graph host (a proxy, a simulator); the API version
   * is still appended: `${baseUrl}/v1.0/communications/...`. The token scope stays the cloud's.
   * @default the cloud's Graph host, e.g. 'https://graph.microsoft.com'
   */
  baseUrl?: string | undefined
  /**
   * The undici `Dispatcher` every request goes through (`Agent`, `Pool`, `ProxyAgent`, `MockAgent`, ...).
   * A dispatcher you pass is yours: `client.close()` leaves it open.
   * @default a keep-alive undici `Agent` that the client owns and `client.close()` closes
   */
  dispatcher?: Dispatcher | undefined
  /**
   * Time limit of one attempt in milliseconds, from its start until Graph's answer has been read: the
   * token when none is cached, the wait for a free connection, connecting, and the response. Each call can
   * set its own, and a call's `deadline` bounds all its attempts and waits together, to the millisecond.
   * @default 10000
   */
  timeoutMs?: number | undefined
  /**
   * How many times a call is tried again after a 429 or 503 answer or a connection that did not open,
   * and, for a request Graph cannot act on twice (GET, DELETE, answer, reject, redirect, an audio routing group's update: see
   * `GraphRequest.resendable`), after a 504 or a connection that broke once open (besides the one retry
   * with a new token after a 401). 0 turns retries off.
   * @default 3
   */
  maxRetries?: number | undefined
  /**
   * Your product and version (`my-bot/1.2.0`), sent before graph-calling's in `User-Agent`.
   * @default none: `User-Agent: graph-calling/<version>`
   */
  userAgent?: string | undefined
  /**
   * The time source for token expiry, retry waits, `timeoutMs` and deadlines: each attempt's time limit
   * sleeps on it (the sleep aborted when the attempt ends), and passes once its `now` reaches the limit.
   * Tests pass a fake one (a `ManualClock`) to move time by hand; one whose `sleep` returns before its
   * `now` reaches the limit leaves the rest of that limit to a real timer.
   * @default the system clock (`Date.now` and timers)
   */
  clock?: Clock | undefined
  /**
   * Told of every attempt of every call once it ends, the retries included: method, URL, status,
   * `request-id`, `client-request-id`, attempt number, duration and error, for logs and metrics; never a
   * token or a body. An exception it throws is ignored, with a process warning.
   * @default none
   */
  onAttempt?: AttemptReporter | undefined
}
