import { SignJWT, base64url, exportJWK, exportSPKI, generateKeyPair, type CryptoKey, type JWK } from 'jose'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { NotificationAuthError, type NotificationAuthReason } from '../../../src/errors.ts'
import { verifyNotificationToken, type VerifyNotificationTokenOptions } from '../../../src/notifications/index.ts'
import { startKeyServer, type KeyServer } from './key-server.ts'
import { assertNothingOfSecretShown } from './token-leak.ts'

const APP_ID = '5f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
const TENANT_ID = 'aa2a1b3c-1111-4c2d-9e3f-123456789abc'
const T0 = Date.UTC(2026, 0, 15, 12, 0, 0)
const T0_SEC = T0 / 1000
const MINUTE = 60_000

interface RsaKey {
  readonly kid: string
  readonly privateKey: CryptoKey
  readonly publicJwk: JWK
  readonly publicPem: string
}

async function rsaKey(kid: string): Promise<RsaKey> {
  const { publicKey, privateKey } = await generateKeyPair('RS256')
  const jwk = await exportJWK(publicKey)
  // Shaped like Graph's key set: no "alg" member, "use": "sig".
  return { kid, privateKey, publicJwk: { ...jwk, kid, use: 'sig' }, publicPem: await exportSPKI(publicKey) }
}

/** A token shaped like Graph's: 5 minutes of life from T0, no iat, header with cty "JWT". */
function graphToken(key: RsaKey, claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT({ iss: 'https://graph.microsoft.com', aud: APP_ID, tid: TENANT_ID, nbf: T0_SEC, exp: T0_SEC + 300, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT', cty: 'JWT', ...header })
    .sign(key.privateKey)
}

function encodeJson(value: unknown): string {
  return base64url.encode(JSON.stringify(value))
}

let keyA: RsaKey
let keyB: RsaKey
let keyC: RsaKey
let server: KeyServer
let clock: number

beforeEach(async () => {
  keyA ??= await rsaKey('key-a')
  keyB ??= await rsaKey('key-b')
  keyC ??= await rsaKey('key-c')
  server = await startKeyServer([keyA.publicJwk])
  clock = T0
})

afterEach(async () => {
  await server.close()
})

function options(extra: Partial<VerifyNotificationTokenOptions> = {}): VerifyNotificationTokenOptions {
  // No `fetch` option: keys travel through the real globalThis.fetch to the loopback server.
  return { appId: APP_ID, openIdConfigurationUrl: server.openIdConfigurationUrl, now: () => clock, ...extra }
}

/** Verifies `authorization`, expects a refusal for `reason`, and checks that nothing of the secret shows. */
async function refusal(
  authorization: string | null | undefined,
  reason: NotificationAuthReason,
  extra: Partial<VerifyNotificationTokenOptions> = {},
): Promise<NotificationAuthError> {
  const error = await verifyNotificationToken(authorization, options(extra)).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(NotificationAuthError)
  const authError = error as NotificationAuthError
  expect({ reason: authError.reason, status: authError.status }).toEqual({ reason, status: 401 })
  if (authorization) assertNothingOfSecretShown(authError, authorization.replace(/^\S+\s+/, ''))
  return authError
}

const fetchRounds = () => server.hits.configuration

describe('verifyNotificationToken against a loopback key endpoint', () => {
  it('accepts a token shaped like Graph\'s: RS256, cty "JWT", no iat, 5 minutes of life', async () => {
    const token = await graphToken(keyA)
    const header = JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[0] ?? ''))) as Record<string, unknown>
    expect(header).toMatchObject({ alg: 'RS256', cty: 'JWT', kid: 'key-a' })
    const verified = await verifyNotificationToken(`Bearer ${token}`, options())
    expect(verified.tenantId).toBe(TENANT_ID)
    expect(verified.appId).toBe(APP_ID)
    expect(verified.claims).toEqual({ iss: 'https://graph.microsoft.com', aud: APP_ID, tid: TENANT_ID, nbf: T0_SEC, exp: T0_SEC + 300 })
    expect(verified.claims).not.toHaveProperty('iat')
    expect(server.hits).toEqual({ configuration: 1, jwks: 1 })
  })

  it('accepts the other Graph issuer, a lower-case scheme, and an audience among several app ids', async () => {
    const token = await graphToken(keyA, { iss: 'https://api.botframework.com', aud: APP_ID })
    const verified = await verifyNotificationToken(`bearer  ${token}`, options({ appId: ['00000000-0000-0000-0000-000000000001', APP_ID] }))
    expect(verified.appId).toBe(APP_ID)
    expect(verified.claims.iss).toBe('https://api.botframework.com')
  })

  describe('lifetime, with the default tolerance of 5 minutes', () => {
    it('accepts a token expired 299 s ago and refuses one expired 301 s ago', async () => {
      const token = `Bearer ${await graphToken(keyA)}`
      clock = T0 + 300_000 + 299_000
      await expect(verifyNotificationToken(token, options())).resolves.toMatchObject({ tenantId: TENANT_ID })
      clock = T0 + 300_000 + 301_000
      const error = await refusal(token, 'expired')
      expect(error.message).toContain('expired at 2026-01-15T12:05:00.000Z')
    })

    it('accepts a token valid from 299 s ahead and refuses one valid from 301 s ahead', async () => {
      await expect(verifyNotificationToken(`Bearer ${await graphToken(keyA, { nbf: T0_SEC + 299 })}`, options())).resolves.toBeDefined()
      const error = await refusal(`Bearer ${await graphToken(keyA, { nbf: T0_SEC + 301, exp: T0_SEC + 601 })}`, 'not-yet-valid')
      expect(error.message).toContain("Check the server's clock")
    })

    it('honours a configured tolerance', async () => {
      const token = `Bearer ${await graphToken(keyA)}`
      clock = T0 + 301_000
      await refusal(token, 'expired', { clockToleranceSec: 0 })
      await expect(verifyNotificationToken(token, options({ clockToleranceSec: 2 }))).resolves.toBeDefined()
    })
  })

  describe('claims', () => {
    it('refuses a token for another app, naming the expected app id', async () => {
      const error = await refusal(`Bearer ${await graphToken(keyA, { aud: 'another-app' })}`, 'wrong-audience')
      expect(error.message).toContain('"another-app"')
      expect(error.message).toContain(APP_ID)
    })

    it('refuses a token from another issuer, and accepts it when that issuer is configured', async () => {
      const token = `Bearer ${await graphToken(keyA, { iss: 'https://sts.windows.net/x/' })}`
      const error = await refusal(token, 'wrong-issuer')
      expect(error.message).toContain('https://graph.microsoft.com, https://api.botframework.com')
      await expect(verifyNotificationToken(token, options({ issuers: ['https://sts.windows.net/x/'] }))).resolves.toBeDefined()
    })

    it('quotes an issuer that is not a string as its JSON, so that it does not read as an accepted one', async () => {
      const error = await refusal(`Bearer ${await graphToken(keyA, { iss: ['https://graph.microsoft.com'] as never })}`, 'wrong-issuer')
      expect(error.message).toContain('was issued by "[\\"https://graph.microsoft.com\\"]"')
    })

    it('refuses a token without a tid', async () => {
      await refusal(`Bearer ${await graphToken(keyA, { tid: undefined })}`, 'missing-tenant')
    })

    it('refuses a tenant outside allowedTenantIds, and accepts one inside it whatever its case', async () => {
      const token = `Bearer ${await graphToken(keyA)}`
      await refusal(token, 'tenant-not-allowed', { allowedTenantIds: ['bb000000-0000-0000-0000-000000000000'] })
      const verified = await verifyNotificationToken(token, options({ allowedTenantIds: [TENANT_ID.toUpperCase()] }))
      expect(verified.tenantId).toBe(TENANT_ID)
    })
  })

  describe('forgeries', () => {
    it('refuses an unsigned token (alg "none") without fetching keys', async () => {
      const token = `${encodeJson({ alg: 'none', kid: 'key-a', typ: 'JWT' })}.${encodeJson({ aud: APP_ID, iss: 'https://graph.microsoft.com', tid: TENANT_ID, exp: T0_SEC + 300 })}.`
      const error = await refusal(`Bearer ${token}`, 'bad-signature')
      expect(error.message).toContain('not signed')
      expect(fetchRounds()).toBe(0)
    })

    it('refuses HS256 tokens whose secret is the public key, as PEM and as JWK bytes', async () => {
      for (const secret of [keyA.publicPem, JSON.stringify(keyA.publicJwk)]) {
        const token = await new SignJWT({ iss: 'https://graph.microsoft.com', aud: APP_ID, tid: TENANT_ID, nbf: T0_SEC, exp: T0_SEC + 300 })
          .setProtectedHeader({ alg: 'HS256', kid: 'key-a', typ: 'JWT' })
          .sign(new TextEncoder().encode(secret))
        const error = await refusal(`Bearer ${token}`, 'bad-signature')
        expect(error.message).toContain('"HS256", which is not an accepted algorithm (RS256)')
      }
    })

    it('refuses a token whose payload was altered after signing', async () => {
      const [header, , signature] = (await graphToken(keyA)).split('.')
      const altered = encodeJson({ iss: 'https://graph.microsoft.com', aud: APP_ID, tid: 'ffffffff-0000-0000-0000-000000000000', nbf: T0_SEC, exp: T0_SEC + 300 })
      const error = await refusal(`Bearer ${header}.${altered}.${signature}`, 'bad-signature')
      expect(error.message).toContain('altered or not signed by Graph')
    })

    it('refuses a token whose signature was altered', async () => {
      const token = await graphToken(keyA)
      const at = token.lastIndexOf('.') + 20
      const flipped = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1)
      await refusal(`Bearer ${flipped}`, 'bad-signature')
    })

    it('refuses a token signed by a key of the right id but not Graph\'s', async () => {
      const impostor = await rsaKey('key-a')
      await refusal(`Bearer ${await graphToken(impostor)}`, 'bad-signature')
    })
  })

  describe('the Authorization header', () => {
    it('refuses a request without one', async () => {
      for (const missing of [undefined, null, '', '   ']) {
        const error = await refusal(missing, 'missing-token')
        expect(error.message).toContain('Authorization: Bearer <JWT>')
      }
    })

    it('refuses the Basic scheme without showing the credential', async () => {
      const error = await refusal('Basic dXNlcjpzM2NyZXQtcGFzc3dvcmQ=', 'missing-token')
      expect(error.message).toContain('"Basic" scheme')
      expect(fetchRounds()).toBe(0)
    })

    it('refuses tokens that are not compact JWTs', async () => {
      await refusal('Bearer not-a-jwt', 'malformed')
      await refusal('Bearer a.b', 'malformed')
      await refusal('Bearer a.b.c.d', 'malformed')
      await refusal('Bearer abc!.def.ghi', 'malformed')
      await refusal(`Bearer ${encodeJson('just a string')}.${encodeJson({})}.c2ln`, 'malformed')
      await refusal(`Bearer ${encodeJson({ alg: 'RS256' })}.${encodeJson({})}.c2ln`, 'malformed')
      await refusal(`Bearer ${'a'.repeat(20_000)}.b.c`, 'malformed')
      expect(fetchRounds()).toBe(0)
    })
  })

  describe('keys', () => {
    it('refetches once for an unknown kid when the keys are older than 5 minutes, then refuses', async () => {
      await verifyNotificationToken(`Bearer ${await graphToken(keyA)}`, options())
      expect(fetchRounds()).toBe(1)
      clock = T0 + 6 * MINUTE
      const stranger = await rsaKey('key-unknown')
      const token = `Bearer ${await graphToken(stranger, { nbf: clock / 1000, exp: clock / 1000 + 300 })}`
      const error = await refusal(token, 'bad-signature')
      expect(error.message).toContain('"key-unknown", which is not in the key set')
      expect(server.hits).toEqual({ configuration: 2, jwks: 2 })
      clock += 1000
      await refusal(token, 'bad-signature')
      expect(server.hits).toEqual({ configuration: 2, jwks: 2 })
    })

    it('does not refetch for an unknown kid right after fetching', async () => {
      const stranger = await rsaKey('key-unknown')
      await refusal(`Bearer ${await graphToken(stranger)}`, 'bad-signature')
      expect(fetchRounds()).toBe(1)
    })

    it('follows a key rotation: the new kid is fetched and accepted, the old one refused', async () => {
      await verifyNotificationToken(`Bearer ${await graphToken(keyA)}`, options())
      server.setKeys([keyB.publicJwk])
      clock = T0 + 6 * MINUTE
      const fresh = { nbf: clock / 1000, exp: clock / 1000 + 300 }
      const verified = await verifyNotificationToken(`Bearer ${await graphToken(keyB, fresh)}`, options())
      expect(verified.tenantId).toBe(TENANT_ID)
      await refusal(`Bearer ${await graphToken(keyA, fresh)}`, 'bad-signature')
      expect(fetchRounds()).toBe(2)
    })

    it('accepts a token signed with a key rotated in a minute after the keys were fetched', async () => {
      await verifyNotificationToken(`Bearer ${await graphToken(keyA)}`, options())
      server.setKeys([keyA.publicJwk, keyB.publicJwk])
      clock = T0 + MINUTE
      const fresh = { nbf: clock / 1000, exp: clock / 1000 + 300 }
      const verified = await verifyNotificationToken(`Bearer ${await graphToken(keyB, fresh)}`, options())
      expect(verified.tenantId).toBe(TENANT_ID)
      expect(server.hits).toEqual({ configuration: 2, jwks: 2 })
    })

    it('accepts a key rotated in a minute after a scheduled refresh, with one fetch for concurrent tokens', async () => {
      await verifyNotificationToken(`Bearer ${await graphToken(keyA)}`, options())
      clock = T0 + 24 * 60 * MINUTE
      const at = (ms: number) => ({ nbf: ms / 1000, exp: ms / 1000 + 300 })
      // The refresh runs while the keys held answer; a key only it brings waits for it (a probe that fetches nothing more).
      server.setKeys([keyA.publicJwk, keyC.publicJwk])
      await verifyNotificationToken(`Bearer ${await graphToken(keyA, at(clock))}`, options())
      await verifyNotificationToken(`Bearer ${await graphToken(keyC, at(clock))}`, options())
      expect(fetchRounds()).toBe(2)
      server.setKeys([keyA.publicJwk, keyC.publicJwk, keyB.publicJwk])
      clock += MINUTE
      const token = `Bearer ${await graphToken(keyB, at(clock))}`
      const results = await Promise.all(Array.from({ length: 10 }, () => verifyNotificationToken(token, options())))
      expect(results.every((r) => r.tenantId === TENANT_ID)).toBe(true)
      expect(server.hits).toEqual({ configuration: 3, jwks: 3 })
    })

    it('refreshes the keys every 24 hours, dropping a key that is gone', async () => {
      await verifyNotificationToken(`Bearer ${await graphToken(keyA)}`, options())
      server.setKeys([keyC.publicJwk])
      clock = T0 + 23 * 60 * MINUTE
      const at = (ms: number) => ({ nbf: ms / 1000, exp: ms / 1000 + 300 })
      await expect(verifyNotificationToken(`Bearer ${await graphToken(keyA, at(clock))}`, options())).resolves.toBeDefined()
      expect(fetchRounds()).toBe(1)
      clock = T0 + 24 * 60 * MINUTE
      // The keys held answer while the refresh runs; once it is in, the key that is gone is refused.
      const token = `Bearer ${await graphToken(keyA, at(clock))}`
      await expect(verifyNotificationToken(token, options())).resolves.toBeDefined()
      await verifyNotificationToken(`Bearer ${await graphToken(keyC, at(clock))}`, options())
      expect(fetchRounds()).toBe(2)
      // Its kid is unknown now, which may fetch once more (a key may have been rotated in since).
      await refusal(token, 'bad-signature')
      expect(fetchRounds()).toBe(3)
    })

    it('fails closed while the key endpoint answers 503, without retrying on every request, and recovers', async () => {
      server.setMode({ status: 503 })
      const token = `Bearer ${await graphToken(keyA)}`
      const error = await refusal(token, 'keys-unavailable')
      expect(error.message).toContain(`${server.openIdConfigurationUrl} answered HTTP 503`)
      await refusal(token, 'keys-unavailable')
      expect(fetchRounds()).toBe(1)
      server.setMode('up')
      clock = T0 + 10_000
      await expect(verifyNotificationToken(token, options())).resolves.toBeDefined()
      expect(fetchRounds()).toBe(2)
    })

    it('fails closed when the key endpoint drops the connection', async () => {
      server.setMode('reset')
      const error = await refusal(`Bearer ${await graphToken(keyA)}`, 'keys-unavailable')
      expect(error.message).toContain('could not be reached')
      expect(error.cause).toBeInstanceOf(Error)
    })

    it('fails closed when the key endpoint does not answer in time', async () => {
      server.setMode('silent')
      const error = await refusal(`Bearer ${await graphToken(keyA)}`, 'keys-unavailable', { keyFetchTimeoutMs: 100 })
      expect(error.message).toContain('did not answer within 100 ms')
    })

    it('fails closed when the key endpoint sends its headers and then stalls, saying it was too slow', async () => {
      server.setMode('stalled')
      const error = await refusal(`Bearer ${await graphToken(keyA)}`, 'keys-unavailable', { keyFetchTimeoutMs: 100 })
      expect(error.message).toContain('did not answer within 100 ms')
    })

    it('fails closed when the server is gone', async () => {
      const token = `Bearer ${await graphToken(keyA)}`
      await server.close()
      await refusal(token, 'keys-unavailable')
    })

    it('hits the key endpoint a bounded number of times under a flood of 100 unknown kids', async () => {
      await verifyNotificationToken(`Bearer ${await graphToken(keyA)}`, options())
      clock = T0 + 6 * MINUTE
      const forged = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          graphToken(keyB, { nbf: clock / 1000, exp: clock / 1000 + 300 }, { kid: `forged-${i}` }).then((t) => `Bearer ${t}`),
        ),
      )
      const concurrent = await Promise.allSettled(forged.map((token) => verifyNotificationToken(token, options())))
      expect(concurrent.map((r) => r.status === 'rejected' && (r.reason as NotificationAuthError).reason)).toEqual(Array(100).fill('bad-signature'))
      for (const token of forged) await refusal(token, 'bad-signature')
      // One fetch for the first token, one refetch for the whole flood.
      expect(server.hits).toEqual({ configuration: 2, jwks: 2 })
    })

    it('merges concurrent first fetches into one', async () => {
      const token = `Bearer ${await graphToken(keyA)}`
      const results = await Promise.all(Array.from({ length: 20 }, () => verifyNotificationToken(token, options())))
      expect(results.every((r) => r.tenantId === TENANT_ID)).toBe(true)
      expect(server.hits).toEqual({ configuration: 1, jwks: 1 })
    })
  })
})

describe('assertNothingOfSecretShown', () => {
  it('catches a token in a message, a property or a cause', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiJ4In0.c2lnbmF0dXJlLWJ5dGVz'
    const inMessage = new Error(`bad token ${token.split('.')[1]}`)
    const inProperty = Object.assign(new Error('bad'), { header: `Bearer ${token}` })
    const inCause = new Error('bad', { cause: new Error(token.split('.')[2]) })
    for (const error of [inMessage, inProperty, inCause]) {
      expect(() => assertNothingOfSecretShown(error, token)).toThrow('shows part of the secret')
    }
    expect(() => assertNothingOfSecretShown(new Error('bad'), token)).not.toThrow()
  })
})
