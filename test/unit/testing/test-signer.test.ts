import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'
import { NotificationAuthError } from '../../../src/errors.ts'
import { verifyNotificationToken } from '../../../src/notifications/index.ts'
import { createTestSigner, type TestSigner } from '../../../src/testing/index.ts'

const NOW = Date.UTC(2026, 4, 20, 8, 0, 0)

function decodePayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>
}

function verifierOptions(signer: TestSigner, now = NOW) {
  return { appId: signer.appId, openIdConfigurationUrl: signer.openIdConfigurationUrl, fetch: signer.fetch, now: () => now }
}

describe('createTestSigner', () => {
  it('signs tokens shaped like Graph\'s: RS256, cty "JWT", kid, no iat, 5 minutes of life', async () => {
    const signer = await createTestSigner({ appId: 'app', tenantId: 'tenant', now: () => new Date(NOW) })
    const token = await signer.sign()
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'RS256', kid: signer.keyId, typ: 'JWT', cty: 'JWT' })
    expect(decodePayload(token)).toEqual({ iss: 'https://graph.microsoft.com', aud: 'app', tid: 'tenant', nbf: NOW / 1000, exp: NOW / 1000 + 300 })
  })

  it('makes tokens that the verifier accepts offline', async () => {
    const signer = await createTestSigner({ now: () => NOW })
    const verified = await verifyNotificationToken(await signer.authorizationHeader(), verifierOptions(signer))
    expect(verified).toMatchObject({ appId: signer.appId, tenantId: signer.tenantId })
  })

  it('makes real RS256 signatures that jose verifies against the published key set', async () => {
    const signer = await createTestSigner({ now: () => NOW })
    const { payload } = await jwtVerify(await signer.sign(), createLocalJWKSet({ keys: [...signer.jwks.keys] }), { currentDate: new Date(NOW) })
    expect(payload.aud).toBe(signer.appId)
  })

  it('publishes public keys only', async () => {
    const signer = await createTestSigner()
    const [key, ...others] = signer.jwks.keys
    expect(others).toEqual([])
    expect(Object.keys(key ?? {}).sort()).toEqual(['e', 'kid', 'kty', 'n', 'use'])
    for (const privateMember of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']) expect(key).not.toHaveProperty(privateMember)
    const served = (await (await signer.fetch(signer.jwksUri)).json()) as { keys: object[] }
    expect(served).toEqual({ keys: [key] })
  })

  it('serves its OpenID configuration, pointing to its key set, and 404 for anything else', async () => {
    const signer = await createTestSigner({ openIdConfigurationUrl: 'https://keys.test/v1/.well-known/OpenIdConfiguration' })
    expect(signer.jwksUri).toBe('https://keys.test/v1/keys')
    const configuration = await (await signer.fetch(new URL(signer.openIdConfigurationUrl))).json()
    expect(configuration).toMatchObject({ jwks_uri: 'https://keys.test/v1/keys', id_token_signing_alg_values_supported: ['RS256'] })
    expect((await signer.fetch({ url: `${signer.jwksUri}?v=2` })).status).toBe(200)
    expect((await signer.fetch('https://keys.test/other')).status).toBe(404)
    // It can stand in for the global fetch too, for code that reads keys through it.
    const asGlobal: typeof globalThis.fetch = signer.fetch
    expect((await asGlobal(new Request(signer.jwksUri))).status).toBe(200)
  })

  it('merges claims and header fields over the defaults, leaving out undefined claims', async () => {
    const signer = await createTestSigner({ issuer: 'https://api.botframework.com', now: () => NOW })
    const token = await signer.sign({ tid: undefined, custom: 1 }, { header: { typ: 'at+jwt' }, lifetimeSec: 60 })
    expect(decodePayload(token)).toEqual({ iss: 'https://api.botframework.com', aud: signer.appId, nbf: NOW / 1000, exp: NOW / 1000 + 60, custom: 1 })
    expect(decodeProtectedHeader(token).typ).toBe('at+jwt')
  })

  it('gives each signer its own key and key URL, so one signer\'s tokens fail against another\'s keys', async () => {
    const [one, two] = await Promise.all([createTestSigner({ now: () => NOW }), createTestSigner({ now: () => NOW })])
    expect(one.openIdConfigurationUrl).not.toBe(two.openIdConfigurationUrl)
    expect(one.keyId).not.toBe(two.keyId)
    const error = await verifyNotificationToken(await one.authorizationHeader(), verifierOptions(two)).catch((e: unknown) => e)
    expect((error as NotificationAuthError).reason).toBe('bad-signature')
  })

  it('rotates its key: tokens of the new key verify once the verifier refetches, those of the old one no longer', async () => {
    let now = NOW
    const signer = await createTestSigner({ now: () => now })
    const oldHeader = await signer.authorizationHeader()
    await verifyNotificationToken(oldHeader, verifierOptions(signer, now))
    const oldKid = signer.keyId
    await signer.rotateKey()
    expect(signer.keyId).not.toBe(oldKid)
    expect(signer.jwks.keys.map((k) => k.kid)).toEqual([signer.keyId])
    now += 5 * 60_000
    await expect(verifyNotificationToken(await signer.authorizationHeader(), verifierOptions(signer, now))).resolves.toBeDefined()
    const error = await verifyNotificationToken(oldHeader, verifierOptions(signer, now)).catch((e: unknown) => e)
    expect((error as NotificationAuthError).reason).toBe('bad-signature')
  })
})
