import { setTimeout as wait } from 'node:timers/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CallingClient, TimeoutError, type TokenCredential } from '../../../src/index.ts'
import { ManualClock } from '../../../src/testing/index.ts'
import { FakeGraph } from '../client/fake-graph.ts'

const TOKEN = 'eyJ0eXAi.slow-credential-token'

let graph: FakeGraph
let clients: CallingClient[]

beforeEach(async () => {
  graph = await FakeGraph.start()
  clients = []
})
afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()))
  await graph.close()
})

/** A TokenCredential that takes `ms` to give a token, counting how often it is asked and what signals it is given. */
function slowCredential(ms: number) {
  const signals: AbortSignal[] = []
  const credential: TokenCredential = {
    async getToken(_scopes, options) {
      signals.push(options!.abortSignal!)
      await wait(ms)
      return { token: TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 }
    },
  }
  return { credential, signals }
}

function client(credential: TokenCredential, timeoutMs: number): CallingClient {
  const c = new CallingClient({ baseUrl: graph.url, credential, timeoutMs })
  clients.push(c)
  return c
}

const hangUp = (c: CallingClient) => c.calls.hangUp('call-1')

describe('a credential slower than timeoutMs', () => {
  it('its late token is kept: the next send joins the request still running, and the one after uses the cache', async () => {
    const { credential, signals } = slowCredential(150)
    const c = client(credential, 100)
    const first = await hangUp(c).then(
      () => expect.unreachable('the first send resolved'),
      (e: unknown) => e,
    )
    expect(first, 'the first send runs out of time waiting for the token').toBeInstanceOf(TimeoutError)
    expect((first as TimeoutError).waitingForToken).toBe(true)
    expect(signals.map((s) => s.aborted), 'the token request outlives the call that gave up on it').toEqual([false])
    expect((await hangUp(c)).status, 'the second send gets the token the first one asked for').toBe(202)
    expect((await hangUp(c)).status).toBe(202)
    expect(signals, 'getToken was asked once for the three sends').toHaveLength(1)
    expect(graph.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`])
  })

  it('a token that comes after every waiter left is cached for the next send, which does not ask again', async () => {
    const { credential, signals } = slowCredential(150)
    const c = client(credential, 100)
    await expect(hangUp(c)).rejects.toBeInstanceOf(TimeoutError)
    await wait(200)
    expect((await hangUp(c)).status, 'the send after the late token uses it').toBe(202)
    expect(signals, 'getToken was not asked again').toHaveLength(1)
    expect(graph.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${TOKEN}`])
  })

  it('close() still aborts the token request that outlived its call', async () => {
    const { credential, signals } = slowCredential(10_000)
    const c = client(credential, 50)
    await expect(hangUp(c)).rejects.toBeInstanceOf(TimeoutError)
    expect(signals.map((s) => s.aborted)).toEqual([false])
    await c.close()
    expect(signals.map((s) => s.aborted), "close() aborts the credential's signal").toEqual([true])
  })
})

describe('a credential that never answers', () => {
  it('is asked again once its request has run 30 s, its own limit, with no call waiting for it', async () => {
    const clock = new ManualClock()
    const signals: AbortSignal[] = []
    const credential: TokenCredential = {
      getToken: (_scopes, options) => {
        signals.push(options!.abortSignal!)
        return signals.length === 1 ? new Promise(() => {}) : Promise.resolve({ token: TOKEN, expiresOnTimestamp: clock.now() + 3_600_000 })
      },
    }
    const c = new CallingClient({ baseUrl: graph.url, credential, timeoutMs: 100, clock })
    clients.push(c)
    const timedOut = hangUp(c).catch((e: unknown) => e)
    await clock.advance(100)
    expect(await timedOut).toBeInstanceOf(TimeoutError)
    await clock.advance(29_800)
    expect(signals.map((s) => s.aborted), 'the request is kept until its limit').toEqual([false])
    await clock.advance(100)
    expect(signals.map((s) => s.aborted), "past its limit, the request's signal aborts").toEqual([true])
    expect((await hangUp(c)).status, 'the next send asks the credential again and is sent').toBe(202)
    expect(signals.map((s) => s.aborted)).toEqual([true, false])
    expect(graph.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${TOKEN}`])
  })
})
