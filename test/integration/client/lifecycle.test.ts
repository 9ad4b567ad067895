import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CallingClient } from '../../../src/index.ts'
import { FakeGraph } from './fake-graph.ts'

const credential = async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 })

let graph: FakeGraph
beforeEach(async () => {
  graph = await FakeGraph.start()
})
afterEach(() => graph.close())

describe('connections', () => {
  it('keeps connections alive across calls, and close() ends them', async () => {
    const client = new CallingClient({ credential, baseUrl: graph.url })
    for (let i = 0; i < 20; i++) await client.calls.hangUp(`c-${i}`)
    // undici may open a second connection while the first is being released; never one per call.
    expect(graph.connections.size).toBeLessThanOrEqual(2)
    expect(graph.requests.map((r) => r.headers.connection)).toEqual(Array(20).fill('keep-alive'))
    const sockets = [...graph.connections]
    const ended = Promise.all(sockets.map((s) => (s.destroyed ? undefined : new Promise((resolve) => s.once('close', resolve)))))
    await client.close()
    await ended
    expect(sockets.every((s) => s.destroyed)).toBe(true)
  })

  it('a dispatcher passed in stays open after close()', async () => {
    const { Agent } = await import('undici')
    const dispatcher = new Agent()
    const client = new CallingClient({ credential, baseUrl: graph.url, dispatcher })
    await client.calls.hangUp('c-1')
    await client.close()
    expect([...graph.connections].map((s) => s.destroyed)).toEqual([false])
    // A closed undici Agent would refuse this with ClientClosedError.
    const again = new CallingClient({ credential, baseUrl: graph.url, dispatcher })
    expect((await again.calls.hangUp('c-2')).status).toBe(202)
    await dispatcher.close()
  })
})
