import { ValidationError, type Issue } from '../../errors.ts'

/** Where Graph publishes the keys it signs notification tokens with (the global cloud). */
export const GRAPH_OPENID_CONFIGURATION_URL = 'https://api.aps.skype.com/v1/.well-known/OpenIdConfiguration'

/** The issuers of Graph's notification tokens in the global cloud. */
export const GRAPH_NOTIFICATION_ISSUERS: readonly string[] = ['https://graph.microsoft.com', 'https://api.botframework.com']

/** The subset of `fetch` the verifier uses to read the OpenID configuration and the key set. */
export type KeyFetch = (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<Response>

/** Options of `verifyNotificationToken` and `createNotificationTokenVerifier`. */
export interface VerifyNotificationTokenOptions {
  /** The bot's Microsoft app id, or several when one endpoint serves several bots: the token's `aud`. */
  appId: string | readonly string[]
  /**
   * The OpenID configuration whose `jwks_uri` lists the signing keys. Must be https (plain http only on a
   * loopback host, for tests).
   * @default 'https://api.aps.skype.com/v1/.well-known/OpenIdConfiguration'
   */
  openIdConfigurationUrl?: string | undefined
  /**
   * Accepted `iss` values, compared exactly.
   * @default ['https://graph.microsoft.com', 'https://api.botframework.com']
   */
  issuers?: readonly string[] | undefined
  /** When given, only tokens whose `tid` is one of these tenant ids (compared case-insensitively) pass. */
  allowedTenantIds?: readonly string[] | undefined
  /**
   * Seconds of clock difference allowed when checking `exp` and `nbf`.
   * @default 300
   */
  clockToleranceSec?: number | undefined
  /**
   * Accepted signature algorithms; asymmetric ones only (`none` and HMAC are refused).
   * @default ['RS256']
   */
  algorithms?: readonly string[] | undefined
  /**
   * How long fetched keys are used before they are fetched again.
   * @default 86_400_000 (24 hours)
   */
  keyRefreshIntervalMs?: number | undefined
  /**
   * The least time between two fetches caused by a token signed with a key not in the cached set, so a
   * flood of forged key ids cannot hammer the key endpoint. Other fetches (the first, the scheduled
   * refreshes) do not count, so a newly rotated key is fetched when its first token comes.
   * @default 300_000 (5 minutes)
   */
  unknownKeyRefetchIntervalMs?: number | undefined
  /**
   * After a failed fetch, how long to wait before trying again; meanwhile cached keys stay in use, and
   * without any, tokens are refused with `keys-unavailable`.
   * @default 10_000
   */
  failedKeyFetchRetryMs?: number | undefined
  /**
   * Time limit of each request to the key endpoints, given to `fetch` as its `signal`.
   * @default 10_000
   */
  keyFetchTimeoutMs?: number | undefined
  /**
   * The function that fetches the OpenID configuration and the key set. It must honour `init.signal`:
   * the time limit is that signal, and verifications wait for the fetch under way.
   * @default globalThis.fetch
   */
  fetch?: KeyFetch | undefined
  /**
   * The clock, in milliseconds since the epoch (or a `Date`).
   * @default Date.now
   */
  now?: (() => number | Date) | undefined
}

/** The signature algorithms that can be configured: asymmetric only, so a public key is never an HMAC secret. */
export const ASYMMETRIC_ALGORITHMS: readonly string[] = [
  'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519',
]

/** The key-endpoint settings that identify one shared key cache. */
export interface KeySourceSettings {
  readonly openIdConfigurationUrl: string
  readonly fetch: KeyFetch | undefined
  readonly keyRefreshIntervalMs: number
  readonly unknownKeyRefetchIntervalMs: number
  readonly failedKeyFetchRetryMs: number
  readonly keyFetchTimeoutMs: number
}

/** Verifier options with every default applied and every value checked. */
export interface ResolvedVerifyOptions extends KeySourceSettings {
  readonly appIds: readonly string[]
  readonly issuers: readonly string[]
  readonly allowedTenantIds: ReadonlySet<string> | undefined
  readonly clockToleranceSec: number
  readonly algorithms: readonly string[]
  readonly nowMs: () => number
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** Whether keys may be fetched from `url`: https, or plain http on a loopback host only. */
export function isTrustedKeyUrl(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
}

function nonEmptyStrings(value: unknown, path: string, what: string, issues: Issue[]): string[] {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined
  if (list === undefined || list.length === 0) {
    issues.push({ path, message: `expected ${what}: a non-empty string or a non-empty array of them` })
    return []
  }
  list.forEach((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') issues.push({ path: `${path}[${i}]`, message: `expected ${what}: a non-empty string` })
  })
  return list as string[]
}

function duration(value: number | undefined, fallback: number, path: string, issues: Issue[], least = 0): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value) || value < least) {
    issues.push({ path, message: `expected a finite number of ${least} or more` })
  }
  return value
}

function clockOf(now: VerifyNotificationTokenOptions['now']): () => number {
  if (now === undefined) return Date.now
  return () => {
    const value = now()
    return value instanceof Date ? value.getTime() : value
  }
}

/** Applies the defaults to `options` and checks them; throws a `ValidationError` naming each bad field. */
export function resolveVerifyOptions(options: VerifyNotificationTokenOptions): ResolvedVerifyOptions {
  const issues: Issue[] = []
  const appIds = nonEmptyStrings(options?.appId, '$.appId', "the bot's app id", issues)
  const issuers = nonEmptyStrings(options?.issuers ?? GRAPH_NOTIFICATION_ISSUERS, '$.issuers', 'an accepted issuer', issues)
  const algorithms = nonEmptyStrings(options?.algorithms ?? ['RS256'], '$.algorithms', 'a signature algorithm', issues)
  algorithms.forEach((alg, i) => {
    if (typeof alg === 'string' && !ASYMMETRIC_ALGORITHMS.includes(alg)) {
      issues.push({ path: `$.algorithms[${i}]`, message: `expected one of ${ASYMMETRIC_ALGORITHMS.join(', ')} (none and HMAC are never accepted)` })
    }
  })
  const tenants = options?.allowedTenantIds === undefined
    ? undefined
    : nonEmptyStrings(options.allowedTenantIds, '$.allowedTenantIds', 'a tenant id', issues)
  const openIdConfigurationUrl = options?.openIdConfigurationUrl ?? GRAPH_OPENID_CONFIGURATION_URL
  if (!URL.canParse(openIdConfigurationUrl) || !isTrustedKeyUrl(new URL(openIdConfigurationUrl))) {
    issues.push({ path: '$.openIdConfigurationUrl', message: 'expected an absolute https URL (http only on a loopback host)' })
  }
  if (options?.fetch !== undefined && typeof options.fetch !== 'function') issues.push({ path: '$.fetch', message: 'expected a function' })
  if (options?.now !== undefined && typeof options.now !== 'function') issues.push({ path: '$.now', message: 'expected a function' })
  // Asked once here: a clock that gives no time would fail every check deep inside, with a RangeError.
  else if (options?.now && !Number.isFinite(+options.now())) issues.push({ path: '$.now', message: 'expected a function that gives the time' })
  const resolved: ResolvedVerifyOptions = {
    appIds,
    issuers,
    algorithms,
    allowedTenantIds: tenants && new Set(tenants.map((t) => String(t).toLowerCase())),
    clockToleranceSec: duration(options?.clockToleranceSec, 300, '$.clockToleranceSec', issues),
    keyRefreshIntervalMs: duration(options?.keyRefreshIntervalMs, 86_400_000, '$.keyRefreshIntervalMs', issues, 1),
    unknownKeyRefetchIntervalMs: duration(options?.unknownKeyRefetchIntervalMs, 300_000, '$.unknownKeyRefetchIntervalMs', issues),
    failedKeyFetchRetryMs: duration(options?.failedKeyFetchRetryMs, 10_000, '$.failedKeyFetchRetryMs', issues),
    keyFetchTimeoutMs: duration(options?.keyFetchTimeoutMs, 10_000, '$.keyFetchTimeoutMs', issues, 1),
    openIdConfigurationUrl,
    fetch: options?.fetch,
    nowMs: clockOf(options?.now),
  }
  if (issues.length > 0) throw new ValidationError('notification token verifier options', issues)
  return resolved
}
