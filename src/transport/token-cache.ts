import { CredentialError } from '../errors.ts'
import type { Clock } from './clock.ts'
import type { AccessToken, Credential, GetToken } from './token-credential.ts'
import { untilAborted } from './until-aborted.ts'

/** A token is renewed (in the background, while still sent) this long before it expires... */
const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000
/** ...and no longer sent this close to expiry: it could expire in flight, or on a Graph clock that runs ahead. */
const EXPIRY_MARGIN_MS = 30_000
/** After a failed background renewal, the next one waits this long. */
const RENEW_RETRY_MS = 30_000

/** One request to the credential, shared by every caller of `fetch` while it runs. */
interface TokenRequest {
  /** Settles with the token, or rejects with the credential's error or the reason it was abandoned. */
  readonly token: Promise<string>
  /** Aborts the signal the credential was given, and rejects `token`. */
  readonly controller: AbortController
  /** How many callers with a signal still wait for it. */
  waiters: number
  readonly startedAt: number
}

/**
 * The access token of one client: cached, renewed ahead of expiry, and fetched by one request at a time
 * however many calls need it (credentials such as `@azure/identity`'s do not merge concurrent requests).
 * A request that every caller waiting for it has given up on is abandoned, so that a credential that
 * never answers is asked again by the next caller rather than awaited forever.
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
    // A background renewal that nobody awaits has no time limit of its own: one still running when the
    // next would be due is taken as lost, and made again.
    const pending = this.#pending
    if (pending !== undefined && pending.waiters === 0 && now - pending.startedAt >= RENEW_RETRY_MS) {
      this.#abandon(pending, `The credential gave no token for ${this.#scope} within ${RENEW_RETRY_MS} ms`)
    }
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
   * (`signal` aborts) is rejected with the signal's reason at once; when the last caller waiting with a
   * signal gives up, the request is abandoned: its credential's `abortSignal` aborts, and the next
   * caller asks the credential again.
   */
  fetch(signal?: AbortSignal): Promise<string> {
    if (this.#closed) return Promise.reject(new CredentialError(`No token is fetched for ${this.#scope}: the client was closed`))
    if (signal?.aborted) return Promise.reject(signal.reason)
    const request = (this.#pending ??= this.#start())
    if (signal === undefined) return request.token
    request.waiters++
    return untilAborted(request.token, signal, () => {
      if (--request.waiters === 0) this.#abandon(request, `The token request for ${this.#scope} was abandoned: no call waits for it any more`)
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
    const token = new Promise<string>((resolve, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true })
      this.#request(controller.signal).then(resolve, reject)
    })
    const request: TokenRequest = { token, controller, waiters: 0, startedAt: this.#clock.now() }
    const clear = () => {
      if (this.#pending === request) this.#pending = undefined
    }
    token.then(clear, clear)
    return request
  }

  /** Gives up on `request`: the credential's signal aborts, its waiters are rejected, and the next `fetch` asks anew. */
  #abandon(request: TokenRequest, why: string): void {
    if (this.#pending === request) this.#pending = undefined
    request.controller.abort(new CredentialError(why))
  }

  async #request(signal: AbortSignal): Promise<string> {
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
    // An abandoned request's late answer is not kept: a newer request may have stored its token already.
    if (signal.aborted) throw signal.reason
    const now = this.#clock.now()
    // Graph would only refuse it, with a 401 that names nothing; a credential giving seconds instead of
    // milliseconds, or a clock far off, shows here.
    if (expiresOn <= now) {
      throw new CredentialError(
        `The credential returned a token for ${this.#scope} that had already expired (expiresOnTimestamp ${timeOf(expiresOn)}, now ${timeOf(now)}); nothing was sent. expiresOnTimestamp is in milliseconds since the epoch: check the credential and the clock`,
      )
    }
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
