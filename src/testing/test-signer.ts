import type { webcrypto } from 'node:crypto'

/** Options of `createTestSigner`. */
export interface TestSignerOptions {
  /**
   * The bot's app id: the `aud` of every token.
   * @default '11111111-1111-4111-8111-111111111111'
   */
  appId?: string | undefined
  /**
   * The tenant id: the `tid` of every token.
   * @default '22222222-2222-4222-8222-222222222222'
   */
  tenantId?: string | undefined
  /**
   * The `iss` of every token.
   * @default 'https://graph.microsoft.com'
   */
  issuer?: string | undefined
  /**
   * Where the signer's `fetch` serves its OpenID configuration; the key set is served next to it, at `../keys`.
   * @default a URL unique to this signer under https://test-signer.graph-calling.invalid/
   */
  openIdConfigurationUrl?: string | undefined
  /**
   * The clock tokens are dated by, in milliseconds since the epoch (or a `Date`).
   * @default Date.now
   */
  now?: (() => number | Date) | undefined
}

/** Options of one `sign` call. */
export interface TestSignOptions {
  /** Header fields merged over the default `{ alg: 'RS256', kid, typ: 'JWT', cty: 'JWT' }`. */
  header?: Record<string, unknown> | undefined
  /**
   * Seconds from `nbf` to `exp`.
   * @default 300
   */
  lifetimeSec?: number | undefined
}

/** A public RSA signing key as the key set publishes it: no private member ever. */
export interface TestPublicJwk {
  readonly kty: 'RSA'
  readonly use: 'sig'
  readonly kid: string
  readonly n: string
  readonly e: string
}

/** The OpenID configuration document the signer serves, shaped like Graph's. */
export interface TestOpenIdConfiguration {
  readonly issuer: string
  readonly jwks_uri: string
  readonly id_token_signing_alg_values_supported: readonly string[]
  readonly token_endpoint_auth_methods_supported: readonly string[]
}

/** A stand-in for Graph's notification token signing: its own RS256 key, key set and OpenID configuration. */
export interface TestSigner {
  /** The `aud` of the tokens. */
  readonly appId: string
  /** The `tid` of the tokens. */
  readonly tenantId: string
  /** The `iss` of the tokens. */
  readonly issuer: string
  /** The id (`kid`) of the current signing key. */
  readonly keyId: string
  /** Pass as the verifier's `openIdConfigurationUrl`. */
  readonly openIdConfigurationUrl: string
  /** Where the key set is served. */
  readonly jwksUri: string
  /** The OpenID configuration document, pointing to `jwksUri`. */
  readonly openIdConfiguration: TestOpenIdConfiguration
  /** The key set: the current public key only. */
  readonly jwks: { readonly keys: readonly TestPublicJwk[] }
  /** A `fetch` that serves the OpenID configuration and the key set, and 404 for anything else; pass as the verifier's `fetch`. */
  readonly fetch: (input: string | URL | { readonly url: string }, init?: unknown) => Promise<Response>
  /**
   * Signs a token shaped like Graph's: `{ iss, aud, tid, nbf: now, exp: now + 5 min }` (no `iat`), header
   * `{ alg: 'RS256', kid, typ: 'JWT', cty: 'JWT' }`. `claims` are merged over those; a claim set to
   * `undefined` is left out.
   */
  sign(claims?: Record<string, unknown>, options?: TestSignOptions): Promise<string>
  /** `Bearer <sign(claims, options)>`, the value of the notification's `Authorization` header. */
  authorizationHeader(claims?: Record<string, unknown>, options?: TestSignOptions): Promise<string>
  /** Replaces the signing key with a new one (new `kid`); the key set then holds only the new key. */
  rotateKey(): Promise<void>
}

interface SigningKey {
  readonly kid: string
  readonly privateKey: webcrypto.CryptoKey
  readonly publicJwk: TestPublicJwk
}

const RS256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const

function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

function encodeJson(value: unknown): string {
  return base64url(new TextEncoder().encode(JSON.stringify(value)))
}

async function generateSigningKey(): Promise<SigningKey> {
  // The private key is not extractable: nothing of it can end up in the key set or a log.
  const pair = (await crypto.subtle.generateKey(
    { ...RS256, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    false,
    ['sign', 'verify'],
  )) as webcrypto.CryptoKeyPair
  const { n, e } = await crypto.subtle.exportKey('jwk', pair.publicKey)
  if (n === undefined || e === undefined) throw new Error('the generated RSA public key has no modulus or exponent')
  const kid = base64url(crypto.getRandomValues(new Uint8Array(20)))
  return { kid, privateKey: pair.privateKey, publicJwk: { kty: 'RSA', use: 'sig', kid, n, e } }
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

/**
 * Creates a test signer: an RS256 key pair of its own, and a local `fetch` serving its OpenID configuration
 * and key set, so tokens verify offline with
 * `verifyNotificationToken(await signer.authorizationHeader(), { appId: signer.appId, openIdConfigurationUrl: signer.openIdConfigurationUrl, fetch: signer.fetch })`.
 */
export async function createTestSigner(options: TestSignerOptions = {}): Promise<TestSigner> {
  const appId = options.appId ?? '11111111-1111-4111-8111-111111111111'
  const tenantId = options.tenantId ?? '22222222-2222-4222-8222-222222222222'
  const issuer = options.issuer ?? 'https://graph.microsoft.com'
  const openIdConfigurationUrl =
    options.openIdConfigurationUrl ?? `https://test-signer.graph-calling.invalid/${crypto.randomUUID()}/v1/.well-known/OpenIdConfiguration`
  const jwksUri = new URL('../keys', openIdConfigurationUrl).href
  const openIdConfiguration: TestOpenIdConfiguration = {
    issuer: 'https://api.botframework.com',
    jwks_uri: jwksUri,
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
  }
  const nowSec = (): number => {
    const now = options.now?.() ?? Date.now()
    return Math.floor((now instanceof Date ? now.getTime() : now) / 1000)
  }
  let key = await generateSigningKey()

  const sign = async (claims: Record<string, unknown> = {}, signOptions: TestSignOptions = {}): Promise<string> => {
    const nbf = nowSec()
    const header = { alg: 'RS256', kid: key.kid, typ: 'JWT', cty: 'JWT', ...signOptions.header }
    const payload = { iss: issuer, aud: appId, tid: tenantId, nbf, exp: nbf + (signOptions.lifetimeSec ?? 300), ...claims }
    const input = `${encodeJson(header)}.${encodeJson(payload)}`
    const signature = await crypto.subtle.sign(RS256, key.privateKey, new TextEncoder().encode(input))
    return `${input}.${base64url(new Uint8Array(signature))}`
  }

  return {
    appId,
    tenantId,
    issuer,
    get keyId() {
      return key.kid
    },
    openIdConfigurationUrl,
    jwksUri,
    openIdConfiguration,
    get jwks() {
      return { keys: [key.publicJwk] }
    },
    fetch: async (input) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
      const path = url.split(/[?#]/, 1)[0]
      if (path === openIdConfigurationUrl) return json(openIdConfiguration)
      if (path === jwksUri) return json({ keys: [key.publicJwk] })
      return json({ error: 'not found' }, 404)
    },
    sign,
    authorizationHeader: async (claims, signOptions) => `Bearer ${await sign(claims, signOptions)}`,
    rotateKey: async () => {
      key = await generateSigningKey()
    },
  }
}
