/**
 * Outbound faults against a real loopback server: refused connections, bodies cut off mid-way, slow
 * headers and bodies, HTML and truncated error pages, and 429 storms. Every call must end with a typed
 * error (or Graph's answer) inside its limit, be sent again only when that is safe, and never be sent again
 * once Graph accepted it. Elapsed times are checked against generous bounds only.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CallingClient, ConnectionError, CredentialError, GraphApiError, GraphCallingError, TimeoutError } from '../../src/index.ts'
import { causeCodes, createCall, ending, faultClient, getCall, playPrompt, type Ending } from './fault-calls.ts'
import { FaultyGraph } from './faulty-graph.ts'

/** Slack for a busy 2-core machine: a limit of L ms must end well before L + SLACK. */
const SLACK_MS = 2_000

let graph: FaultyGraph
let clients: CallingClient[] = []
beforeAll(async () => {
  graph = await FaultyGraph.start()
})
afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()))
  clients = []
  const resent = graph.resentAfterAccepted()
  graph.attempts.clear()
  expect(resent, 'client-request-ids sent again after Graph accepted them').toEqual([])
})
afterAll(() => graph.close())

function client(options: Parameters<typeof faultClient>[1] = {}): CallingClient {
  const c = faultClient(graph.url, options)
  clients.push(c)
  return c
}

/** The requests the server saw for the one call that ended with `end` (by its client-request-id). */
function requestsOf(end: Ending): number {
  const id = (end.error as GraphApiError | undefined)?.clientRequestId ?? /client-request-id ([0-9a-f-]{36})/.exec(end.error?.message ?? '')?.[1]
  expect(id, 'the error names its client-request-id').toBeDefined()
  return graph.attempts.get(id!)?.outcomes.length ?? 0
}

/** A port nothing listens on: a server is opened there and closed again. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('connection refused', () => {
  it('is retried (nothing was sent), then ends in a ConnectionError whose cause is ECONNREFUSED', async () => {
    const port = await closedPort()
    const c = faultClient(`http://127.0.0.1:${port}`, { maxRetries: 2 })
    clients.push(c)
    const end = await ending(playPrompt(c, 'accept'))
    expect(end.error).toBeInstanceOf(ConnectionError)
    expect(end.error).not.toBeInstanceOf(TimeoutError)
    expect(causeCodes(end.error)).toContain('ECONNREFUSED')
    expect(end.error!.message).toMatch(/failed: connect ECONNREFUSED .+ attempt 3\)$/)
    // Two back-offs of at most 0.5 s and 1 s.
    expect(end.ms).toBeLessThan(1_500 + SLACK_MS)
  })

  it('with a deadline shorter than the back-off, ends at once in a TimeoutError that keeps the refusal', async () => {
    const port = await closedPort()
    const c = faultClient(`http://127.0.0.1:${port}`)
    clients.push(c)
    const end = await ending(playPrompt(c, 'accept', 0, { deadline: new Date(Date.now() + 200) }))
    expect(end.error).toBeInstanceOf(TimeoutError)
    expect(end.error!.retryAfterMs).toBeGreaterThan(0)
    expect(causeCodes(end.error)).toContain('ECONNREFUSED')
    expect(end.ms).toBeLessThan(200 + SLACK_MS)
  })

  it('fifty calls at once to a closed port each end typed, without hanging', async () => {
    const port = await closedPort()
    const c = faultClient(`http://127.0.0.1:${port}`, { maxRetries: 1 })
    clients.push(c)
    const ends = await Promise.all(Array.from({ length: 50 }, (_, i) => ending(playPrompt(c, 'accept', i))))
    for (const end of ends) {
      expect(end.error).toBeInstanceOf(ConnectionError)
      expect(causeCodes(end.error)).toContain('ECONNREFUSED')
    }
    expect(Math.max(...ends.map((e) => e.ms))).toBeLessThan(500 + SLACK_MS)
  })
})

describe('a body cut off mid-way', () => {
  it.each([
    ['playPrompt answered 200', () => playPrompt(client(), 'reset-mid-body'), 200],
    ['a new call answered 201', () => createCall(client(), 'created-reset-mid-body'), 201],
  ])('%s and then cut: a ConnectionError saying Graph accepted it, and never sent again', async (_, call, status) => {
    const end = await ending(call())
    expect(end.error).toBeInstanceOf(ConnectionError)
    expect(end.error!.message).toContain(`failed after Graph accepted it with ${status}, so it is not sent again: `)
    expect((end.error as ConnectionError).acceptedStatus).toBe(status)
    expect(causeCodes(end.error)).toContain('UND_ERR_SOCKET')
    expect(requestsOf(end)).toBe(1)
  })

  it('a 202 whose body is cut is still the success it was, with no body: sent once', async () => {
    const end = await ending(playPrompt(client(), 'accepted-reset-mid-body'))
    expect(end.status).toBe(202)
    expect(end.body).toBeUndefined()
    expect(graph.requestCount).toBe(1)
  })

  it('a new call answered 201 whose body then stalls past timeoutMs: a TimeoutError saying Graph accepted it, never sent again', async () => {
    const end = await ending(createCall(client({ timeoutMs: 300 }), 'created-stall-mid-body'))
    expect(end.error).toBeInstanceOf(TimeoutError)
    expect((end.error as TimeoutError).acceptedStatus).toBe(201)
    expect(end.error!.message).toContain('timed out after Graph accepted it with 201, so it is not sent again')
    expect(end.ms).toBeLessThan(300 + SLACK_MS)
    expect(requestsOf(end)).toBe(1)
  })

  it('a GET cut off is read again (reading twice is safe), up to maxRetries', async () => {
    const end = await ending(getCall(client({ maxRetries: 1 }), 'reset-mid-body'))
    expect(end.error).toBeInstanceOf(ConnectionError)
    expect(end.error!.message).not.toContain('accepted')
    expect(requestsOf(end)).toBe(2)
  })

  it('many cut answers at once: each call sent exactly once', async () => {
    const c = client()
    const ends = await Promise.all(Array.from({ length: 40 }, (_, i) => ending(playPrompt(c, 'reset-mid-body', i))))
    expect(ends.every((e) => e.error instanceof ConnectionError)).toBe(true)
    expect(graph.attempts.size).toBe(40)
    expect(graph.requestCount).toBe(40)
  })
})

describe('slow answers', () => {
  it('headers that never come: a TimeoutError at timeoutMs, not retried', async () => {
    const end = await ending(playPrompt(client({ timeoutMs: 300 }), 'hang'))
    expect(end.error).toBeInstanceOf(TimeoutError)
    expect(end.ms).toBeLessThan(300 + SLACK_MS)
    expect(requestsOf(end)).toBe(1)
  })

  it('a body that trickles in for ever is stopped at the deadline with a TimeoutError', async () => {
    // Each gap (50 ms) is inside the time limit: only the deadline bounds the whole call.
    const end = await ending(playPrompt(client({ timeoutMs: 5_000 }), 'dribble', 0, { deadline: new Date(Date.now() + 400) }))
    expect(end.error).toBeInstanceOf(TimeoutError)
    expect(end.error!.message).toContain('was stopped at the deadline')
    expect(end.ms).toBeLessThan(400 + SLACK_MS)
    expect(requestsOf(end)).toBe(1)
  })

  it('a body that trickles in for ever, each gap short, is stopped at timeoutMs when the deadline is further off: Graph accepted it', async () => {
    // timeoutMs bounds the whole attempt, body included; the deadline, the whole call.
    const end = await ending(playPrompt(client({ timeoutMs: 300 }), 'dribble', 0, { deadline: new Date(Date.now() + 5_000) }))
    expect(end.error).toBeInstanceOf(TimeoutError)
    expect((end.error as TimeoutError).acceptedStatus).toBe(200)
    expect(end.error!.message).toContain('timed out after Graph accepted it with 200, so it is not sent again: the whole answer did not come within 300 ms')
    expect(end.ms).toBeLessThan(300 + SLACK_MS)
    expect(requestsOf(end)).toBe(1)
  })

  it('a trickling body is stopped by the caller signal too', async () => {
    const end = await ending(playPrompt(client({ timeoutMs: 5_000 }), 'dribble', 0, { signal: AbortSignal.timeout(300) }))
    expect(end.error?.name).toBe('AbortError')
    expect(end.ms).toBeLessThan(300 + SLACK_MS)
  })
})

describe('error pages', () => {
  it('500 with HTML: a GraphApiError with the page title, not retried', async () => {
    const end = await ending(playPrompt(client(), 'html-500'))
    expect(end.error).toBeInstanceOf(GraphApiError)
    expect(end.error!.status).toBe(500)
    expect(end.error!.message).toContain('with an HTML page (text/html) titled "500 Internal Server Error"')
    expect(requestsOf(end)).toBe(1)
  })

  it('503 with truncated JSON: retried (Graph did not act), then a GraphApiError keeping the text', async () => {
    const end = await ending(playPrompt(client({ maxRetries: 1 }), 'truncated-503'))
    expect(end.error).toBeInstanceOf(GraphApiError)
    expect(end.error!.message).toContain('with a JSON body that does not parse (truncated?)')
    expect((end.error as GraphApiError).body).toBe('{"error":{"code":"ServiceUnavailable","mess')
    expect(requestsOf(end)).toBe(2)
  })
})

describe('429 storms', () => {
  const STORM = 100

  it(`${STORM} calls throttled with Retry-After: 3600 and no deadline: each fails at once with retryAfterMs, sent once`, async () => {
    graph.retryAfter = '3600'
    const c = client()
    const ends = await Promise.all(Array.from({ length: STORM }, (_, i) => ending(playPrompt(c, 'throttle', i))))
    for (const end of ends) {
      expect(end.error).toBeInstanceOf(GraphApiError)
      expect([end.error!.status, end.error!.retryAfterMs]).toEqual([429, 3_600_000])
    }
    expect(graph.attempts.size).toBe(STORM)
    expect(graph.requestCount).toBe(STORM)
    expect(Math.max(...ends.map((e) => e.ms))).toBeLessThan(SLACK_MS * 2)
  })

  it(`${STORM} calls throttled with Retry-After: 120 and a 2 s deadline: a TimeoutError each, carrying the wait, sent once`, async () => {
    graph.retryAfter = '120'
    const c = client()
    const deadline = new Date(Date.now() + 2_000)
    const ends = await Promise.all(Array.from({ length: STORM }, (_, i) => ending(playPrompt(c, 'throttle', i, { deadline }))))
    for (const end of ends) {
      expect(end.error).toBeInstanceOf(TimeoutError)
      expect(end.error!.retryAfterMs).toBe(120_000)
      expect(end.error!.cause).toBeInstanceOf(GraphApiError)
    }
    expect(graph.requestCount).toBe(STORM)
    expect(Math.max(...ends.map((e) => e.ms))).toBeLessThan(2_000 + SLACK_MS)
  })

  it(`${STORM} calls throttled once with Retry-After: 1: each waits the second, is sent exactly twice and succeeds`, async () => {
    const c = client()
    const ends = await Promise.all(Array.from({ length: STORM }, (_, i) => ending(playPrompt(c, 'throttle-once', i))))
    expect(ends.map((e) => e.status ?? e.error)).toEqual(Array(STORM).fill(202))
    expect([...graph.attempts.values()].map((a) => a.outcomes)).toEqual(Array(STORM).fill([429, 202]))
    // Retry-After is honoured: no retry came early.
    expect(Math.min(...ends.map((e) => e.ms))).toBeGreaterThanOrEqual(950)
    expect(Math.max(...ends.map((e) => e.ms))).toBeLessThan(1_000 + SLACK_MS)
  })
})

describe('a token that does not come', () => {
  it('a credential that fails, for fifty calls at once: asked once, a CredentialError each, nothing sent', async () => {
    let asked = 0
    const credential = async () => {
      asked++
      await new Promise((resolve) => setTimeout(resolve, 50))
      throw new Error('AADSTS7000222: The provided client secret keys are expired.')
    }
    const c = client({ credential })
    const ends = await Promise.all(Array.from({ length: 50 }, (_, i) => ending(playPrompt(c, 'accept', i))))
    expect(ends.every((e) => e.error instanceof CredentialError)).toBe(true)
    expect(asked).toBe(1)
    expect(graph.requestCount).toBe(0)
  })

  it('a credential that never answers: every waiting call ends in a TimeoutError at timeoutMs, nothing sent', async () => {
    const c = client({ credential: () => new Promise(() => {}), timeoutMs: 300 })
    const ends = await Promise.all(Array.from({ length: 20 }, (_, i) => ending(playPrompt(c, 'accept', i))))
    for (const end of ends) {
      expect(end.error).toBeInstanceOf(TimeoutError)
      expect(end.error).toMatchObject({ waitingForToken: true, message: expect.stringContaining('timed out after 300 ms waiting for an access token from the credential; nothing was sent to Graph') })
      expect(end.ms).toBeLessThan(300 + SLACK_MS)
    }
    expect(graph.requestCount).toBe(0)
  })
})

describe('every fault at once', () => {
  it('each call ends with Graph answer or a GraphCallingError, and nothing accepted is sent twice', async () => {
    graph.retryAfter = '3600'
    const c = client({ maxRetries: 1, timeoutMs: 500 })
    const deadline = () => ({ deadline: new Date(Date.now() + 1_500) })
    const calls = [
      ...(['accept', 'reset-mid-body', 'accepted-reset-mid-body', 'reset', 'hang', 'dribble', 'html-500', 'truncated-503', 'throttle', 'throttle-once'] as const).map(
        (fault, i) => playPrompt(c, fault, i, deadline()),
      ),
      createCall(c, 'created-reset-mid-body', deadline()),
      getCall(c, 'reset-mid-body', 0, deadline()),
    ]
    const ends = await Promise.all(calls.map(ending))
    for (const end of ends) {
      if (end.error) expect(end.error).toBeInstanceOf(GraphCallingError)
      else expect(end.status).toBeGreaterThanOrEqual(200)
      expect(end.ms).toBeLessThan(1_500 + SLACK_MS)
    }
  })
})
