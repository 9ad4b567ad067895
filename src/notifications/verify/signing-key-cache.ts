import type { CryptoKey, JWK } from 'jose'
import { NotificationAuthError } from '../../errors.ts'
import { fetchSigningKeys, KeyFetchError, type SigningJwk } from './fetch-signing-keys.ts'
import { loadJose } from './load-jose.ts'
import { quoteClaim } from './quote-claim.ts'
import type { KeyFetch, KeySourceSettings } from './verify-options.ts'

/** The members of each key type that make up its public key; anything else (such as `d`) is never imported. */
const PUBLIC_MEMBERS: Readonly<Record<string, readonly string[]>> = { RSA: ['n', 'e'], EC: ['crv', 'x', 'y'], OKP: ['crv', 'x'] }

function keyTypeOf(alg: string): string {
  if (alg.startsWith('RS') || alg.startsWith('PS')) return 'RSA'
  if (alg.startsWith('ES')) return 'EC'
  return 'OKP'
}

function publicPart(jwk: SigningJwk): JWK {
  const members: Record<string, unknown> = { kty: jwk.kty }
  for (const name of PUBLIC_MEMBERS[jwk.kty] ?? []) members[name] = jwk[name]
  return members as JWK
}

/**
 * The signing keys of one OpenID configuration, fetched on first use and cached. They are fetched again
 * when older than `keyRefreshIntervalMs`, and when a token names an unknown `kid`, at most once per
 * `unknownKeyRefetchIntervalMs` (counted from the last such refetch only, so a key rotated in just after
 * a scheduled fetch is still found). Concurrent fetches are merged into one. A scheduled refresh runs
 * while the keys held answer, and when it fails they stay in use, for at most a second refresh interval;
 * without any, lookups fail closed with `keys-unavailable`. Time is passed in by the caller, so one cache serves verifiers with any clock.
 */
export class SigningKeyCache {
  readonly #settings: KeySourceSettings
  #keys = new Map<string, SigningJwk>()
  #imported = new Map<string, Promise<CryptoKey>>()
  #fetchedAtMs: number | undefined
  #lastAttemptAtMs: number | undefined
  #lastUnknownKeyRefetchAtMs: number | undefined
  /** Fetches finished, either way: tells a lookup whether the key set was fetched while it waited. */
  #settledFetches = 0
  #lastFailure: KeyFetchError | undefined
  #inflight: Promise<void> | undefined

  constructor(settings: KeySourceSettings) {
    this.#settings = settings
  }

  /** The public key with id `kid` for algorithm `alg`; throws `keys-unavailable` or `bad-signature`. */
  async keyFor(kid: string, alg: string, nowMs: number): Promise<CryptoKey> {
    const settledBefore = this.#settledFetches
    await this.#ensureFresh(nowMs)
    let jwk = this.#keys.get(kid)
    // A key set fetched while this lookup waited is as fresh as it gets: fetching it again would not help.
    if (jwk === undefined && this.#settledFetches === settledBefore) {
      const mayStart = this.#inflight === undefined && this.#mayRefetchForUnknownKey(nowMs)
      if (mayStart) this.#lastUnknownKeyRefetchAtMs = nowMs
      // Without a new fetch, still join the one in flight: it may bring the key.
      await this.#refresh(nowMs, mayStart)
      jwk = this.#keys.get(kid)
    }
    if (jwk === undefined) {
      // A key set that cannot be refreshed may be missing a newly rotated key: say so rather than blame the token.
      if (this.#lastFailure !== undefined) throw this.#unavailable(this.#lastFailure)
      throw new NotificationAuthError(
        'bad-signature',
        `The bearer token is signed with key ${quoteClaim(kid)}, which is not in the key set of ${this.#settings.openIdConfigurationUrl}: the token was not issued by Graph, or this cloud's keys are published at another openIdConfigurationUrl.`,
      )
    }
    return this.#import(jwk, alg)
  }

  async #ensureFresh(nowMs: number): Promise<void> {
    const { keyRefreshIntervalMs } = this.#settings
    const fetchedAt = this.#fetchedAtMs
    if (fetchedAt === undefined || nowMs - fetchedAt >= keyRefreshIntervalMs) {
      const refresh = this.#refresh(nowMs, this.#mayRetry(nowMs))
      // Keys held for less than two refresh intervals answer at once while the refresh runs on: a slow or
      // hanging key endpoint (up to keyFetchTimeoutMs per document) must not hold up a notification that
      // Graph wants answered within seconds. A token signed with a key not held waits for the refresh.
      if (fetchedAt === undefined || nowMs - fetchedAt >= 2 * keyRefreshIntervalMs) await refresh
    }
    const held = this.#fetchedAtMs
    if (held === undefined || nowMs - held >= 2 * keyRefreshIntervalMs) {
      throw this.#unavailable(this.#lastFailure)
    }
  }

  /** Whether a fetch may start now: not within `failedKeyFetchRetryMs` of a failed one. */
  #mayRetry(nowMs: number): boolean {
    const last = this.#lastAttemptAtMs
    return this.#lastFailure === undefined || last === undefined || nowMs - last >= this.#settings.failedKeyFetchRetryMs
  }

  /** Whether a token's unknown `kid` may start a fetch: the last one it caused is old enough, and so is any failure. */
  #mayRefetchForUnknownKey(nowMs: number): boolean {
    const last = this.#lastUnknownKeyRefetchAtMs
    return (last === undefined || nowMs - last >= this.#settings.unknownKeyRefetchIntervalMs) && this.#mayRetry(nowMs)
  }

  /** Joins the fetch in flight, or starts one when `mayStart`; never rejects (failures are kept). */
  async #refresh(nowMs: number, mayStart: boolean): Promise<void> {
    if (this.#inflight === undefined && mayStart) {
      this.#lastAttemptAtMs = nowMs
      const { openIdConfigurationUrl, keyFetchTimeoutMs } = this.#settings
      const fetchKeys: KeyFetch = this.#settings.fetch ?? ((url, init) => globalThis.fetch(url, init))
      this.#inflight = fetchSigningKeys(openIdConfigurationUrl, fetchKeys, keyFetchTimeoutMs)
        .then(
          (keys) => {
            this.#keys = new Map(keys.map((key) => [key.kid, key]))
            this.#imported = new Map()
            this.#fetchedAtMs = nowMs
            this.#lastFailure = undefined
          },
          (failure: unknown) => {
            this.#lastFailure = failure instanceof KeyFetchError ? failure : new KeyFetchError('the key fetch failed', { cause: failure })
          },
        )
        .finally(() => {
          this.#inflight = undefined
          this.#settledFetches++
        })
    }
    await this.#inflight
  }

  async #import(jwk: SigningJwk, alg: string): Promise<CryptoKey> {
    if ((jwk.alg !== undefined && jwk.alg !== alg) || keyTypeOf(alg) !== jwk.kty) {
      throw new NotificationAuthError(
        'bad-signature',
        `The bearer token claims algorithm ${quoteClaim(alg)}, which its signing key ${quoteClaim(jwk.kid)} (${jwk.kty}${jwk.alg ? `, ${jwk.alg}` : ''}) does not allow.`,
      )
    }
    const id = `${alg} ${jwk.kid}`
    let key = this.#imported.get(id)
    if (key === undefined) {
      key = loadJose().then(({ importJWK }) => importJWK(publicPart(jwk), alg) as Promise<CryptoKey>)
      this.#imported.set(id, key)
      key.catch(() => this.#imported.delete(id))
    }
    try {
      return await key
    } catch {
      throw new NotificationAuthError('bad-signature', `Signing key ${quoteClaim(jwk.kid)} from ${this.#settings.openIdConfigurationUrl} is not a valid ${jwk.kty} key for ${alg}.`)
    }
  }

  #unavailable(failure: KeyFetchError | undefined): NotificationAuthError {
    const { openIdConfigurationUrl } = this.#settings
    return new NotificationAuthError(
      'keys-unavailable',
      `Graph's signing keys could not be fetched (${failure?.message ?? 'no fetch has completed'}), so notifications are refused until they can be. Check that this server can reach ${openIdConfigurationUrl}, or set openIdConfigurationUrl for another cloud.`,
      failure === undefined ? undefined : { cause: failure },
    )
  }
}
