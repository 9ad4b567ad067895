import { CredentialError } from '../errors.ts'
import type { Clock } from './clock.ts'
import type { AccessToken, Credential, GetToken } from './token-credential.ts'

/** A token is renewed (in the background, while still sent) this long before it expires... */
const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000
/** ...and no longer sent this close to expiry: it could expire in flight, or on a Graph clock that runs ahead. */
const EXPIRY_MARGIN_MS = 30_000
/** After a failed background renewal, the next one waits this long. */
const RENEW_RETRY_MS = 30_000

/**
 * The access token of one client: cached, renewed ahead of expiry, and fetched by one request at a time
 * however many calls need it (credentials such as `@azure/identity`'s do not merge concurrent requests).
 * The token lives only in private fields, so neither `util.inspect` nor `JSON.stringify` shows it.
 */
export class TokenCache {
  readonly #getToken: GetToken
  readonly #scope: string
  readonly #clock: Clock
  #token: string | undefined
  #renewAt = 0
  #usableUntil = 0
  #pending: Promise<string> | undefined
  /** Aborted by `close()`: a token request still running then must not hold the process open. */
  readonly #closing = new AbortController()

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

  /** A fresh token; concurrent callers share one request to the credential. */
  fetch(): Promise<string> {
    if (this.#pending === undefined) {
      const pending = this.#request()
      this.#pending = pending
      const clear = () => {
        if (this.#pending === pending) this.#pending = undefined
      }
      pending.then(clear, clear)
    }
    return this.#pending
  }

  /** Aborts the signal every token request is given: one in flight stops (its waiters get a `CredentialError`), if the credential honours it. */
  close(): void {
    this.#closing.abort()
  }

  /** Forgets `token` (Graph refused it), so that the next send fetches a new one. */
  invalidate(token: string): void {
    if (this.#token === token) this.#token = undefined
  }

  async #request(): Promise<string> {
    let result: AccessToken | null
    try {
      result = await this.#getToken([this.#scope], { abortSignal: this.#closing.signal })
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
    this.#usableUntil = expiresOn - EXPIRY_MARGIN_MS
    // Renew when the issuer says, else 5 minutes before expiry; a short-lived token at half its life.
    const renewAt = result.refreshAfterTimestamp ?? Math.max(expiresOn - RENEW_BEFORE_EXPIRY_MS, now + (expiresOn - now) / 2)
    this.#renewAt = Math.min(renewAt, this.#usableUntil)
    this.#token = result.token
    return result.token
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
