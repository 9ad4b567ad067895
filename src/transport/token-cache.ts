import { CredentialError } from '../errors.ts'
import { systemClock, type Clock } from './clock.ts'
import { ClockLimit } from './clock-limit.ts'
import { TimeLimits, type TimeLimit } from './time-limits.ts'
import type { AccessToken, Credential, GetToken } from './token-credential.ts'
import { untilAborted } from './until-aborted.ts'

/** A token is renewed (in the background, while still sent) this long before it expires... */
const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000
/** ...and no longer sent this close to expiry: it could expire in flight, or on a Graph clock that runs ahead. */
const EXPIRY_MARGIN_MS = 30_000
/** After a failed background renewal, the next one waits this long. */
const RENEW_RETRY_MS = 30_000
/** A token request no caller waits for is given up once it has run this long, so that a credential that never answers is asked again. */
const REQUEST_LIMIT_MS = 30_000

/** The limits of the token requests of every client on the system clock, on one timer. */
const limits = new TimeLimits()

/** One request to the credential, shared by every caller of `fetch` while it runs. */
interface TokenRequest {
  /** Settles with the token, or rejects with the credential's error or the reason it was abandoned. */
  readonly token: Promise<string>
  /** Aborts the signal the credential was given, and rejects `token`. */
  readonly controller: AbortController
  /** How many callers with a signal still wait for it. */
  waiters: number
  readonly startedAt: number
  /** Orders the requests, so that a late answer never replaces the token of a later one. */
  readonly seq: number
  /** Watches `REQUEST_LIMIT_MS` while no caller waits for the request. */
  limit: TimeLimit | undefined
}

/**
 * The access token of one client: cached, renewed ahead of expiry, and fetched by one request at a time
 * however many calls need it (credentials such as `@azure/identity`'s do not merge concurrent requests).
 * A request outlives the callers that gave up on it (a slow credential may take longer than an attempt's
 * time limit), so that its token is cached for the next call; one that no caller waits for is abandoned
 * once it has run 30 s, so that a credential that never answers is asked again rather than awaited forever.
 * The token lives only in private fields, so neither `util.inspect` nor `JSON.stringify` shows it.
 */
export class TokenCache {
  readonly #getToken: GetToken
  readonly #scope: string
  readonly #clock: Clock
  #token: string | undefined
  #renewAt = 0
  #usableUntil = 0
  #pending: TokenRequest | undefined
  #requests = 0
  /** The `seq` of the request whose token is cached. */
  #storedSeq = 0
  #closed = false

  constructor(credential: Credential, scope: string, clock: Clock) {
    this.#getToken = typeof credential === 'function' ? credential : (scopes, options) => credential.getToken(scopes, options)
    this.#scope = scope
    this.#clock = clock
  }

  /**
   * The cached token when it may be sent now (synchronous: the common case allocates nothing), or
   * undefined when the caller must await `fetch()`. A token due for renewal is still returned while a
   * background request gets its successor.
   */
  peek(): string | undefined {
    const token = this.#token
    if (token === undefined) return undefined
    const now = this.#clock.now()
    if (now < this.#renewAt) return token
    if (now >= this.#usableUntil) return undefined
    // A failed background renewal is not lost: the token is still good, the renewal is tried again a
    // little later (not on every call, which would hammer a failing authority), and the awaited fetch
    // that follows expiry reports the credential's error.
    this.fetch().catch(() => {
      this.#renewAt = Math.min(this.#clock.now() + RENEW_RETRY_MS, this.#usableUntil)
    })
    return token
  }

  /**
   * A fresh token; concurrent callers share one request to the credential. A caller that gives up
   * (`signal` aborts) is rejected with the signal's reason at once, and the request goes on: its token
   * is cached when it comes. A request that no caller with a signal waits for is abandoned once it has
   * run 30 s (its credential's `abortSignal` aborts, the callers without a signal are rejected), and the
   * next caller asks the credential again.
   */
  fetch(signal?: AbortSignal): Promise<string> {
    if (this.#closed) return Promise.reject(new CredentialError(`No token is fetched for ${this.#scope}: the client was closed`))
    if (signal?.aborted) return Promise.reject(signal.reason)
    // Also on a clock moved by hand, whose time a limit's timer does not follow.
    if (this.#pending !== undefined && this.#pending.waiters === 0 && this.#clock.now() - this.#pending.startedAt >= REQUEST_LIMIT_MS) this.#giveUp(this.#pending)
    const request = (this.#pending ??= this.#start())
    if (signal === undefined) {
      this.#watch(request)
      return request.token
    }
    request.waiters++
    return untilAborted(request.token, signal, () => {
      if (--request.waiters === 0) this.#watch(request)
    })
  }

  /** Abandons the token request in flight (its waiters get a `CredentialError`, its credential's `abortSignal` aborts), and fetches no more. */
  close(): void {
    this.#closed = true
    if (this.#pending !== undefined) this.#abandon(this.#pending, `The token request for ${this.#scope} was stopped: the client was closed`)
  }

  /** Forgets `token` (Graph refused it), so that the next send fetches a new one. */
  invalidate(token: string): void {
    if (this.#token === token) this.#token = undefined
  }

  #start(): TokenRequest {
    const controller = new AbortController()
    const seq = ++this.#requests
    const token = new Promise<string>((resolve, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true })
      this.#request(controller.signal, seq).then(resolve, reject)
    })
    const request: TokenRequest = { token, controller, waiters: 0, startedAt: this.#clock.now(), seq, limit: undefined }
    const clear = () => {
      if (this.#pending === request) this.#pending = undefined
      request.limit?.cancel()
    }
    token.then(clear, clear)
    return request
  }

  /** Watches the limit of `request` while no caller with a signal waits for it: once it has run 30 s, it is given up. */
  #watch(request: TokenRequest): void {
    if (request.limit !== undefined || request.controller.signal.aborted) return
    const left = REQUEST_LIMIT_MS - (this.#clock.now() - request.startedAt)
    if (left <= 0) {
      this.#giveUp(request)
      return
    }
    const expire = () => {
      request.limit = undefined
      // A caller that joined meanwhile keeps it; the limit is checked again when the last one leaves.
      if (request.waiters === 0) this.#giveUp(request)
    }
    // On a clock the client was given, the limit runs on that clock's time, as an attempt's does.
    request.limit = this.#clock === systemClock ? limits.start(left, expire) : new ClockLimit(this.#clock, left, expire)
  }

  /** Abandons `request` for having run past its limit. */
  #giveUp(request: TokenRequest): void {
    this.#abandon(request, `The credential gave no token for ${this.#scope} within ${REQUEST_LIMIT_MS} ms`)
  }

  /** Gives up on `request`: the credential's signal aborts, its waiters are rejected, and the next `fetch` asks anew. */
  #abandon(request: TokenRequest, why: string): void {
    if (this.#pending === request) this.#pending = undefined
    request.limit?.cancel()
    request.limit = undefined
    request.controller.abort(new CredentialError(why))
  }

  async #request(signal: AbortSignal, seq: number): Promise<string> {
    let result: AccessToken | null
    try {
      result = await this.#getToken([this.#scope], { abortSignal: signal })
    } catch (cause) {
      throw new CredentialError(`The credential could not get a token for ${this.#scope}: ${messageOf(cause)}`, { cause })
    }
    if (result === null || typeof result !== 'object' || typeof result.token !== 'string' || result.token === '') {
      throw new CredentialError(`The credential returned no token for ${this.#scope}`)
    }
    const expiresOn = result.expiresOnTimestamp
    if (typeof expiresOn !== 'number' || Number.isNaN(expiresOn)) {
      throw new CredentialError(`The credential returned a token for ${this.#scope} without expiresOnTimestamp (expected milliseconds since the epoch)`)
    }
    const now = this.#clock.now()
    // Graph would only refuse it, with a 401 that names nothing; a credential giving seconds instead of
    // milliseconds, or a clock far off, shows here.
    if (expiresOn <= now) {
      throw new CredentialError(
        `The credential returned a token for ${this.#scope} that had already expired (expiresOnTimestamp ${timeOf(expiresOn)}, now ${timeOf(now)}); nothing was sent. expiresOnTimestamp is in milliseconds since the epoch: check the credential and the clock`,
      )
    }
    // A late answer is kept, for the next call, unless the client closed or a later request's token is cached.
    if (this.#closed || seq < this.#storedSeq) return result.token
    this.#storedSeq = seq
    this.#usableUntil = expiresOn - EXPIRY_MARGIN_MS
    // Renew when the issuer says, else 5 minutes before expiry; a short-lived token at half its life.
    const renewAt = result.refreshAfterTimestamp ?? Math.max(expiresOn - RENEW_BEFORE_EXPIRY_MS, now + (expiresOn - now) / 2)
    this.#renewAt = Math.min(renewAt, this.#usableUntil)
    this.#token = result.token
    return result.token
  }
}

/** A time for a message: ISO 8601 when it is one, else the number as it came. */
function timeOf(ms: number): string {
  return Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms)
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
