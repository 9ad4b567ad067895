import { exportJWK, generateKeyPair, type JWK } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { NotificationAuthError, type NotificationAuthReason } from '../../../../src/errors.ts'
import { SigningKeyCache } from '../../../../src/notifications/verify/signing-key-cache.ts'
import type { KeySourceSettings } from '../../../../src/notifications/verify/verify-options.ts'
import { memoryKeySource, type MemoryKeySource } from './key-source.ts'

const CONFIG_URL = 'https://keys.test/v1/.well-known/OpenIdConfiguration'
const JWKS_URL = 'https://keys.test/v1/keys'
const HOUR = 3_600_000

let rsa: JWK
let rsaPrivate: JWK
let ec: JWK

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true })
  rsa = { ...(await exportJWK(pair.publicKey)), kid: 'rsa', use: 'sig' }
  rsaPrivate = { ...(await exportJWK(pair.privateKey)), kid: 'rsa-private' }
  ec = { ...(await exportJWK((await generateKeyPair('ES256')).publicKey)), kid: 'ec' }
})

function source(keys: () => readonly JWK[], configuration: Record<string, unknown> = { jwks_uri: JWKS_URL }): MemoryKeySource {
  return memoryKeySource(() => ({ [CONFIG_URL]: configuration, [JWKS_URL]: { keys: keys() } }))
}

function cacheOver(keySource: MemoryKeySource, extra: Partial<KeySourceSettings> = {}): SigningKeyCache {
  return new SigningKeyCache({
    openIdConfigurationUrl: CONFIG_URL,
    fetch: keySource.fetch,
    keyRefreshIntervalMs: 24 * HOUR,
    unknownKeyRefetchIntervalMs: 300_000,
    failedKeyFetchRetryMs: 10_000,
    keyFetchTimeoutMs: 1_000,
    ...extra,
  })
}

async function failure(lookup: Promise<unknown>): Promise<{ reason: NotificationAuthReason; message: string }> {
  const error = await lookup.then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(NotificationAuthError)
  const { reason, message } = error as NotificationAuthError
  return { reason, message }
}

describe('SigningKeyCache', () => {
  it('fetches the configuration, then the key set, and returns a public key', async () => {
    const keySource = source(() => [rsa])
    const key = await cacheOver(keySource).keyFor('rsa', 'RS256', 0)
    expect({ type: key.type, algorithm: key.algorithm.name }).toEqual({ type: 'public', algorithm: 'RSASSA-PKCS1-v1_5' })
    expect(keySource.requests).toEqual([CONFIG_URL, JWKS_URL])
  })

  it('imports only the public part of a key set entry that holds private members', async () => {
    const key = await cacheOver(source(() => [rsaPrivate])).keyFor('rsa-private', 'RS256', 0)
    expect(key.type).toBe('public')
  })

  it('ignores symmetric keys and keys for encryption', async () => {
    const secret: JWK = { kty: 'oct', kid: 'oct', k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0' }
    const cache = cacheOver(source(() => [rsa, secret, { ...ec, use: 'enc' }]))
    expect((await failure(cache.keyFor('oct', 'RS256', 0))).reason).toBe('bad-signature')
    expect((await failure(cache.keyFor('ec', 'ES256', 0))).reason).toBe('bad-signature')
    const onlySecret = await failure(cacheOver(source(() => [secret])).keyFor('oct', 'RS256', 0))
    expect(onlySecret).toEqual({ reason: 'keys-unavailable', message: expect.stringContaining('holds no usable public signing key') })
  })

  it('refuses a key for an algorithm it does not allow', async () => {
    const cache = cacheOver(source(() => [{ ...rsa, alg: 'RS512' }, ec]))
    expect((await failure(cache.keyFor('rsa', 'RS256', 0))).message).toContain('(RSA, RS512) does not allow')
    expect((await failure(cache.keyFor('ec', 'RS256', 0))).message).toContain('(EC) does not allow')
    await expect(cache.keyFor('rsa', 'RS512', 0)).resolves.toMatchObject({ type: 'public' })
  })

  it('fails closed on key documents it cannot use', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'has no valid "jwks_uri"'],
      [{ jwks_uri: 'http://keys.example.com/keys' }, 'points to keys over plain http'],
      [{ jwks_uri: 'https://keys.test/missing' }, 'answered HTTP 404'],
    ]
    for (const [configuration, message] of cases) {
      const result = await failure(cacheOver(source(() => [rsa], configuration)).keyFor('rsa', 'RS256', 0))
      expect(result).toEqual({ reason: 'keys-unavailable', message: expect.stringContaining(message) })
    }
    const notJson = memoryKeySource({ [CONFIG_URL]: '<html>' })
    expect((await failure(cacheOver(notJson).keyFor('rsa', 'RS256', 0))).message).toContain('did not answer with JSON')
    const notAKeySet = memoryKeySource({ [CONFIG_URL]: { jwks_uri: JWKS_URL }, [JWKS_URL]: { keys: 'none' } })
    expect((await failure(cacheOver(notAKeySet).keyFor('rsa', 'RS256', 0))).message).toContain('no "keys" array')
  })

  it('fails closed when the fetch function throws something that is not an Error', async () => {
    const cache = cacheOver({ ...source(() => [rsa]), fetch: () => Promise.reject('down') })
    expect((await failure(cache.keyFor('rsa', 'RS256', 0))).message).toContain(`${CONFIG_URL} could not be reached`)
  })

  it('answers from the keys it holds while a scheduled refresh runs, and uses the refreshed set once it is in', async () => {
    let keys = [rsa]
    let release = (): void => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const keySource = source(() => keys)
    // The key endpoint hangs on the refresh, as a slow or unreachable one does for up to keyFetchTimeoutMs.
    const hanging: MemoryKeySource = { ...keySource, fetch: async (url, init) => (keySource.requests.length >= 2 ? held.then(() => keySource.fetch(url, init)) : keySource.fetch(url, init)) }
    const cache = cacheOver(hanging)
    await cache.keyFor('rsa', 'RS256', 0)
    keys = [ec]
    const lookups = [cache.keyFor('rsa', 'RS256', 24 * HOUR), cache.keyFor('rsa', 'RS256', 30 * HOUR)]
    const answered = await Promise.race([Promise.all(lookups).then(() => 'answered'), new Promise((resolve) => setTimeout(resolve, 200, 'held up'))])
    expect(answered).toBe('answered')
    // A key the held set lacks waits for the refresh, and the refresh drops the key that is gone.
    const rotated = cache.keyFor('ec', 'ES256', 30 * HOUR)
    release()
    await expect(rotated).resolves.toMatchObject({ type: 'public' })
    expect(keySource.requests).toEqual([CONFIG_URL, JWKS_URL, CONFIG_URL, JWKS_URL])
    expect((await failure(cache.keyFor('rsa', 'RS256', 30 * HOUR))).reason).toBe('bad-signature')
  })

  it('waits for the refresh when the keys it holds are older than two refresh intervals', async () => {
    const keySource = source(() => [rsa])
    const cache = cacheOver(keySource)
    await cache.keyFor('rsa', 'RS256', 0)
    keySource.failWith(500)
    expect((await failure(cache.keyFor('rsa', 'RS256', 48 * HOUR))).reason).toBe('keys-unavailable')
    expect(keySource.requests).toHaveLength(3)
  })

  it('keeps the keys it holds when a scheduled refresh fails, for one more refresh interval at most', async () => {
    const keySource = source(() => [rsa])
    const cache = cacheOver(keySource)
    await cache.keyFor('rsa', 'RS256', 0)
    keySource.failWith(500)
    await expect(cache.keyFor('rsa', 'RS256', 24 * HOUR)).resolves.toBeDefined()
    // The failed refresh is over once a lookup of an unknown key (which may not fetch again: it just failed) is.
    expect((await failure(cache.keyFor('forged', 'RS256', 24 * HOUR))).reason).toBe('keys-unavailable')
    expect(keySource.requests).toHaveLength(3)
    // Within the retry interval the failed refresh is not tried again.
    await expect(cache.keyFor('rsa', 'RS256', 24 * HOUR + 9_999)).resolves.toBeDefined()
    expect(keySource.requests).toHaveLength(3)
    await expect(cache.keyFor('rsa', 'RS256', 24 * HOUR + 10_000)).resolves.toBeDefined()
    expect(keySource.requests).toHaveLength(4)
    expect((await failure(cache.keyFor('rsa', 'RS256', 48 * HOUR))).reason).toBe('keys-unavailable')
    keySource.failWith(undefined)
    await expect(cache.keyFor('rsa', 'RS256', 48 * HOUR + 10_000)).resolves.toBeDefined()
  })

  it('reports an unknown kid as keys-unavailable while the key set cannot be refreshed', async () => {
    const keySource = source(() => [rsa])
    const cache = cacheOver(keySource)
    await cache.keyFor('rsa', 'RS256', 0)
    keySource.failWith(502)
    expect(await failure(cache.keyFor('rotated', 'RS256', 300_000))).toEqual({
      reason: 'keys-unavailable',
      message: expect.stringContaining('answered HTTP 502'),
    })
  })

  it('refetches for unknown kids no more often than configured, counting from the last such refetch', async () => {
    let keys = [rsa]
    const keySource = source(() => keys)
    const cache = cacheOver(keySource, { unknownKeyRefetchIntervalMs: 1_000 })
    await cache.keyFor('rsa', 'RS256', 0)
    keys = [rsa, ec]
    // The fetch a moment ago was the first one, not one for an unknown kid: the new key is fetched at once.
    await expect(cache.keyFor('ec', 'ES256', 999)).resolves.toMatchObject({ type: 'public' })
    expect(keySource.requests).toHaveLength(4)
    expect((await failure(cache.keyFor('forged', 'RS256', 1_998))).reason).toBe('bad-signature')
    expect(keySource.requests).toHaveLength(4)
    expect((await failure(cache.keyFor('forged', 'RS256', 1_999))).reason).toBe('bad-signature')
    expect(keySource.requests).toHaveLength(6)
  })

  it('after a forged kid, misses a key rotated in within the interval, and with an interval of 0 finds it', async () => {
    for (const [interval, found] of [[300_000, false], [0, true]] as const) {
      let keys = [rsa]
      const keySource = source(() => keys)
      const cache = cacheOver(keySource, { unknownKeyRefetchIntervalMs: interval })
      await cache.keyFor('rsa', 'RS256', 0)
      expect((await failure(cache.keyFor('forged', 'RS256', 10_000))).reason).toBe('bad-signature')
      keys = [rsa, ec]
      const lookup = cache.keyFor('ec', 'ES256', 20_000)
      if (found) await expect(lookup).resolves.toMatchObject({ type: 'public' })
      else expect((await failure(lookup)).reason).toBe('bad-signature')
    }
  })

  it('finds a key rotated in right after a scheduled refresh', async () => {
    let keys = [rsa]
    const keySource = source(() => keys)
    const cache = cacheOver(keySource)
    await cache.keyFor('rsa', 'RS256', 0)
    keys = [rsa, rsaPrivate]
    await cache.keyFor('rsa', 'RS256', 24 * HOUR)
    // A key only the refresh brings waits for it, or is there: either way the refresh is in, with no more fetches.
    await cache.keyFor('rsa-private', 'RS256', 24 * HOUR)
    expect(keySource.requests).toHaveLength(4)
    keys = [rsa, rsaPrivate, ec]
    await expect(cache.keyFor('ec', 'ES256', 24 * HOUR + 60_000)).resolves.toMatchObject({ type: 'public' })
    expect(keySource.requests).toHaveLength(6)
  })

  it('does not fetch again for a kid missing from the key set it just fetched for the same lookup', async () => {
    const keySource = source(() => [rsa])
    const cache = cacheOver(keySource)
    expect((await failure(cache.keyFor('forged', 'RS256', 0))).reason).toBe('bad-signature')
    expect(keySource.requests).toHaveLength(2)
    await cache.keyFor('rsa', 'RS256', 48 * HOUR)
    expect((await failure(cache.keyFor('forged', 'RS256', 72 * HOUR))).reason).toBe('bad-signature')
    expect(keySource.requests).toHaveLength(6)
  })

  it('lets concurrent lookups of a new kid share the one refetch', async () => {
    let keys = [rsa]
    const keySource = source(() => keys)
    const cache = cacheOver(keySource)
    await cache.keyFor('rsa', 'RS256', 0)
    keys = [ec]
    const found = await Promise.all(Array.from({ length: 10 }, () => cache.keyFor('ec', 'ES256', 60_000)))
    expect(found.every((key) => key.type === 'public')).toBe(true)
    expect(keySource.requests).toHaveLength(4)
  })

  it('lets concurrent first lookups of an unknown kid share the first fetch, without a second one', async () => {
    const keySource = source(() => [rsa])
    const cache = cacheOver(keySource)
    const lookups = await Promise.all(Array.from({ length: 10 }, () => failure(cache.keyFor('forged', 'RS256', 0))))
    expect(lookups.map((l) => l.reason)).toEqual(Array(10).fill('bad-signature'))
    expect(keySource.requests).toHaveLength(2)
  })
})
