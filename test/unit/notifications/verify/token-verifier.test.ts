import { describe, expect, it } from 'vitest'
import { NotificationAuthError, ValidationError } from '../../../../src/errors.ts'
import { createNotificationTokenVerifier, verifyNotificationToken, type VerifyNotificationTokenOptions } from '../../../../src/notifications/index.ts'
import { createTestSigner, type TestSigner } from '../../../../src/testing/index.ts'

const NOW = Date.UTC(2026, 2, 1, 9, 30, 0)

function offline(signer: TestSigner, extra: Partial<VerifyNotificationTokenOptions> = {}): VerifyNotificationTokenOptions {
  return { appId: signer.appId, openIdConfigurationUrl: signer.openIdConfigurationUrl, fetch: signer.fetch, now: () => NOW, ...extra }
}

async function reasonOf(verification: Promise<unknown>): Promise<string> {
  const error = await verification.then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(NotificationAuthError)
  return (error as NotificationAuthError).reason
}

describe('verifyNotificationToken', () => {
  it('verifies a test signer\'s token offline and returns the tenant, the app id and the claims', async () => {
    const signer = await createTestSigner({ appId: 'bot-app', tenantId: 'tenant-1', now: () => NOW })
    const verified = await verifyNotificationToken(await signer.authorizationHeader({ extra: 'kept' }), offline(signer))
    expect(verified).toEqual({
      tenantId: 'tenant-1',
      appId: 'bot-app',
      claims: { iss: 'https://graph.microsoft.com', aud: 'bot-app', tid: 'tenant-1', nbf: NOW / 1000, exp: NOW / 1000 + 300, extra: 'kept' },
    })
  })

  it('shares the key cache across calls with the same key source', async () => {
    const signer = await createTestSigner({ now: () => NOW })
    const requests: string[] = []
    const counting: VerifyNotificationTokenOptions['fetch'] = (url, init) => {
      requests.push(url)
      return signer.fetch(url, init)
    }
    for (let i = 0; i < 3; i++) await verifyNotificationToken(await signer.authorizationHeader(), offline(signer, { fetch: counting }))
    const verify = createNotificationTokenVerifier(offline(signer, { fetch: counting }))
    await verify(await signer.authorizationHeader())
    expect(requests).toEqual([signer.openIdConfigurationUrl, signer.jwksUri])
  })

  it('accepts an audience array that holds the app id, and a token without nbf', async () => {
    const signer = await createTestSigner({ now: () => NOW })
    const header = await signer.authorizationHeader({ aud: ['other', signer.appId], nbf: undefined })
    await expect(verifyNotificationToken(header, offline(signer))).resolves.toMatchObject({ appId: signer.appId })
  })

  it('calls a token without exp, or with a non-numeric one, malformed', async () => {
    const signer = await createTestSigner({ now: () => NOW })
    expect(await reasonOf(verifyNotificationToken(await signer.authorizationHeader({ exp: undefined }), offline(signer)))).toBe('malformed')
    expect(await reasonOf(verifyNotificationToken(await signer.authorizationHeader({ exp: 'later' }), offline(signer)))).toBe('malformed')
  })

  it('calls a token with an unknown critical header malformed', async () => {
    const signer = await createTestSigner({ now: () => NOW })
    const header = await signer.authorizationHeader({}, { header: { crit: ['x-unknown'], 'x-unknown': true } })
    expect(await reasonOf(verifyNotificationToken(header, offline(signer)))).toBe('malformed')
  })

  it('calls a token without kid malformed, before fetching any key', async () => {
    const signer = await createTestSigner({ now: () => NOW })
    const refuse = () => Promise.reject(new Error('no fetch expected'))
    const header = await signer.authorizationHeader({}, { header: { kid: undefined } })
    expect(await reasonOf(verifyNotificationToken(header, offline(signer, { fetch: refuse })))).toBe('malformed')
  })

  it('names a missing issuer or audience, and quotes forged values short and on one line', async () => {
    const signer = await createTestSigner({ now: () => NOW })
    const noIssuer = verifyNotificationToken(await signer.authorizationHeader({ iss: undefined }), offline(signer))
    await expect(noIssuer).rejects.toThrow('has no "iss" claim')
    const long = `evil\n${'x'.repeat(500)}`
    const error = (await verifyNotificationToken(await signer.authorizationHeader({ aud: long }), offline(signer)).catch((e: unknown) => e)) as Error
    expect(error.message).toContain('"evil\\nxxx')
    expect(error.message).not.toContain('\n')
    expect(error.message.length).toBeLessThan(400)
  })

  it('refuses a signature made with an RSA key shorter than 2048 bits', async () => {
    const signer = await createTestSigner({ now: () => NOW })
    const short = await crypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]) },
      true,
      ['sign', 'verify'],
    )
    const { n, e } = await crypto.subtle.exportKey('jwk', short.publicKey)
    const keys = { keys: [{ kty: 'RSA', use: 'sig', kid: 'short', n, e }] }
    const fetchShort: VerifyNotificationTokenOptions['fetch'] = async (url) =>
      url === signer.jwksUri ? Response.json(keys) : signer.fetch(url)
    const token = (await signer.sign()).split('.')
    const input = `${Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'short' })).toString('base64url')}.${token[1]}`
    const signature = Buffer.from(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', short.privateKey, Buffer.from(input))).toString('base64url')
    expect(await reasonOf(verifyNotificationToken(`Bearer ${input}.${signature}`, offline(signer, { fetch: fetchShort })))).toBe('bad-signature')
  })

  it('rejects bad options as a ValidationError, synchronously from the factory and as a rejection from the function', async () => {
    expect(() => createNotificationTokenVerifier({ appId: '' })).toThrow(ValidationError)
    await expect(verifyNotificationToken('Bearer a.b.c', { appId: 'a', algorithms: ['HS256'] })).rejects.toThrow(ValidationError)
  })
})
