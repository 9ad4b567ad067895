import { inspect } from 'node:util'
import { MockAgent } from 'undici'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ConnectionError, GraphApiError, GraphCallingError, ValidationError } from '../../../src/errors.ts'
import type { GraphRequest } from '../../../src/requests/graph-request.ts'
import type { Clock } from '../../../src/transport/clock.ts'
import type { CloudName } from '../../../src/transport/clouds.ts'
import { GraphTransport, type TransportConfig } from '../../../src/transport/graph-transport.ts'
import { VERSION } from '../../../src/transport/user-agent.ts'

const NOW = Date.UTC(2026, 10, 23, 12)
let agent: MockAgent
/** Every sleep the transport asked of the clock, with its signal. */
let sleeps: { ms: number; signal: AbortSignal | undefined }[]

beforeEach(() => {
  agent = new MockAgent()
  agent.disableNetConnect()
  sleeps = []
})
afterEach(() => agent.close())

const clock: Clock = { now: () => NOW, sleep: async (ms, signal) => void sleeps.push({ ms, signal }) }

/**
 * The waits before retries. The transport sleeps on a clock it is given for each attempt's time limit too,
 * and aborts that sleep once the attempt is over: a sleep still live once the call has ended was a wait.
 */
const waits = (): number[] => sleeps.filter((s) => !s.signal?.aborted).map((s) => s.ms)

function transport(config: Partial<TransportConfig> = {}): GraphTransport {
  return new GraphTransport({
    credential: async () => ({ token: 'tok', expiresOnTimestamp: NOW + 3_600_000 }),
    dispatcher: agent,
    cloud: 'global',
    apiVersion: 'v1.0',
    baseUrl: undefined,
    timeoutMs: 10_000,
    maxRetries: 3,
    userAgent: undefined,
    clock,
    onAttempt: undefined,
    ...config,
  })
}

const post: GraphRequest = { method: 'POST', path: '/communications/calls/c-1/answer', body: { acceptedModalities: ['audio'] } }

describe('GraphTransport: the token stays out of errors', () => {
  it("a dispatcher's error that quotes the request's headers (MockAgent's, when nothing matches) loses the token on the way", async () => {
    const token = 'eyJ0eXAi.secret-token-4f1c'
    agent.get('https://graph.microsoft.com').intercept({ path: '/v1.0/communications/calls/x', method: 'GET', headers: { 'x-never-sent': 'yes' } }).reply(200, {})
    const error = await transport({ credential: async () => ({ token, expiresOnTimestamp: NOW + 3_600_000 }), maxRetries: 0 })
      .send({ method: 'GET', path: '/communications/calls/x' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectionError)
    const { message, cause } = error as ConnectionError & { cause: Error & { code?: string } }
    // The dispatcher's words are kept, the token is not.
    expect(message).toContain("Mock dispatch not matched for headers '")
    expect(message).toContain('Bearer [redacted]')
    expect(cause.message).toContain('Bearer [redacted]')
    expect(cause.code).toBe('UND_MOCK_ERR_MOCK_NOT_MATCHED')
    expect(inspect(error, { depth: Infinity, showHidden: true })).not.toContain(token)
    expect(inspect(error, { depth: Infinity })).not.toContain('secret-token')
  })
  it('an error answer that quotes the token back (an echoing proxy) loses it, in the message, the body and everything the error holds', async () => {
    const token = 'eyJ0eXAi.secret-token-4f1c'
    agent
      .get('https://graph.microsoft.com')
      .intercept({ path: '/v1.0/communications/calls/x', method: 'GET' })
      .reply((options) => ({ statusCode: 400, data: JSON.stringify({ error: { code: 'BadRequest', message: `bad token ${String((options.headers as Record<string, string>).authorization)}` } }) }))
    const error = await transport({ credential: async () => ({ token, expiresOnTimestamp: NOW + 3_600_000 }), maxRetries: 0 })
      .send({ method: 'GET', path: '/communications/calls/x' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GraphApiError)
    expect((error as GraphApiError).message).toContain('bad token Bearer [redacted]')
    expect(inspect(error, { depth: Infinity, showHidden: true })).not.toContain('secret-token')
  })

  it("a short placeholder token (a test's) is not cut out of the words of a connection error", async () => {
    agent.get('https://graph.microsoft.com').intercept({ path: '/v1.0/communications/calls/x', method: 'GET' }).replyWithError(new Error('connect ECONNREFUSED 127.0.0.1:443'))
    const error = await transport({ credential: async () => ({ token: 't', expiresOnTimestamp: NOW + 3_600_000 }), maxRetries: 0 })
      .send({ method: 'GET', path: '/communications/calls/x' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectionError)
    expect((error as Error).message).toContain('connect ECONNREFUSED 127.0.0.1:443')
  })
})

describe('GraphTransport: where it sends', () => {
  it.each([
    ['global', 'v1.0', undefined, 'https://graph.microsoft.com/v1.0'],
    ['usGovL4', 'v1.0', undefined, 'https://graph.microsoft.us/v1.0'],
    ['usGovL5', 'beta', undefined, 'https://dod-graph.microsoft.us/beta'],
    ['china', 'v1.0', undefined, 'https://microsoftgraph.chinacloudapi.cn/v1.0'],
    ['global', 'beta', 'http://127.0.0.1:3000', 'http://127.0.0.1:3000/beta'],
    ['global', 'v1.0', 'https://proxy.contoso.com/graph/', 'https://proxy.contoso.com/graph/v1.0'],
  ] as const)('%s %s with baseUrl %s: %s', (cloud, apiVersion, baseUrl, root) => {
    expect(transport({ cloud: cloud as CloudName, apiVersion, baseUrl }).rootUrl).toBe(root)
  })

  it('sends method, path, body and headers, and resolves with status, ids and no body for a 202', async () => {
    let seen: any
    agent
      .get('https://graph.microsoft.com')
      .intercept({ path: '/v1.0/communications/calls/c-1/answer', method: 'POST', body: '{"acceptedModalities":["audio"]}' })
      .reply((options) => {
        seen = options
        return { statusCode: 202, data: '', responseOptions: { headers: { 'request-id': 'r-1' } } }
      })
    const result = await transport({ userAgent: 'bot/1' }).send(post)
    expect(seen.headers).toEqual({
      authorization: 'Bearer tok',
      'client-request-id': result.clientRequestId,
      'user-agent': `bot/1 graph-calling/${VERSION}`,
      'content-type': 'application/json',
    })
    expect(result).toEqual({ status: 202, requestId: 'r-1', clientRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/), headers: { 'request-id': 'r-1' }, body: undefined, issues: [] })
  })

  it('parses a JSON body of a 200 or 201, and gives undefined for an empty one', async () => {
    const pool = agent.get('https://graph.microsoft.com')
    pool.intercept({ path: '/v1.0/communications/calls', method: 'POST' }).reply(201, { id: 'new-call', state: 'establishing' })
    pool.intercept({ path: '/v1.0/communications/calls/x' }).reply(200, '')
    const t = transport()
    const created = await t.send<{ id: string }>({ method: 'POST', path: '/communications/calls', body: {} })
    expect(created.body).toEqual({ id: 'new-call', state: 'establishing' })
    expect((await t.send<unknown>({ method: 'GET', path: '/communications/calls/x' })).body).toBeUndefined()
  })

  it('a success with a body that is not JSON is a ConnectionError that quotes it, without the token', async () => {
    agent.get('https://graph.microsoft.com').intercept({ path: '/v1.0/communications/calls/x' }).reply(200, '<html>hi, Bearer tok</html>')
    const error = await transport().send({ method: 'GET', path: '/communications/calls/x' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectionError)
    expect((error as Error).message).toMatch(/^Graph answered 200 to GET https:\/\/graph\.microsoft\.com\/v1\.0\/communications\/calls\/x with a body that is not JSON: "<html>hi, Bearer \[redacted\]<\/html>" \(client-request-id /)
    expect((error as ConnectionError).acceptedStatus).toBeUndefined()
  })

  it('a success with a body that is not JSON for an action with a result says Graph accepted it, and is not sent again', async () => {
    agent.get('https://graph.microsoft.com').intercept({ path: '/v1.0/communications/calls/c-1/playPrompt', method: 'POST' }).reply(200, 'OK')
    const error = await transport().send({ method: 'POST', path: '/communications/calls/c-1/playPrompt', body: {}, resultType: 'CommsOperation' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectionError)
    expect((error as ConnectionError).acceptedStatus).toBe(200)
    expect((error as Error).message).toContain('with a body that is not JSON: "OK"; Graph accepted the request, so it is not sent again')
  })

  it('a body that is not JSON on an action that answers with nothing is let go: Graph has acted', async () => {
    const pool = agent.get('https://graph.microsoft.com')
    pool.intercept({ path: '/v1.0/communications/calls/c-1/answer', method: 'POST' }).reply(202, 'Accepted', { headers: { 'content-type': 'text/plain' } })
    pool.intercept({ path: '/v1.0/communications/calls/c-1', method: 'DELETE' }).reply(200, 'OK')
    const t = transport()
    expect(await t.send(post)).toMatchObject({ status: 202, body: undefined })
    expect(await t.send({ method: 'DELETE', path: '/communications/calls/c-1' })).toMatchObject({ status: 200, body: undefined })
  })

  it('an empty 200 to a GET for a resource is a ConnectionError: the resource did not come', async () => {
    agent.get('https://graph.microsoft.com').intercept({ path: '/v1.0/communications/calls/x' }).reply(200, '')
    const error = await transport().send({ method: 'GET', path: '/communications/calls/x', resultType: 'Call' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectionError)
    expect((error as Error).message).toMatch(/^Graph answered 200 to GET \S+ with no body \(client-request-id /)
  })

  it('a redirect status is an error answer, not followed', async () => {
    agent.get('https://graph.microsoft.com').intercept({ path: '/v1.0/communications/calls/x' }).reply(302, '', { headers: { location: 'https://elsewhere.example' } })
    const error = await transport().send({ method: 'GET', path: '/communications/calls/x' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GraphApiError)
    expect((error as GraphApiError).status).toBe(302)
  })
})

describe('GraphTransport: retries', () => {
  it('a connection reset of a resendable request is retried with the same client-request-id', async () => {
    const ids: string[] = []
    const pool = agent.get('https://graph.microsoft.com')
    pool.intercept({ path: '/v1.0/communications/calls/c-1/answer', method: 'POST' }).replyWithError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))
    pool.intercept({ path: '/v1.0/communications/calls/c-1/answer', method: 'POST' }).reply((o) => {
      ids.push((o.headers as Record<string, string>)['client-request-id']!)
      return { statusCode: 202, data: '' }
    })
    const result = await transport().send({ ...post, resendable: true })
    expect(ids).toEqual([result.clientRequestId])
    expect(waits()).toHaveLength(1)
  })

  it('an error that is not a broken connection is not retried', async () => {
    agent.get('https://graph.microsoft.com').intercept({ path: '/v1.0/communications/calls/c-1/answer', method: 'POST' }).replyWithError(Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' }))
    const error = await transport().send(post).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectionError)
    expect((error as Error).message).toContain('failed: certificate has expired (CERT_HAS_EXPIRED)')
    expect(waits()).toEqual([])
  })

  it('maxRetries 0 turns retries off', async () => {
    agent.get('https://graph.microsoft.com').intercept({ path: '/v1.0/communications/calls/c-1/answer', method: 'POST' }).reply(503, '')
    const error = await transport({ maxRetries: 0 }).send(post).catch((e: unknown) => e)
    expect((error as GraphApiError).status).toBe(503)
    expect(waits()).toEqual([])
  })

  it('a 401 gets one new token per call, not one per 401', async () => {
    agent.get('https://graph.microsoft.com').intercept({ path: '/v1.0/communications/calls/c-1/answer', method: 'POST' }).reply(401, '').times(2)
    let asked = 0
    const error = await transport({ credential: async () => ({ token: `t${++asked}`, expiresOnTimestamp: NOW + 3_600_000 }) })
      .send(post)
      .catch((e: unknown) => e)
    expect((error as GraphApiError).status).toBe(401)
    expect(asked).toBe(2)
  })
})

describe('GraphTransport: hand-made requests', () => {
  it('names what is wrong with a request before any I/O', async () => {
    const circular: Record<string, unknown> = {}
    circular.self = circular
    const error = await transport()
      .send({ method: 'PUT' as never, path: 'communications/calls/../x?y', body: circular })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['$.method', '$.path', '$.body'])
    expect((error as ValidationError).issues[2]!.message).toMatch(/^expected a value JSON can write \(Converting circular structure to JSON/)
  })

  it.each(['/communications/calls/../x', '/communications/./calls', '/calls?x=1', '/calls#f', '/a b'])('refuses the path %j', async (path) => {
    const error = await transport().send({ method: 'GET', path }).catch((e: unknown) => e)
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['$.path'])
  })
})

describe('GraphTransport: call options', () => {
  it('names every bad option by its path before any I/O', async () => {
    const error = await transport()
      .send(post, { timeoutMs: -1, deadline: new Date('nope'), signal: {} as AbortSignal })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['$.timeoutMs', '$.deadline', '$.signal'])
  })
})
