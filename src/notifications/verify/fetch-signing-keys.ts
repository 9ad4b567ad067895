import { isTrustedKeyUrl, type KeyFetch } from './verify-options.ts'

/** A public signing key from the key set, with the members the verifier reads. */
export interface SigningJwk {
  readonly kid: string
  readonly kty: string
  readonly alg?: string
  readonly [member: string]: unknown
}

/** Why the keys could not be fetched; the message names the URL and what was wrong, nothing secret. */
export class KeyFetchError extends Error {
  override name = 'KeyFetchError'
}

const JSON_HEADERS = { accept: 'application/json' }

async function getJson(url: string, fetchKeys: KeyFetch, timeoutMs: number): Promise<unknown> {
  let response: Response
  try {
    response = await fetchKeys(url, { signal: AbortSignal.timeout(timeoutMs), headers: JSON_HEADERS })
  } catch (cause) {
    throw fetchFailure(url, cause, timeoutMs, 'could not be reached')
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {})
    throw new KeyFetchError(`${url} answered HTTP ${response.status}`)
  }
  try {
    return await response.json()
  } catch (cause) {
    // The time limit covers the body too: one still coming when it passes is late, not other than JSON.
    throw fetchFailure(url, cause, timeoutMs, 'did not answer with JSON')
  }
}

function fetchFailure(url: string, cause: unknown, timeoutMs: number, otherwise: string): KeyFetchError {
  const timedOut = cause instanceof Error && cause.name === 'TimeoutError'
  return new KeyFetchError(timedOut ? `${url} did not answer within ${timeoutMs} ms` : `${url} ${otherwise}`, { cause })
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A key that can check a signature: public, asymmetric, meant for signatures, with an id. */
function isUsableSigningKey(key: unknown): key is SigningJwk {
  return (
    isObject(key) &&
    typeof key.kid === 'string' && key.kid !== '' &&
    (key.kty === 'RSA' || key.kty === 'EC' || key.kty === 'OKP') &&
    (key.use === undefined || key.use === 'sig') &&
    (key.alg === undefined || typeof key.alg === 'string')
  )
}

/**
 * Reads the OpenID configuration at `openIdConfigurationUrl`, then the key set at its `jwks_uri`, and
 * returns the usable signing keys. Symmetric keys and keys for encryption are left out. Throws a
 * `KeyFetchError` when either document cannot be read or no usable key remains.
 */
export async function fetchSigningKeys(openIdConfigurationUrl: string, fetchKeys: KeyFetch, timeoutMs: number): Promise<SigningJwk[]> {
  const configuration = await getJson(openIdConfigurationUrl, fetchKeys, timeoutMs)
  const jwksUri = isObject(configuration) ? configuration.jwks_uri : undefined
  if (typeof jwksUri !== 'string' || !URL.canParse(jwksUri, openIdConfigurationUrl)) {
    throw new KeyFetchError(`the OpenID configuration at ${openIdConfigurationUrl} has no valid "jwks_uri"`)
  }
  const jwksUrl = new URL(jwksUri, openIdConfigurationUrl)
  if (!isTrustedKeyUrl(jwksUrl)) {
    throw new KeyFetchError(`the OpenID configuration at ${openIdConfigurationUrl} points to keys over plain http (${jwksUrl.href})`)
  }
  const jwks = await getJson(jwksUrl.href, fetchKeys, timeoutMs)
  if (!isObject(jwks) || !Array.isArray(jwks.keys)) {
    throw new KeyFetchError(`${jwksUrl.href} is not a JSON Web Key Set (no "keys" array)`)
  }
  const keys = jwks.keys.filter(isUsableSigningKey)
  if (keys.length === 0) throw new KeyFetchError(`${jwksUrl.href} holds no usable public signing key`)
  return keys
}
