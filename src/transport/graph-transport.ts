import { randomUUID } from 'node:crypto'
import type { Dispatcher } from 'undici'
import {
  AbortError,
  ConnectionError,
  GraphApiError,
  GraphCallingError,
  TimeoutError,
  UnsupportedActionError,
  ValidationError,
  type Issue,
} from '../errors.ts'
import type { GraphMethod, GraphRequest } from '../requests/graph-request.ts'
import type { AttemptReport, AttemptReporter } from './attempt-report.ts'
import { AttemptStop } from './attempt-stop.ts'
import { systemClock, type Clock } from './clock.ts'
import { clouds, type ApiVersion, type CloudName } from './clouds.ts'
import { escapeControls } from './escape-controls.ts'
import { exchange, ExchangeTimeoutError, type BodyHandling, type Exchange } from './exchange.ts'
import { graphApiError, header, type ResponseHeaders } from './graph-api-error.ts'
import { backoffMs, connectionRetry, isResendable, MAX_RETRY_WAIT_MS, statusRetry } from './retry-policy.ts'
import { redactSecret } from './redact-secret.ts'
import { TokenCache } from './token-cache.ts'
import type { Credential } from './token-credential.ts'
import { userAgent } from './user-agent.ts'

/** Everything a transport needs, checked and with defaults filled in (the client does both). */
export interface TransportConfig {
  readonly credential: Credential
  readonly dispatcher: Dispatcher
  readonly cloud: CloudName
  readonly apiVersion: ApiVersion
  /** Sent to instead of the cloud's Graph host; the API version is still appended. */
  readonly baseUrl: string | undefined
  readonly timeoutMs: number
  readonly maxRetries: number
  /** The caller's product, put before graph-calling's in `User-Agent`. */
  readonly userAgent: string | undefined
  readonly clock: Clock
  /** Told of every attempt's outcome. */
  readonly onAttempt: AttemptReporter | undefined
}

/** Options of one call. */
export interface SendOptions {
  /** Stops the call (the request in flight, or the wait before a retry) with an `AbortError`. */
  signal?: AbortSignal | undefined
  /** Time limit of each attempt in milliseconds (see the client's `timeoutMs`, used when absent). */
  timeoutMs?: number | undefined
  /** Nothing is sent or retried after this instant, and an attempt in flight is stopped at it (`TimeoutError`). */
  deadline?: Date | undefined
}

/** What Graph answered to a request it accepted (any 2xx). */
export interface GraphResponse<Result = void> {
  /** The HTTP status (202 for the call actions, 204 for a hang-up). */
  readonly status: number
  /** Graph's `request-id` header, what Microsoft support asks for. */
  readonly requestId: string | undefined
  /** The `client-request-id` this client sent (the same across the retries of this call). */
  readonly clientRequestId: string
  /** The response headers. */
  readonly headers: Readonly<ResponseHeaders>
  /**
   * The JSON body, decoded by the client as notifications are (enum values in Graph's canonical casing);
   * undefined for 202 and 204 answers.
   */
  readonly body: Result
  /**
   * Where the body is not what its Graph type says (a value of the wrong JSON type, kept as it came): the
   * JSON path and what was expected. Empty when it fits, or when Graph answered with no body.
   */
  readonly issues: readonly Issue[]
}

const NO_ISSUES: readonly Issue[] = Object.freeze([])

/** One call: what every attempt sends, and what the retry loop has learnt so far. */
interface Call {
  readonly method: GraphMethod
  readonly path: string
  /** The JSON text sent, or null for none: the dispatcher's own word for no body. */
  readonly body: string | null
  readonly headers: Record<string, string>
  readonly clientRequestId: string
  readonly signal: AbortSignal | undefined
  readonly timeoutMs: number
  readonly deadline: number | undefined
  /** Whether sending the request twice cannot make Graph act twice, so it may follow a failure Graph may have acted on. */
  readonly resendable: boolean
  /** Whether Graph answers the request with a resource (its `resultType`), not with nothing. */
  readonly expectsBody: boolean
  attempts: number
  retries: number
  tokenRenewed: boolean
  /** The token the last attempt sent, to forget it when Graph refuses it. */
  token: string | undefined
  /** The 2xx status Graph accepted a request other than a GET with; once set, the call is never sent again. */
  acceptedStatus: number | undefined
  /** Set when the call was sent again after a failure Graph may have acted on: that failure, in words. */
  resentAfter: string | undefined
  /** The headers of the last attempt's answer once they came, for the ids an error of that attempt keeps. */
  answerHeaders: ResponseHeaders | undefined
}

/** The ids of an answer that had begun, as an interrupted request's error keeps them. */
interface AnswerIds {
  requestId?: string | undefined
  clientRequestId?: string | undefined
}

/**
 * Sends `GraphRequest`s to Graph over one undici `Dispatcher`: base URL per cloud and API version, a
 * cached bearer token, a `client-request-id` per call, time limits, cancellation, and retries that honour
 * `Retry-After`. Error answers become `GraphApiError`s.
 */
export class GraphTransport {
  readonly #dispatcher: Dispatcher
  readonly #tokens: TokenCache
  readonly #origin: string
  readonly #root: string
  readonly #apiVersion: ApiVersion
  readonly #timeoutMs: number
  readonly #maxRetries: number
  readonly #userAgent: string
  readonly #clock: Clock
  /**
   * The clock the client was given, on which every attempt's time limit runs (its `sleep` wakes it);
   * undefined on the system clock, whose limits are timers.
   */
  readonly #givenClock: Clock | undefined
  readonly #onAttempt: AttemptReporter | undefined
  /** Set by `close()`: nothing is sent from then on. */
  #closed = false
  /** Aborted by `close()`, to cut short the waits before retries. */
  readonly #closing = new AbortController()
  /** How many requests are with the dispatcher, their answer awaited. */
  #inFlight = 0
  /** Resolves the promise `close()` returned, once no request is in flight. */
  #onDrained: (() => void) | undefined
  #drained: Promise<void> | undefined

  constructor(config: TransportConfig) {
    const cloud = clouds[config.cloud]
    const base = new URL(config.baseUrl ?? cloud.graphUrl)
    this.#origin = base.origin
    this.#root = `${base.pathname.replace(/\/+$/, '')}/${config.apiVersion}`
    this.#dispatcher = config.dispatcher
    this.#tokens = new TokenCache(config.credential, cloud.scope, config.clock)
    this.#apiVersion = config.apiVersion
    this.#timeoutMs = config.timeoutMs
    this.#maxRetries = config.maxRetries
    this.#userAgent = userAgent(config.userAgent)
    this.#clock = config.clock
    this.#givenClock = config.clock === systemClock ? undefined : config.clock
    this.#onAttempt = config.onAttempt
  }

  /**
   * Stops sending, so that nothing of the transport outlives its client: a call waiting for a retry or
   * for its token fails at once (a `ConnectionError` saying the client was closed), and a token request
   * in flight is aborted. A request already with the dispatcher is left to end: the promise resolves
   * when none is left, after which the dispatcher holds only requests that their calls gave up on.
   */
  close(): Promise<void> {
    if (this.#drained === undefined) {
      this.#closed = true
      this.#closing.abort()
      this.#tokens.close()
      this.#drained = this.#inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (this.#onDrained = resolve))
    }
    return this.#drained
  }

  /** The URL a request path is sent to, e.g. `https://graph.microsoft.com/v1.0`. */
  get rootUrl(): string {
    return this.#origin + this.#root
  }

  /**
   * Sends one request and resolves with Graph's answer once Graph accepts it. Throws `GraphApiError` for
   * an error answer, `TimeoutError`, `ConnectionError`, `AbortError` or `CredentialError` when no answer
   * came, and `ValidationError` / `UnsupportedActionError` before any I/O.
   */
  send<Result>(request: GraphRequest<Result>, options?: SendOptions): Promise<GraphResponse<Result>> {
    let call: Call
    try {
      call = this.#prepare(request, options)
    } catch (error) {
      return Promise.reject(error)
    }
    // The first attempt is the common case; the retry loop is entered only after a failure.
    return this.#attempt<Result>(call).catch((error: unknown) => this.#retry<Result>(call, error))
  }

  async #retry<Result>(call: Call, failure: unknown): Promise<GraphResponse<Result>> {
    let error = failure
    for (;;) {
      // A refused token is fetched anew once (it may have been revoked or have expired early).
      if (!call.tokenRenewed && error instanceof GraphApiError && error.status === 401 && call.token !== undefined) {
        call.tokenRenewed = true
        this.#tokens.invalidate(call.token)
      } else {
        const wait = this.#retryWait(error, call)
        try {
          await this.#clock.sleep(wait, call.signal ? AbortSignal.any([call.signal, this.#closing.signal]) : this.#closing.signal)
        } catch {
          throw this.#closed ? this.#closedError(call, call.attempts, error) : this.#abortError(call)
        }
        call.retries++
      }
      try {
        return await this.#attempt<Result>(call)
      } catch (next) {
        error = next
        if (call.resentAfter !== undefined && next instanceof GraphApiError && next.status >= 400 && next.status < 500 && next.status !== 401 && next.status !== 429) {
          // Graph refusing the resend (an answer to a call no longer incoming) may mean the first one worked.
          next.message += `; this was ${this.#describe(call)} sent again after ${call.resentAfter}, which Graph may have acted on: this refusal may mean that the earlier attempt succeeded`
          call.resentAfter = undefined
        }
      }
    }
  }

  #prepare(request: GraphRequest<unknown>, options: SendOptions | undefined): Call {
    if (request.apiVersion === 'beta' && this.#apiVersion !== 'beta') {
      throw new UnsupportedActionError(
        `${request.method} ${request.path} exists only in Graph's beta API, and this client sends to ${this.#apiVersion}; ` +
          `use a client created with apiVersion: 'beta' for it`,
      )
    }
    let timeoutMs = this.#timeoutMs
    let deadline: number | undefined
    let signal: AbortSignal | undefined
    if (options !== undefined) {
      checkSendOptions(options)
      timeoutMs = options.timeoutMs ?? timeoutMs
      deadline = options.deadline?.getTime()
      signal = options.signal
    }
    const body = requestBody(request)
    const clientRequestId = randomUUID()
    const call: Call = {
      method: request.method,
      path: this.#root + request.path,
      body,
      headers:
        request.body === undefined
          ? { authorization: '', 'client-request-id': clientRequestId, 'user-agent': this.#userAgent }
          : { authorization: '', 'client-request-id': clientRequestId, 'user-agent': this.#userAgent, 'content-type': 'application/json' },
      clientRequestId,
      signal,
      timeoutMs,
      deadline,
      resendable: isResendable(request),
      expectsBody: request.resultType !== undefined,
      attempts: 0,
      retries: 0,
      tokenRenewed: false,
      token: undefined,
      acceptedStatus: undefined,
      resentAfter: undefined,
      answerHeaders: undefined,
    }
    if (signal?.aborted) throw this.#abortError(call)
    if (deadline !== undefined && this.#clock.now() >= deadline) throw this.#pastDeadlineError(call)
    return call
  }

  /** One attempt, reported to `onAttempt` when the client has one. */
  #attempt<Result>(call: Call): Promise<GraphResponse<Result>> {
    const reporter = this.#onAttempt
    if (reporter === undefined) return this.#attemptOnce<Result>(call)
    const startedAt = this.#clock.now()
    const attemptsBefore = call.attempts
    return this.#attemptOnce<Result>(call).then(
      (response) => {
        this.#report(reporter, call, startedAt, response.status, response.requestId, undefined)
        return response
      },
      (error: unknown) => {
        // A call refused before its attempt began (aborted, past its deadline, closed) made none.
        if (call.attempts > attemptsBefore) {
          const status = error instanceof GraphApiError ? error.status : error instanceof ConnectionError || error instanceof AbortError ? error.acceptedStatus : undefined
          const requestId = error instanceof GraphApiError || error instanceof ConnectionError || error instanceof AbortError ? error.requestId : undefined
          // Every failure of an attempt is one of the library's errors; anything else is named, not quoted.
          const reported = error instanceof GraphCallingError ? error : new GraphCallingError(`the attempt failed with ${error instanceof Error ? `a ${error.name}` : 'a value that is not an Error'}`)
          this.#report(reporter, call, startedAt, status, requestId, reported)
        }
        throw error
      },
    )
  }

  #report(reporter: AttemptReporter, call: Call, startedAt: number, status: number | undefined, requestId: string | undefined, error: GraphCallingError | undefined): void {
    const report: AttemptReport = {
      method: call.method,
      url: this.#origin + call.path,
      clientRequestId: call.clientRequestId,
      attempt: call.attempts,
      status,
      requestId,
      durationMs: this.#clock.now() - startedAt,
      error,
    }
    try {
      reporter(report)
    } catch (thrown) {
      // A failing logger must not fail a call Graph may have acted on, nor go unseen.
      process.emitWarning(`graph-calling: onAttempt threw, and was ignored: ${thrown instanceof Error ? thrown.message : String(thrown)}`)
    }
  }

  async #attemptOnce<Result>(call: Call): Promise<GraphResponse<Result>> {
    let budget = call.timeoutMs
    let limit: 'timeout' | 'deadline' = 'timeout'
    if (call.deadline !== undefined) {
      const left = call.deadline - this.#clock.now()
      if (left <= 0) throw this.#pastDeadlineError(call)
      if (left < budget) {
        budget = left
        limit = 'deadline'
      }
    }
    if (call.signal?.aborted) throw this.#abortError(call)
    if (this.#closed) throw this.#closedError(call, call.attempts)
    call.attempts++
    call.answerHeaders = undefined
    let token = this.#tokens.peek()
    const clock = this.#givenClock
    // The common case (a cached token, no deadline, the system clock) watches the time with no timer of
    // its own: `exchange` keeps the limit on a timer all exchanges share, and the caller's own signal stops
    // the exchange. A deadline, or a token to await, needs an exact stop that covers both; so does a clock
    // the client was given, since the time that bounds the attempt is then that clock's.
    const stop = token === undefined || call.deadline !== undefined || clock !== undefined ? new AttemptStop(budget, limit, call.signal, clock) : undefined
    // Whether the attempt still waits for its token: a stop then means that nothing of it reached Graph.
    let waitingForToken = token === undefined
    try {
      if (token === undefined) token = await this.#fetchToken(stop!.signal, call)
      waitingForToken = false
      call.token = token
      call.headers.authorization = `Bearer ${token}`
      let response: Exchange
      this.#inFlight++
      try {
        response = await exchange(
          this.#dispatcher,
          // undici's own timers are real ones: on a clock the client was given they would stop the attempt on
          // the real clock's time, not that clock's, and are left at undici's defaults (minutes).
          clock === undefined
            ? { origin: this.#origin, path: call.path, method: call.method, headers: call.headers, body: call.body, headersTimeout: budget, bodyTimeout: budget }
            : { origin: this.#origin, path: call.path, method: call.method, headers: call.headers, body: call.body },
          stop ? stop.signal : call.signal,
          {
            onStatus(status, headers) {
              call.answerHeaders = headers
              // Graph has acted: a body cut off after this must not make the action happen twice.
              if (status >= 200 && status < 300 && call.method !== 'GET') call.acceptedStatus = status
            },
            body: bodyHandling,
          },
          // undici's own timers start only once the request is sent; this limit also bounds the wait for
          // a free connection and the connecting (undici's connect timeout is its own, 10 s by default).
          stop ? undefined : budget,
        )
      } finally {
        if (--this.#inFlight === 0) this.#onDrained?.()
      }
      const status = response.statusCode
      if (status >= 200 && status < 300) {
        const body = status === 204 && !call.expectsBody ? undefined : this.#successBody(response.text, status, call)
        return { status, requestId: header(response.headers, 'request-id'), clientRequestId: call.clientRequestId, headers: response.headers, body: body as Result, issues: NO_ISSUES }
      }
      throw graphApiError({ status, statusText: response.statusText, headers: response.headers, text: response.text, clientRequestId: call.clientRequestId, now: this.#clock.now(), token })
    } catch (error) {
      const stoppedBy = stop?.reason ?? (call.signal?.aborted ? 'caller' : isAttemptTimeout(error) ? limit : undefined)
      if (stoppedBy === 'caller') throw this.#abortError(call, waitingForToken, this.#answerIds(call))
      if (stoppedBy !== undefined) throw this.#attemptTimeoutError(call, stoppedBy, error, waitingForToken, this.#answerIds(call))
      if (error instanceof GraphCallingError) throw error
      const { acceptedStatus } = call
      const accepted = acceptedStatus === undefined ? '' : ` after Graph accepted it with ${acceptedStatus}, so it is not sent again`
      throw new ConnectionError(`${this.#describe(call)} failed${accepted}: ${describeCause(error, call.token)} (${this.#ids(call)})`, {
        cause: withoutSecret(error, call.token),
        acceptedStatus,
        ...this.#answerIds(call),
      })
    } finally {
      stop?.dispose()
    }
  }

  /** The token, fetched for an attempt that gives up on it when `signal` aborts. */
  async #fetchToken(signal: AbortSignal, call: Call): Promise<string> {
    let token: string
    try {
      token = await this.#tokens.fetch(signal)
    } catch (error) {
      // The client closed while the token was on its way: this attempt is not sent.
      if (this.#closed && !signal.aborted) throw this.#closedError(call, call.attempts - 1)
      throw error
    }
    if (this.#closed) throw this.#closedError(call, call.attempts - 1)
    return token
  }

  #successBody(text: string, status: number, call: Call): unknown {
    if (text === '') {
      // A request answered with a resource (a GET's, a created call, an action's operation) gets it in its
      // 200, 201 or 204, or is not what its result is typed as; only a 202 may come without its operation.
      if (call.expectsBody && status !== 202) throw this.#unreadableAnswerError(call, status, 'no body')
      return undefined
    }
    try {
      return JSON.parse(text)
    } catch (cause) {
      // Graph has done an action that answers with nothing: what a proxy put in the body changes nothing.
      if (!call.expectsBody && call.method !== 'GET') return undefined
      const quoted = escapeControls(JSON.stringify(redactSecret(text.length > 200 ? `${text.slice(0, 200)}...` : text, call.token)))
      throw this.#unreadableAnswerError(call, status, `a body that is not JSON: ${quoted}`, cause)
    }
  }

  /** A 2xx whose body cannot be read as the result: Graph may have acted, which the error says (`acceptedStatus`). */
  #unreadableAnswerError(call: Call, status: number, what: string, cause?: unknown): ConnectionError {
    const { acceptedStatus } = call
    const accepted = acceptedStatus === undefined ? '' : `; Graph accepted the request, so it is not sent again`
    return new ConnectionError(`Graph answered ${status} to ${this.#describe(call)} with ${what}${accepted} (${this.#ids(call)})`, { cause, acceptedStatus, ...this.#answerIds(call) })
  }

  /** The ids of the last attempt's answer when it had begun (none when it had not), without the token. */
  #answerIds(call: Call): AnswerIds {
    const headers = call.answerHeaders
    if (headers === undefined) return {}
    const requestId = header(headers, 'request-id')
    const clientRequestId = header(headers, 'client-request-id')
    // They go into log lines (the attempt's report) as they are: nothing a server sends may forge one.
    return {
      requestId: requestId === undefined ? undefined : escapeControls(redactSecret(requestId, call.token)),
      clientRequestId: clientRequestId === undefined ? call.clientRequestId : escapeControls(redactSecret(clientRequestId, call.token)),
    }
  }

  /** The wait before the next attempt, or throws when there is to be none. */
  #retryWait(error: unknown, call: Call): number {
    const retry =
      error instanceof GraphApiError
        ? statusRetry(error.status)
        : error instanceof ConnectionError && !(error instanceof TimeoutError)
          ? connectionRetry(error.cause)
          : 'never'
    // The 401 that a new token did not cure (the first one is retried before this).
    if (error instanceof GraphApiError && error.status === 401 && call.tokenRenewed) throw this.#notRetriedError(error, call, 'Graph refused a new token too')
    if (retry === 'never' || call.acceptedStatus !== undefined) throw error
    // Checked before the retries left: even with none, the caller must learn that Graph may have acted.
    if (retry === 'ifResendable' && !call.resendable) throw this.#notResentError(error as GraphApiError | ConnectionError, call)
    if (call.retries >= this.#maxRetries) throw this.#notRetriedError(error, call, `maxRetries is ${this.#maxRetries}`)
    const retryAfterMs = error instanceof GraphApiError ? error.retryAfterMs : undefined
    const wait = retryAfterMs ?? backoffMs(call.retries)
    // A deadline is the caller's word on how long a call may wait; without one, a wait over a minute is
    // left to the caller (the error carries retryAfterMs) rather than slept through.
    if (call.deadline === undefined) {
      if (wait > MAX_RETRY_WAIT_MS) {
        throw this.#notRetriedError(error, call, `Graph asked to retry after ${wait} ms (Retry-After), longer than the ${MAX_RETRY_WAIT_MS} ms the client waits without a deadline`)
      }
    } else if (this.#clock.now() + wait >= call.deadline) {
      const asked = retryAfterMs === undefined ? `a retry after ${wait} ms` : `Graph asked to retry after ${wait} ms (Retry-After)`
      throw new TimeoutError(
        `${this.#describe(call)}: ${describeCause(error)}; ${asked}, which is past the deadline ${new Date(call.deadline).toISOString()}, so it was not retried (${this.#ids(call)})`,
        { cause: error, retryAfterMs: wait },
      )
    }
    if (retry === 'ifResendable') {
      call.resentAfter = error instanceof GraphApiError ? `a ${error.status} on attempt ${call.attempts}` : `a connection that broke on attempt ${call.attempts}`
    }
    return wait
  }

  /**
   * The failure of a request that Graph may have acted on and that is not safe to send twice, saying that
   * it was not sent again. A 504 stays the `GraphApiError` it is (its status, ids and body), with the
   * reason added to its message.
   */
  #notResentError(error: GraphApiError | ConnectionError, call: Call): GraphCallingError {
    if (error instanceof GraphApiError) {
      error.message += `; ${this.#describe(call)} was not sent again: a gateway stopped waiting for the call service, which may or may not have acted on it (attempt ${call.attempts})`
      return error
    }
    return new ConnectionError(
      `${this.#describe(call)} failed: ${describeCause(error.cause, call.token)}; the connection broke after the request was sent, so it was not sent again: Graph may or may not have acted on it (${this.#ids(call)})`,
      { cause: error.cause, requestId: error.requestId, clientRequestId: error.clientRequestId },
    )
  }

  /**
   * A failure of a status the client retries, once it is not retried any more: a `GraphApiError` is given
   * the attempts made and why no more were (its own message names none); any other error (a connection's)
   * names its attempt already, and is left as it is.
   */
  #notRetriedError(error: unknown, call: Call, why: string): unknown {
    if (!(error instanceof GraphApiError)) return error
    const { attempts } = call
    const tried = attempts === 1 ? 'once' : attempts === 2 ? 'twice' : `${attempts} times`
    error.message += `; ${this.#describe(call)} was tried ${tried} and not sent again: ${why} (attempt ${attempts})`
    return error
  }

  #describe(call: Call): string {
    return `${call.method} ${this.#origin}${call.path}`
  }

  #ids(call: Call): string {
    return `client-request-id ${call.clientRequestId}, attempt ${call.attempts}`
  }

  /** The error of a call the caller's signal stopped; `ids` are those of the answer it stopped, when one had begun. */
  #abortError(call: Call, waitingForToken = false, ids: AnswerIds = {}): AbortError {
    const { acceptedStatus } = call
    let when = ''
    // As for a timeout: the caller may send again, since this attempt never left.
    if (waitingForToken) when = ` while waiting for an access token from the credential; ${this.#unsent(call)}`
    else if (acceptedStatus !== undefined) when = ` after Graph accepted it with ${acceptedStatus} (it is not sent again)`
    return new AbortError(`${this.#describe(call)} was aborted by the caller's signal${when} (${this.#ids(call)})`, { cause: call.signal?.reason, acceptedStatus, waitingForToken, ...ids })
  }

  /** What of a call stopped while its token was awaited did not reach Graph. */
  #unsent(call: Call): string {
    return call.attempts === 1 ? 'nothing was sent to Graph' : `attempt ${call.attempts} was not sent to Graph`
  }

  /** The error of a call stopped by `close()`, after `sent` attempts went out (the last one failed with `lastFailure`). */
  #closedError(call: Call, sent: number, lastFailure?: unknown): ConnectionError {
    return sent === 0
      ? new ConnectionError(`${this.#describe(call)} was not sent: the client was closed`)
      : new ConnectionError(`${this.#describe(call)} was not sent again: the client was closed (${this.#ids(call)})`, { cause: lastFailure })
  }

  #pastDeadlineError(call: Call): TimeoutError {
    const deadline = new Date(call.deadline!).toISOString()
    return call.attempts === 0
      ? new TimeoutError(`The deadline ${deadline} had passed before ${this.#describe(call)} could be sent; nothing was sent`)
      : new TimeoutError(`The deadline ${deadline} passed before ${this.#describe(call)} could be tried again (${this.#ids(call)})`)
  }

  #attemptTimeoutError(call: Call, stoppedBy: 'timeout' | 'deadline', cause: unknown, waitingForToken: boolean, ids: AnswerIds): TimeoutError {
    const { acceptedStatus } = call
    let why: string
    if (waitingForToken) {
      // The credential, not Graph, was slow: the caller should look at its authentication, and may send again.
      const stopped = stoppedBy === 'timeout' ? `timed out after ${call.timeoutMs} ms` : `was stopped at the deadline ${new Date(call.deadline!).toISOString()}`
      why = `${stopped} waiting for an access token from the credential; ${this.#unsent(call)}`
    } else if (acceptedStatus !== undefined) {
      // Graph has acted: the caller must not take this for a request that never arrived.
      why =
        stoppedBy === 'timeout'
          ? `timed out after Graph accepted it with ${acceptedStatus}, so it is not sent again: the whole answer did not come within ${call.timeoutMs} ms`
          : `was stopped at the deadline ${new Date(call.deadline!).toISOString()} after Graph accepted it with ${acceptedStatus}, so it is not sent again`
    } else {
      why =
        stoppedBy === 'timeout'
          ? `timed out: no answer within ${call.timeoutMs} ms`
          : `was stopped at the deadline ${new Date(call.deadline!).toISOString()} before Graph answered`
    }
    return new TimeoutError(`${this.#describe(call)} ${why} (${this.#ids(call)})`, { cause: withoutSecret(cause, call.token), acceptedStatus, waitingForToken, ...ids })
  }
}

/**
 * How an answer's body is read. A 204 has none. A 202 says Graph accepted the request; some bring the
 * operation started (`startHoldMusic`), most nothing: its body is taken when it comes whole, and a body cut
 * off leaves the 202 as it is.
 */
const bodyHandling = (status: number): BodyHandling => (status === 204 ? 'skip' : status === 202 ? 'optional' : 'read')

const METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PATCH', 'DELETE'])

/**
 * The JSON text of a request's body (null when it has none), after the checks a hand-made request needs
 * (the builders' requests always pass): a known method, a path below the version root, and a body JSON can
 * write.
 */
function requestBody(request: GraphRequest<unknown>): string | null {
  const issues: Issue[] = []
  if (!METHODS.has(request.method)) issues.push({ path: '$.method', message: "expected 'GET', 'POST', 'PATCH' or 'DELETE'" })
  if (typeof request.path !== 'string' || !/^\/[^?#\s]*$/.test(request.path) || /(^|\/)\.\.?(\/|$)/.test(request.path)) {
    issues.push({ path: '$.path', message: "expected a path below the version root, starting with '/', without '.' or '..' segments, '?', '#' or spaces" })
  }
  let body: string | null = null
  if (request.body !== undefined) {
    try {
      body = JSON.stringify(request.body)
    } catch (error) {
      issues.push({ path: '$.body', message: `expected a value JSON can write (${(error as Error).message})` })
    }
  }
  if (issues.length > 0) throw new ValidationError('request', issues)
  return body
}

/** Checks the per-call options, naming each bad one by its path. */
function checkSendOptions(options: SendOptions): void {
  const issues: Issue[] = []
  const { timeoutMs, deadline, signal } = options
  if (timeoutMs !== undefined && !isTimeout(timeoutMs)) issues.push({ path: '$.timeoutMs', message: TIMEOUT_EXPECTED })
  if (deadline !== undefined && !(deadline instanceof Date && !Number.isNaN(deadline.getTime()))) {
    issues.push({ path: '$.deadline', message: 'expected a valid Date' })
  }
  if (signal !== undefined && !(signal instanceof AbortSignal)) issues.push({ path: '$.signal', message: 'expected an AbortSignal' })
  if (issues.length > 0) throw new ValidationError('call options', issues)
}

/** The largest delay `setTimeout` honours. */
const MAX_TIMER_MS = 2 ** 31 - 1

/** What a time limit must be. */
export const TIMEOUT_EXPECTED = `expected a number of milliseconds greater than 0 and at most ${MAX_TIMER_MS}`

/** Whether a value can be a time limit in milliseconds. */
export function isTimeout(value: unknown): value is number {
  return typeof value === 'number' && value > 0 && value <= MAX_TIMER_MS
}

/** Whether the attempt's own timer ran out, or undici gave up waiting for the response headers or the next chunk of the body. */
function isAttemptTimeout(error: unknown): boolean {
  if (error instanceof ExchangeTimeoutError) return true
  const code = (error as { code?: unknown } | null)?.code
  return code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT'
}

/** An error from the HTTP stack in a few words, its message and code, without the token it may quote. */
function describeCause(error: unknown, token?: string): string {
  if (error instanceof GraphCallingError) return error.message
  if (!(error instanceof Error)) return redactSecret(String(error), token)
  const code = (error as { code?: unknown }).code
  return redactSecret(typeof code === 'string' ? `${error.message} (${code})` : error.message, token)
}

/**
 * The dispatcher's error, or, when its message quotes the token (undici's `MockAgent` lists the request's
 * headers when nothing matches), a plain copy without it: the cause of an error is logged with it.
 */
function withoutSecret(error: unknown, token: string | undefined): unknown {
  if (!(error instanceof Error)) return error
  const message = redactSecret(error.message, token)
  if (message === error.message) return error
  const copy = new Error(message)
  copy.name = error.name
  const code = (error as { code?: unknown }).code
  if (code !== undefined) Object.assign(copy, { code })
  return copy
}

