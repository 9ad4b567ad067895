import { describe, expect, it } from 'vitest'
import { CredentialError } from '../../../src/errors.ts'
import type { Clock } from '../../../src/transport/clock.ts'
import { TokenCache } from '../../../src/transport/token-cache.ts'
import type { AccessToken, GetToken } from '../../../src/transport/token-credential.ts'

const MINUTE = 60_000
const SCOPE = 'https://graph.microsoft.com/.default'

/** A clock moved by hand, and a credential whose answers the test releases one by one. */
function setup() {
  let now = Date.UTC(2026, 10, 23, 12)
  const clock: Clock = { now: () => now, sleep: async () => {} }
  const asked: { scopes: string[]; signal: AbortSignal; resolve: (t: AccessToken | null) => void; reject: (e: unknown) => void }[] = []
  // Like a credential that ignores its abort signal: only the test settles its answers.
  const getToken: GetToken = (scopes, options) => new Promise((resolve, reject) => asked.push({ scopes, signal: options!.abortSignal!, resolve, reject }))
  const cache = new TokenCache(getToken, SCOPE, clock)
  const issue = (token: string, lifetimeMs: number, refreshAfterMs?: number) =>
    asked.at(-1)!.resolve({ token, expiresOnTimestamp: now + lifetimeMs, refreshAfterTimestamp: refreshAfterMs === undefined ? undefined : now + refreshAfterMs })
  /** Fills the cache with a first token. */
  const prime = async (lifetimeMs: number, refreshAfterMs?: number) => {
    const first = cache.fetch()
    issue('t1', lifetimeMs, refreshAfterMs)
    await first
  }
  return { cache, asked, issue, prime, advance: (ms: number) => (now += ms) }
}

describe('TokenCache', () => {
  it('asks the credential once for any number of concurrent callers, for the scope', async () => {
    const { cache, asked, issue } = setup()
    const waiting = Array.from({ length: 20 }, () => cache.fetch())
    expect(asked).toHaveLength(1)
    expect(asked[0]!.scopes).toEqual([SCOPE])
    issue('t1', 60 * MINUTE)
    expect(await Promise.all(waiting)).toEqual(Array(20).fill('t1'))
  })

  it('gives the cached token synchronously until it is due for renewal', async () => {
    const { cache, asked, prime, advance } = setup()
    expect(cache.peek()).toBeUndefined()
    await prime(60 * MINUTE)
    advance(54 * MINUTE)
    expect(cache.peek()).toBe('t1')
    expect(asked).toHaveLength(1)
  })

  it('renews in the background five minutes before expiry, still giving the old token meanwhile', async () => {
    const { cache, asked, issue, prime, advance } = setup()
    await prime(60 * MINUTE)
    advance(56 * MINUTE)
    expect(cache.peek()).toBe('t1')
    expect(cache.peek()).toBe('t1')
    expect(asked).toHaveLength(2)
    issue('t2', 60 * MINUTE)
    await cache.fetch()
    expect(cache.peek()).toBe('t2')
  })

  it('renews a short-lived token at half its life', async () => {
    const { cache, asked, prime, advance } = setup()
    await prime(4 * MINUTE)
    advance(2 * MINUTE - 1)
    expect(cache.peek()).toBe('t1')
    expect(asked).toHaveLength(1)
    advance(1)
    expect(cache.peek()).toBe('t1')
    expect(asked).toHaveLength(2)
  })

  it('follows refreshAfterTimestamp when the credential gives one', async () => {
    const { cache, asked, prime, advance } = setup()
    await prime(60 * MINUTE, 10 * MINUTE)
    advance(10 * MINUTE)
    cache.peek()
    expect(asked).toHaveLength(2)
  })

  it('stops giving a token 30 s before it expires: callers await the new one', async () => {
    const { cache, asked, issue, prime, advance } = setup()
    await prime(60 * MINUTE)
    advance(60 * MINUTE - 30_000)
    expect(cache.peek()).toBeUndefined()
    const next = cache.fetch()
    expect(asked).toHaveLength(2)
    issue('t2', 60 * MINUTE)
    expect(await next).toBe('t2')
  })

  it('forgets a token Graph refused, but not its successor', async () => {
    const { cache, prime } = setup()
    await prime(60 * MINUTE)
    cache.invalidate('t0')
    expect(cache.peek()).toBe('t1')
    cache.invalidate('t1')
    expect(cache.peek()).toBeUndefined()
  })

  it('reports a failing credential as a CredentialError with its cause, then tries again on the next call', async () => {
    const { cache, asked, issue } = setup()
    const first = cache.fetch()
    const cause = new Error('AADSTS700016: Application not found')
    asked[0]!.reject(cause)
    const error = await first.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CredentialError)
    expect((error as Error).message).toBe(`The credential could not get a token for ${SCOPE}: AADSTS700016: Application not found`)
    expect((error as Error).cause).toBe(cause)
    const second = cache.fetch()
    expect(asked).toHaveLength(2)
    issue('t2', 60 * MINUTE)
    expect(await second).toBe('t2')
  })

  it('a failed background renewal keeps the good token, is tried again 30 s later, and shows at expiry', async () => {
    const { cache, asked, prime, advance } = setup()
    await prime(60 * MINUTE)
    advance(56 * MINUTE)
    expect(cache.peek()).toBe('t1')
    asked[1]!.reject(new Error('authority down'))
    await new Promise((resolve) => setImmediate(resolve))
    expect(cache.peek()).toBe('t1')
    expect(asked).toHaveLength(2)
    advance(30_000)
    expect(cache.peek()).toBe('t1')
    expect(asked).toHaveLength(3)
    asked[2]!.reject(new Error('authority still down'))
    await new Promise((resolve) => setImmediate(resolve))
    advance(4 * MINUTE)
    expect(cache.peek()).toBeUndefined()
    const late = cache.fetch()
    asked[3]!.reject(new Error('authority down for good'))
    await expect(late).rejects.toThrow(new CredentialError(`The credential could not get a token for ${SCOPE}: authority down for good`))
  })

  it.each([
    ['in seconds', 1_795_000_000, '1970-01-21T18:36:40.000Z'],
    ['a minute ago', Date.UTC(2026, 10, 23, 11, 59), '2026-11-23T11:59:00.000Z'],
    ['now', Date.UTC(2026, 10, 23, 12), '2026-11-23T12:00:00.000Z'],
    ['-Infinity', Number.NEGATIVE_INFINITY, '-Infinity'],
  ])('refuses a token that has already expired (%s), and asks again on the next call', async (_, expiresOnTimestamp, shown) => {
    let asked = 0
    const now = Date.UTC(2026, 10, 23, 12)
    const cache = new TokenCache(async () => (++asked, { token: 'expired-token-value', expiresOnTimestamp }), SCOPE, { now: () => now, sleep: async () => {} })
    const error = await cache.fetch().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CredentialError)
    expect((error as Error).message).toBe(
      `The credential returned a token for ${SCOPE} that had already expired (expiresOnTimestamp ${shown}, now 2026-11-23T12:00:00.000Z); nothing was sent. expiresOnTimestamp is in milliseconds since the epoch: check the credential and the clock`,
    )
    expect(cache.peek()).toBeUndefined()
    await cache.fetch().catch(() => {})
    expect(asked).toBe(2)
  })

  it('sends a token the credential gives in its last 30 s, and asks the credential again for the next call', async () => {
    const { cache, asked, issue } = setup()
    const first = cache.fetch()
    issue('short', 10_000)
    await expect(first).resolves.toBe('short')
    expect(cache.peek()).toBeUndefined()
    void cache.fetch()
    expect(asked).toHaveLength(2)
  })

  it.each([
    ['null', null, `The credential returned no token for ${SCOPE}`],
    ['an empty token', { token: '', expiresOnTimestamp: 1 }, `The credential returned no token for ${SCOPE}`],
    ['no expiry', { token: 'x' }, `The credential returned a token for ${SCOPE} without expiresOnTimestamp (expected milliseconds since the epoch)`],
  ])('refuses %s from the credential', async (_, value, message) => {
    const cache = new TokenCache(async () => value as AccessToken, SCOPE, { now: () => 0, sleep: async () => {} })
    await expect(cache.fetch()).rejects.toThrow(new CredentialError(message))
  })

  it('calls a TokenCredential as a method (this is the credential)', async () => {
    const credential = {
      token: 'from-this',
      async getToken(this: { token: string }, scopes: string | string[]) {
        return { token: `${this.token}:${String(scopes)}`, expiresOnTimestamp: Number.POSITIVE_INFINITY }
      },
    }
    const cache = new TokenCache(credential, SCOPE, { now: () => 0, sleep: async () => {} })
    expect(await cache.fetch()).toBe(`from-this:${SCOPE}`)
    expect(cache.peek()).toBe(`from-this:${SCOPE}`)
  })

  it('a caller that gives up is rejected with its reason at once, and leaves the request to the callers still waiting', async () => {
    const { cache, asked, issue } = setup()
    const leaving = new AbortController()
    const gone = cache.fetch(leaving.signal)
    const staying = cache.fetch(new AbortController().signal)
    const reason = new Error('the attempt ran out of time')
    leaving.abort(reason)
    await expect(gone).rejects.toBe(reason)
    expect(asked[0]!.signal.aborted).toBe(false)
    issue('t1', 60 * MINUTE)
    expect(await staying).toBe('t1')
    expect(asked).toHaveLength(1)
  })

  it('keeps a request every caller gave up on: the next caller joins it, and no new one is made', async () => {
    const { cache, asked, issue } = setup()
    const attempts = [new AbortController(), new AbortController()]
    const waiting = attempts.map((a) => cache.fetch(a.signal).catch((e: unknown) => e))
    attempts.forEach((a) => a.abort())
    await Promise.all(waiting)
    expect(asked[0]!.signal.aborted, "the credential's signal does not abort when its callers leave").toBe(false)
    const next = cache.fetch(new AbortController().signal)
    expect(asked, 'the next caller joins the request still running').toHaveLength(1)
    issue('t1', 60 * MINUTE)
    expect(await next).toBe('t1')
  })

  it('caches the late answer of a request every caller gave up on, so the next call needs no request', async () => {
    const { cache, asked } = setup()
    const attempt = new AbortController()
    const waiting = cache.fetch(attempt.signal).catch(() => {})
    attempt.abort()
    await waiting
    asked[0]!.resolve({ token: 'late', expiresOnTimestamp: Date.UTC(2026, 10, 23, 13) })
    await new Promise((resolve) => setImmediate(resolve))
    expect(cache.peek(), 'the late token is cached').toBe('late')
    expect(asked).toHaveLength(1)
  })

  it('does not give up at 30 s a request that a caller still waits for', async () => {
    const { cache, asked, issue, advance } = setup()
    const first = cache.fetch(new AbortController().signal)
    advance(30_000)
    const second = cache.fetch(new AbortController().signal)
    expect(asked[0]!.signal.aborted).toBe(false)
    expect(asked, 'the second caller joins the request').toHaveLength(1)
    issue('t1', 60 * MINUTE)
    expect(await Promise.all([first, second])).toEqual(['t1', 't1'])
  })

  it('gives up, past its 30 s, the request whose last caller leaves then, and a late answer does not replace the newer token', async () => {
    const { cache, asked, issue, advance } = setup()
    const attempt = new AbortController()
    const waiting = cache.fetch(attempt.signal).catch(() => {})
    advance(30_000)
    attempt.abort()
    await waiting
    expect(asked[0]!.signal.aborted, "the credential's signal aborts").toBe(true)
    expect(asked[0]!.signal.reason).toEqual(new CredentialError(`The credential gave no token for ${SCOPE} within 30000 ms`))
    const next = cache.fetch(new AbortController().signal)
    expect(asked, 'the next caller asks again').toHaveLength(2)
    issue('t2', 60 * MINUTE)
    expect(await next).toBe('t2')
    asked[0]!.resolve({ token: 'stale', expiresOnTimestamp: Date.UTC(2026, 10, 23, 14) })
    await new Promise((resolve) => setImmediate(resolve))
    expect(cache.peek(), 'the newer token stays').toBe('t2')
  })

  it('gives up a request no caller waits for at 30 s on a timer of the clock, though nobody asks again', async () => {
    let now = Date.UTC(2026, 10, 23, 12)
    const sleeps: { ms: number; wake: () => void }[] = []
    const clock: Clock = { now: () => now, sleep: (ms) => new Promise<void>((resolve) => sleeps.push({ ms, wake: resolve })) }
    const signals: AbortSignal[] = []
    const cache = new TokenCache((_scopes, options) => (signals.push(options!.abortSignal!), new Promise(() => {})), SCOPE, clock)
    const attempt = new AbortController()
    const waiting = cache.fetch(attempt.signal).catch(() => {})
    attempt.abort()
    await waiting
    expect(sleeps.map((s) => s.ms), 'the limit sleeps on the clock for the 30 s left').toEqual([30_000])
    now += 30_000
    sleeps[0]!.wake()
    await new Promise((resolve) => setImmediate(resolve))
    expect(signals.map((s) => s.aborted)).toEqual([true])
  })

  it('a background renewal still running when the next one is due is abandoned and made again', async () => {
    const { cache, asked, issue, prime, advance } = setup()
    await prime(60 * MINUTE)
    advance(55 * MINUTE)
    expect(cache.peek()).toBe('t1')
    expect(asked).toHaveLength(2)
    advance(30_000 - 1)
    expect(cache.peek()).toBe('t1')
    expect(asked).toHaveLength(2)
    advance(1)
    expect(cache.peek()).toBe('t1')
    expect(asked[1]!.signal.aborted).toBe(true)
    expect(asked).toHaveLength(3)
    issue('t2', 60 * MINUTE)
    await cache.fetch()
    expect(cache.peek()).toBe('t2')
  })

  it('close() rejects the waiting callers at once, though the credential ignores its aborted signal, and fetches no more', async () => {
    const { cache, asked } = setup()
    const waiting = [cache.fetch(new AbortController().signal), cache.fetch()]
    cache.close()
    expect(asked[0]!.signal.aborted).toBe(true)
    for (const result of waiting) await expect(result).rejects.toThrow(new CredentialError(`The token request for ${SCOPE} was stopped: the client was closed`))
    await expect(cache.fetch()).rejects.toThrow(new CredentialError(`No token is fetched for ${SCOPE}: the client was closed`))
    expect(asked).toHaveLength(1)
  })
})
