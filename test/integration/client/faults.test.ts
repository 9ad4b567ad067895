import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { createServer } from 'node:http'
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net'
import { setTimeout as wait } from 'node:timers/promises'
import { inspect } from 'node:util'
import { Agent } from 'undici'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  AbortError,
  CallingClient,
  ConnectionError,
  CredentialError,
  GraphApiError,
  TimeoutError,
  type AttemptReport,
  type CallingClientOptions,
  type Clock,
} from '../../../src/index.ts'
import { mediaPrompt, serviceHostedMedia } from '../../../src/requests/index.ts'
import { FakeGraph, type Reply } from './fake-graph.ts'
import { expectNoSecret } from './secrets.ts'

const callId = 'call-1'
// A whole second, so that an HTTP date (second resolution) converts to an exact wait.
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0)

let graph: FakeGraph
let secret: string
let tokensIssued: number
/** Every sleep the client asked of a `fakeClock`, with its signal. */
let sleeps: { ms: number; signal: AbortSignal | undefined }[]
let clients: CallingClient[]

beforeEach(async () => {
  graph = await FakeGraph.start()
  secret = `eyJ0eXAi.secret-${randomBytes(12).toString('hex')}`
  tokensIssued = 0
  sleeps = []
  clients = []
})
afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()))
  await graph.close()
})

/** A clock at a fixed instant (or the real one) whose sleeps are recorded and return at once, unless `sleep` says otherwise. */
function fakeClock(options: { realNow?: boolean; sleep?: Clock['sleep'] } = {}): Clock {
  return {
    now: options.realNow ? Date.now : () => NOW,
    sleep: options.sleep ?? (async (ms, signal) => void sleeps.push({ ms, signal })),
  }
}

/**
 * The waits before retries that a `fakeClock` was asked for. The client sleeps on the clock it is given
 * for each attempt's time limit too, and aborts that sleep once the attempt is over: a sleep still live
 * once the call has ended was a wait.
 */
const waits = (): number[] => sleeps.filter((s) => !s.signal?.aborted).map((s) => s.ms)

/** A client of the loopback server whose credential hands out a new secret token each time it is asked. */
function client(options: Partial<CallingClientOptions> = {}): CallingClient {
  const c = new CallingClient({
    baseUrl: graph.url,
    clock: fakeClock(),
    credential: async () => ({ token: `${secret}-${++tokensIssued}`, expiresOnTimestamp: (options.clock ?? fakeClock()).now() + 3_600_000 }),
    ...options,
  })
  clients.push(c)
  return c
}

/** Runs `promise`, which must fail, and returns its error after checking that no token shows in it. */
async function failure(promise: Promise<unknown>): Promise<any> {
  const error = await promise.then(
    () => expect.unreachable('the call resolved'),
    (e: unknown) => e,
  )
  expectNoSecret(error, secret)
  return error
}

const send = (c: CallingClient, options?: Parameters<CallingClient['calls']['hangUp']>[1]) => c.calls.hangUp(callId, options)
const ids = () => graph.requests.map((r) => r.headers['client-request-id'])

// A client with its token cached sends on the lean path (undici's own timers, the caller's signal as
// is); a fresh one awaits its token under an exact stop. Both must keep every limit.
const temperatures = ['with its token cached', 'fetching its token'] as const

/** A client on the loopback server, warmed with one call when its token is to be cached. */
async function ready(temperature: (typeof temperatures)[number], options: Partial<CallingClientOptions> = {}) {
  const c = client({ clock: fakeClock({ realNow: true }), ...options })
  if (temperature === temperatures[0]) {
    await send(c)
    graph.requests.length = 0
  }
  return c
}

describe('429 with each form of Retry-After', () => {
  it.each([
    ['delta seconds', '2', 2000],
    ['decimal seconds', '1.5', 1500],
    ['an HTTP date', new Date(NOW + 3000).toUTCString(), 3000],
    ['an HTTP date already past', new Date(NOW - 60_000).toUTCString(), 0],
  ])('waits what %s asks for, then sends again with the same client-request-id', async (_, retryAfter, expected) => {
    graph.reply({ status: 429, headers: { 'retry-after': retryAfter }, body: '{"error":{"code":"TooManyRequests","message":"slow down"}}' }, { status: 204 })
    const result = await send(client())
    expect(result.status).toBe(204)
    expect(waits()).toEqual([expected])
    expect(graph.requests).toHaveLength(2)
    expect(new Set(ids()).size).toBe(1)
  })

  it('gives up after maxRetries with the last GraphApiError, keeping retryAfterMs', async () => {
    const throttled: Reply = { status: 429, headers: { 'retry-after': '1', 'request-id': 'r-429' }, body: '{"error":{"code":"TooManyRequests","message":"slow down"}}' }
    graph.reply(throttled, throttled, throttled)
    const error = await failure(send(client({ maxRetries: 2 })))
    expect(error).toBeInstanceOf(GraphApiError)
    expect([error.status, error.code, error.retryAfterMs, error.requestId]).toEqual([429, 'TooManyRequests', 1000, 'r-429'])
    expect(graph.requests).toHaveLength(3)
    expect(waits()).toEqual([1000, 1000])
  })

  it('waits longer than a minute when the deadline allows it', async () => {
    graph.reply({ status: 429, headers: { 'retry-after': '120' } }, { status: 204 })
    await send(client(), { deadline: new Date(NOW + 600_000) })
    expect(waits()).toEqual([120_000])
  })

  it('without a deadline, does not sleep through a Retry-After longer than a minute: the error carries it', async () => {
    graph.reply({ status: 429, headers: { 'retry-after': '3600' } })
    const error = await failure(send(client()))
    expect(error).toBeInstanceOf(GraphApiError)
    expect(error.retryAfterMs).toBe(3_600_000)
    expect(waits()).toEqual([])
  })
})

describe('503, 504 and connection resets are retried with jittered back-off', () => {
  it.each([503, 504])('%i then 202', async (status) => {
    graph.reply({ status, body: '<html><title>Service Unavailable</title></html>', headers: { 'content-type': 'text/html' } }, { status: 202 })
    const result = await client().calls.answer(callId, { callbackUri: 'https://bot.contoso.com/cb', acceptedModalities: ['audio'], mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' } })
    expect(result.status).toBe(202)
    expect(graph.requests).toHaveLength(2)
    expect(graph.requests[1]!.body).toBe(graph.requests[0]!.body)
    expect(new Set(ids()).size).toBe(1)
    expect(waits()).toHaveLength(1)
    expect(waits()[0]).toBeGreaterThanOrEqual(375)
    expect(waits()[0]).toBeLessThanOrEqual(500)
  })

  it('back-off doubles between retries', async () => {
    graph.reply({ status: 503 }, { status: 503 }, { status: 503 }, { status: 204 })
    await send(client())
    expect(waits()).toHaveLength(3)
    waits().forEach((wait, i) => {
      expect(wait).toBeGreaterThanOrEqual(500 * 2 ** i * 0.75)
      expect(wait).toBeLessThanOrEqual(500 * 2 ** i)
    })
  })

  it('a connection reset then 204: sent again on a new connection, same client-request-id', async () => {
    graph.reply('reset', { status: 204 })
    const result = await send(client())
    expect(result.status).toBe(204)
    expect(graph.requests).toHaveLength(2)
    expect(new Set(ids()).size).toBe(1)
  })

  it('resets past maxRetries end in a ConnectionError that keeps its cause', async () => {
    graph.reply('reset', 'reset')
    const error = await failure(send(client({ maxRetries: 1 })))
    expect(error).toBeInstanceOf(ConnectionError)
    expect(error).not.toBeInstanceOf(TimeoutError)
    expect(error.cause).toBeInstanceOf(Error)
    expect(error.message).toMatch(new RegExp(`^DELETE ${graph.url}/v1.0/communications/calls/call-1 failed: .+ \\(client-request-id [0-9a-f-]{36}, attempt 2\\)$`))
    expect(graph.requests).toHaveLength(2)
  })

  it('no other status is retried', async () => {
    for (const status of [400, 403, 404, 409, 500, 502]) {
      graph.requests.length = 0
      graph.reply({ status })
      const error = await failure(send(client()))
      expect(error).toBeInstanceOf(GraphApiError)
      expect(error.status).toBe(status)
      expect(graph.requests).toHaveLength(1)
    }
    expect(waits()).toEqual([])
  })
})

describe('the GraphApiError that ends a retried call says how many attempts were made', () => {
  const hangUpUrl = () => `DELETE ${graph.url}/v1.0/communications/calls/call-1`
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  /** The message of the last answer, its ids, then what the client adds. */
  const ending = (status: number, added: string) =>
    new RegExp(`^${status} \\S+: .+ \\(client-request-id ${ids()[0]}\\); ${escape(hangUpUrl())} ${escape(added)}$`)
  const answers: [number, Reply][] = [
    [429, { status: 429, headers: { 'retry-after': '1' }, body: '{"error":{"code":"TooManyRequests","message":"slow down"}}' }],
    [503, { status: 503, body: '{"error":{"code":"serviceNotAvailable","message":"The service is temporarily unavailable."}}' }],
    [504, { status: 504, headers: { 'content-type': 'text/html' }, body: '<html><title>Gateway Timeout</title></html>' }],
  ]

  it.each(answers)('%i until the retries run out', async (status, reply) => {
    graph.reply(reply, reply, reply, reply)
    const error = await failure(send(client()))
    expect(error).toBeInstanceOf(GraphApiError)
    expect(error.status).toBe(status)
    expect(graph.requests).toHaveLength(4)
    expect(error.message).toMatch(ending(status, 'was tried 4 times and not sent again: maxRetries is 3 (attempt 4)'))
    expect(error.stack?.split('\n')[0]).toBe(`GraphApiError: ${error.message}`)
  })

  it.each(answers)('%i with retries turned off', async (status, reply) => {
    graph.reply(reply)
    const error = await failure(send(client({ maxRetries: 0 })))
    expect(error.message).toMatch(ending(status, 'was tried once and not sent again: maxRetries is 0 (attempt 1)'))
  })

  it('a 401 refused again with a new token', async () => {
    const refused: Reply = { status: 401, body: '{"error":{"code":"InvalidAuthenticationToken","message":"Access token validation failure."}}' }
    graph.reply(refused, refused)
    const error = await failure(send(client()))
    expect(error.message).toMatch(ending(401, 'was tried twice and not sent again: Graph refused a new token too (attempt 2)'))
  })

  it('a Retry-After longer than the client waits without a deadline, after a retry', async () => {
    graph.reply({ status: 503 }, { status: 429, headers: { 'retry-after': '3600' } })
    const error = await failure(send(client()))
    expect(error.retryAfterMs).toBe(3_600_000)
    expect(error.message).toMatch(
      ending(429, 'was tried twice and not sent again: Graph asked to retry after 3600000 ms (Retry-After), longer than the 60000 ms the client waits without a deadline (attempt 2)'),
    )
  })
})

describe('after a 504 or a broken connection, sent again only when Graph cannot act twice', () => {
  const createCall = (c: CallingClient) =>
    c.calls.create({ callbackUri: 'https://bot.contoso.com/cb', targets: [{ identity: { user: { id: 'u-1' } } }], requestedModalities: ['audio'], mediaConfig: serviceHostedMedia() })
  const playPrompt = (c: CallingClient) => c.calls.playPrompt(callId, { prompts: [mediaPrompt('https://cdn.contoso.com/beep.wav')] })
  const answer = (c: CallingClient) =>
    c.calls.answer(callId, { callbackUri: 'https://bot.contoso.com/cb', acceptedModalities: ['audio'], mediaConfig: serviceHostedMedia() })
  const actions = [
    ['createCall', createCall, '/communications/calls'],
    ['playPrompt', playPrompt, `/communications/calls/${callId}/playPrompt`],
  ] as const
  const gatewayTimeout: Reply = { status: 504, headers: { 'content-type': 'text/html' }, body: '<html><title>Gateway Timeout</title></html>' }

  it.each(actions)('%s whose connection breaks once Graph read it: not sent again, and the error says Graph may have acted', async (_, action, path) => {
    graph.reply('reset', { status: 201, headers: { 'content-type': 'application/json' }, body: '{"id":"second"}' })
    const error = await failure(action(client()))
    expect(error).toBeInstanceOf(ConnectionError)
    expect(error).not.toBeInstanceOf(TimeoutError)
    expect(error.cause).toBeInstanceOf(Error)
    expect(error.message).toMatch(
      new RegExp(
        `^POST ${graph.url}/v1.0${path} failed: .+; the connection broke after the request was sent, so it was not sent again: ` +
          `Graph may or may not have acted on it \\(client-request-id ${ids()[0]}, attempt 1\\)$`,
      ),
    )
    expect(graph.requests).toHaveLength(1)
    expect(waits()).toEqual([])
  })

  it.each(actions)('%s answered 504: not sent again, a GraphApiError that says Graph may have acted', async (_, action, path) => {
    graph.reply(gatewayTimeout, { status: 202 })
    const error = await failure(action(client()))
    expect(error).toBeInstanceOf(GraphApiError)
    expect([error.status, error.clientRequestId]).toEqual([504, ids()[0]])
    expect(error.message).toContain(`(client-request-id ${ids()[0]}); POST ${graph.url}/v1.0${path} was not sent again: a gateway stopped waiting for the call service, which may or may not have acted on it (attempt 1)`)
    expect(error.stack?.split('\n')[0]).toBe(`GraphApiError: ${error.message}`)
    expect(graph.requests).toHaveLength(1)
    expect(waits()).toEqual([])
  })

  it('with retries turned off, a broken connection still says that Graph may have acted', async () => {
    graph.reply('reset')
    const error = await failure(createCall(client({ maxRetries: 0 })))
    expect(error.message).toContain('so it was not sent again: Graph may or may not have acted on it')
  })

  it.each([
    ['a connection reset', 'reset'],
    ['a 504', gatewayTimeout],
  ] as const)('answer after %s is sent again: Graph refuses a second answer once the call has left incoming', async (_, first) => {
    graph.reply(first, { status: 202 })
    const result = await answer(client())
    expect(result.status).toBe(202)
    expect(graph.requests).toHaveLength(2)
    expect(new Set(ids()).size).toBe(1)
  })

  const notIncoming: Reply = {
    status: 400,
    headers: { 'content-type': 'application/json' },
    body: '{"error":{"code":"8501","message":"Call is not in incoming state."}}',
  }

  it.each([
    ['a connection reset', 'reset', 'a connection that broke on attempt 1'],
    ['a 504', gatewayTimeout, 'a 504 on attempt 1'],
  ] as const)('answer refused once sent again after %s: the error says the first answer may have worked', async (_, first, said) => {
    graph.reply(first, notIncoming)
    const error = await failure(answer(client()))
    expect(error).toBeInstanceOf(GraphApiError)
    expect([error.status, error.code]).toEqual([400, '8501'])
    expect(error.message).toContain(
      `; this was POST ${graph.url}/v1.0/communications/calls/${callId}/answer sent again after ${said}, which Graph may have acted on: this refusal may mean that the earlier attempt succeeded`,
    )
    expect(graph.requests).toHaveLength(2)
  })

  it('answer refused after a 429 says nothing of the sort: Graph turned the first away before acting', async () => {
    graph.reply({ status: 429, headers: { 'retry-after': '1' } }, notIncoming)
    const error = await failure(answer(client()))
    expect(error.message).toBe(`400 8501: Call is not in incoming state. (client-request-id ${ids()[0]})`)
  })

  it.each(actions.flatMap(([name, action]) => [429, 503].map((status) => [name, status, action] as const)))(
    '%s answered %i is sent again: Graph turned it away before acting',
    async (_, status, action) => {
      graph.reply({ status, headers: { 'retry-after': '1' } }, { status: 202 })
      expect((await action(client())).status).toBe(202)
      expect(graph.requests).toHaveLength(2)
      expect(new Set(ids()).size).toBe(1)
      expect(waits()).toEqual([1000])
    },
  )

  it.each(actions)('%s to a refused connection is sent again: nothing was sent', async (_, action) => {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    await new Promise((resolve) => server.close(resolve))
    const error = await failure(action(client({ baseUrl: `http://127.0.0.1:${port}`, maxRetries: 2 })))
    expect(error).toBeInstanceOf(ConnectionError)
    expect(error.message).toMatch(/failed: connect ECONNREFUSED .+ \(client-request-id [0-9a-f-]{36}, attempt 3\)$/)
    expect(waits()).toHaveLength(2)
  })

  it('a POST built by hand is not sent again after a broken connection unless it says it is resendable', async () => {
    const c = client()
    const request = { method: 'POST', path: `/communications/calls/${callId}/playPrompt`, body: {} } as const
    graph.reply('reset')
    expect((await failure(c.send(request))).message).toContain('so it was not sent again')
    expect(graph.requests).toHaveLength(1)
    graph.reply('reset', { status: 202 })
    expect((await c.send({ ...request, resendable: true })).status).toBe(202)
    expect(graph.requests).toHaveLength(3)
  })
})

describe('time limits', () => {
  it.each(temperatures)('slow headers, %s: the attempt times out, keeps its cause and is not retried', async (temperature) => {
    const c = await ready(temperature, { timeoutMs: 150 })
    graph.reply('hang')
    const error = await failure(send(c))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error.message).toMatch(/^DELETE http:\/\/127\.0\.0\.1:\d+\/v1\.0\/communications\/calls\/call-1 timed out: no answer within 150 ms \(client-request-id [0-9a-f-]{36}, attempt 1\)$/)
    expect(error.cause).toBeDefined()
    expect(graph.requests).toHaveLength(1)
  })

  it.each(temperatures)('a slow body, %s, times out too', async (temperature) => {
    const c = await ready(temperature)
    graph.reply((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"id":')
    })
    const error = await failure(c.send({ method: 'GET', path: '/communications/calls/x' }, { timeoutMs: 150 }))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error.message).toContain('timed out: no answer within 150 ms')
  })

  it('a deadline already past fails at once: no token asked, nothing sent', async () => {
    const error = await failure(send(client({ clock: fakeClock({ realNow: true }) }), { deadline: new Date(Date.now() - 1) }))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error.message).toMatch(/^The deadline \S+ had passed before DELETE .+ could be sent; nothing was sent$/)
    expect(graph.requests).toHaveLength(0)
    expect(tokensIssued).toBe(0)
  })

  it('a deadline that a Retry-After wait would pass fails now, saying so and keeping retryAfterMs', async () => {
    graph.reply({ status: 429, headers: { 'retry-after': '120' }, body: '{"error":{"code":"TooManyRequests","message":"slow down"}}' })
    const error = await failure(send(client(), { deadline: new Date(NOW + 5000) }))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error.retryAfterMs).toBe(120_000)
    expect(error.cause).toBeInstanceOf(GraphApiError)
    expect(error.cause.status).toBe(429)
    expect(error.message).toContain('Graph asked to retry after 120000 ms (Retry-After), which is past the deadline 2026-11-23T12:00:05.000Z, so it was not retried')
    expect(graph.requests).toHaveLength(1)
    expect(waits()).toEqual([])
  })

  it.each(temperatures)('an attempt in flight, %s, is stopped at the deadline', async (temperature) => {
    const c = await ready(temperature)
    graph.reply('hang')
    const error = await failure(send(c, { deadline: new Date(Date.now() + 150) }))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error.message).toContain('was stopped at the deadline')
  })
})

describe('answers Graph accepted', () => {
  const operation = { '@odata.type': '#microsoft.graph.startHoldMusicOperation', id: 'op-1', status: 'running', clientContext: 'ctx' }
  const holdMusic = (c: CallingClient) => c.participants.startHoldMusic(callId, 'p-1', { clientContext: 'ctx' })

  it('a 202 that brings the operation it started (startHoldMusic) gives that operation', async () => {
    graph.reply({ status: 202, headers: { 'content-type': 'application/json', location: `${graph.url}/v1.0/communications/calls/${callId}/operations/op-1` }, body: JSON.stringify(operation) })
    const result = await holdMusic(client())
    expect([result.status, result.body]).toEqual([202, { ...operation, status: 'Running' }])
  })

  it('a 202 with no body gives no body', async () => {
    graph.reply({ status: 202, headers: { 'content-length': '0' } })
    expect((await holdMusic(client())).body).toBeUndefined()
  })

  it.each([200, 201, 204])('a %i with no body to an action answered with an operation is a ConnectionError with acceptedStatus, sent once', async (status) => {
    graph.reply({ status, headers: { 'content-length': '0' } })
    const error = await failure(client().calls.playPrompt(callId, { prompts: [mediaPrompt('https://cdn.contoso.com/beep.wav')] }))
    expect(error).toBeInstanceOf(ConnectionError)
    expect((error as ConnectionError).acceptedStatus).toBe(status)
    expect(error.message).toContain(`Graph answered ${status} to POST`)
    expect(error.message).toContain('with no body; Graph accepted the request, so it is not sent again')
    expect(graph.requests).toHaveLength(1)
  })

  it('a 202 whose body is cut off is still the 202, with no body, and is not sent again', async () => {
    graph.reply((_, res) => {
      res.writeHead(202, { 'content-type': 'application/json', 'content-length': '200' })
      res.write('{"@odata.type":"#microsoft.graph.startHoldMusicOperation",')
      setTimeout(() => res.socket!.destroy(), 10)
    })
    const result = await holdMusic(client())
    expect([result.status, result.body]).toEqual([202, undefined])
    expect(graph.requests).toHaveLength(1)
  })

  it.each(temperatures)('%s: a POST accepted with 201 whose body comes too slowly is a TimeoutError that says so, with acceptedStatus, and is not sent again', async (temperature) => {
    const c = await ready(temperature, { timeoutMs: 150 })
    // Each gap is short; timeoutMs bounds the whole attempt.
    graph.reply((_, res) => {
      res.writeHead(201, { 'content-type': 'application/json' })
      const timer = setInterval(() => res.write(' '), 20)
      res.on('close', () => clearInterval(timer))
    })
    const error = await failure(c.calls.create({ callbackUri: 'https://bot.contoso.com/cb', targets: [{ identity: { user: { id: 'u-1' } } }], requestedModalities: ['audio'], mediaConfig: serviceHostedMedia() }))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error.acceptedStatus).toBe(201)
    expect(error.message).toMatch(/^POST \S+\/v1\.0\/communications\/calls timed out after Graph accepted it with 201, so it is not sent again: the whole answer did not come within 150 ms \(client-request-id [0-9a-f-]{36}, attempt 1\)$/)
    expect(graph.requests).toHaveLength(1)
  })

  it('a POST accepted with 200 and then stopped by the deadline says Graph accepted it', async () => {
    graph.reply((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"id":')
    })
    const error = await failure(client({ clock: fakeClock({ realNow: true }) }).calls.playPrompt(callId, { prompts: [mediaPrompt('https://cdn.contoso.com/beep.wav')] }, { deadline: new Date(Date.now() + 200) }))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error.acceptedStatus).toBe(200)
    expect(error.message).toContain('after Graph accepted it with 200, so it is not sent again')
  })

  it("a POST accepted with 200 and then stopped by the caller's signal is an AbortError with acceptedStatus", async () => {
    const controller = new AbortController()
    graph.reply((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"id":', () => setTimeout(() => controller.abort(new Error('the bot moved on')), 50))
    })
    const error = await failure(client({ clock: fakeClock({ realNow: true }) }).calls.playPrompt(callId, { prompts: [mediaPrompt('https://cdn.contoso.com/beep.wav')] }, { signal: controller.signal }))
    expect(error).toBeInstanceOf(AbortError)
    expect(error.acceptedStatus).toBe(200)
    expect(error.message).toContain("was aborted by the caller's signal after Graph accepted it with 200 (it is not sent again)")
  })

  it('a GET stopped mid-body has no acceptedStatus: reading is not acting', async () => {
    graph.reply((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"id":')
    })
    const error = await failure(client({ maxRetries: 0 }).send({ method: 'GET', path: '/communications/calls/x' }, { timeoutMs: 150 }))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error.acceptedStatus).toBeUndefined()
  })
})

describe('time limits before the request is sent', () => {
  it.each(temperatures)('%s: timeoutMs also bounds the wait for a free connection, and the request is not sent later', async (temperature) => {
    const dispatcher = new Agent({ connections: 1 })
    try {
      const c = await ready(temperature, { dispatcher })
      graph.reply('hang')
      const arrived = graph.nextRequest()
      const controller = new AbortController()
      const busy = failure(send(c, { signal: controller.signal }))
      await arrived
      const error = await failure(send(c, { timeoutMs: 100 }))
      expect(error).toBeInstanceOf(TimeoutError)
      expect(error.message).toMatch(/ timed out: no answer within 100 ms \(client-request-id [0-9a-f-]{36}, attempt 1\)$/)
      controller.abort()
      expect(await busy).toBeInstanceOf(AbortError)
      await send(c)
      expect(graph.requests).toHaveLength(2)
      expect(ids()).not.toContain(error.message.match(/client-request-id (\S+),/)[1])
    } finally {
      await dispatcher.destroy()
    }
  })

  describe('a host that accepts the connection and never finishes the TLS handshake', () => {
    let sockets: Socket[]
    let silent: ReturnType<typeof createTcpServer>
    let url: string
    beforeEach(async () => {
      sockets = []
      silent = createTcpServer((socket) => void sockets.push(socket))
      silent.listen(0, '127.0.0.1')
      await once(silent, 'listening')
      url = `https://127.0.0.1:${(silent.address() as AddressInfo).port}`
    })
    // Hanging up ends the connections undici is still making for the calls that gave up on them.
    afterEach(() => {
      for (const socket of sockets) socket.destroy()
      silent.close()
    })

    // undici would wait 10 s for each connection before its own connect timeout, and retry.
    it.each(temperatures)('%s: the signal, the deadline and timeoutMs each stop the call while it connects, typed as ever, not retried', async (temperature) => {
      const c = client({ baseUrl: url, clock: fakeClock({ realNow: true }) })
      // A first call fetches the token, and leaves it cached.
      if (temperature === temperatures[0]) await failure(send(c, { timeoutMs: 50 }))
      const started = performance.now()
      const reason = new Error('the caller hung up')
      const controller = new AbortController()
      setTimeout(() => controller.abort(reason), 100)
      const aborted = await failure(send(c, { signal: controller.signal }))
      const stopped = await failure(send(c, { deadline: new Date(Date.now() + 100) }))
      const timedOut = await failure(send(c, { timeoutMs: 100 }))
      expect(performance.now() - started).toBeLessThan(3_000)
      expect(aborted).toBeInstanceOf(AbortError)
      expect(aborted.cause).toBe(reason)
      expect(stopped).toBeInstanceOf(TimeoutError)
      expect(stopped.message).toMatch(/ was stopped at the deadline \S+ before Graph answered \(client-request-id [0-9a-f-]{36}, attempt 1\)$/)
      expect(timedOut).toBeInstanceOf(TimeoutError)
      expect(timedOut.message).toMatch(/ timed out: no answer within 100 ms \(client-request-id [0-9a-f-]{36}, attempt 1\)$/)
      expect(waits()).toEqual([])
    })
  })
})

describe('closing the client', () => {
  it.each([
    ['its own pool, no signal', false, false],
    ['a dispatcher passed in, a signal', true, true],
  ])('close() during the wait before a retry ends the call at once, saying so, and clears the wait (%s)', async (_, passDispatcher, withSignal) => {
    const dispatcher = passDispatcher ? new Agent() : undefined
    let sleepSignal: AbortSignal | undefined
    let asleep!: () => void
    const sleeping = new Promise<void>((resolve) => (asleep = resolve))
    const retryWaits: number[] = []
    const clock: Clock = {
      now: Date.now,
      sleep: (ms, signal) => {
        // The attempt's time limit sleeps on the clock too; the wait before the retry is the one Graph's 429 asked for.
        if (graph.requests.length === 1) {
          retryWaits.push(ms)
          sleepSignal = signal
          asleep()
        }
        return wait(ms, undefined, { signal })
      },
    }
    try {
      const c = client({ clock, dispatcher })
      graph.reply({ status: 429, headers: { 'retry-after': '20' }, body: '{"error":{"code":"TooManyRequests","message":"slow down"}}' })
      const call = failure(send(c, withSignal ? { signal: new AbortController().signal } : undefined))
      await sleeping
      const closing = performance.now()
      await c.close()
      const error = await call
      expect(performance.now() - closing).toBeLessThan(1_000)
      expect(error).toBeInstanceOf(ConnectionError)
      expect(error).not.toBeInstanceOf(TimeoutError)
      expect(error.message).toMatch(/^DELETE http:\/\/127\.0\.0\.1:\d+\/v1\.0\/communications\/calls\/call-1 was not sent again: the client was closed \(client-request-id [0-9a-f-]{36}, attempt 1\)$/)
      expect(error.cause).toBeInstanceOf(GraphApiError)
      expect(error.cause.status).toBe(429)
      // The timer of the wait is gone with its signal.
      expect(sleepSignal!.aborted).toBe(true)
      expect(retryWaits).toEqual([20_000])
      expect(graph.requests).toHaveLength(1)
    } finally {
      await dispatcher?.destroy()
    }
  })

  it('a call after close() is not sent', async () => {
    const c = client()
    await c.close()
    const error = await failure(send(c))
    expect(error).toBeInstanceOf(ConnectionError)
    expect(graph.requests).toHaveLength(0)
  })
})

describe('cancellation', () => {
  it.each(temperatures)('aborting the signal, %s, stops the request in flight with an AbortError whose cause is the reason', async (temperature) => {
    const c = await ready(temperature)
    graph.reply('hang')
    const controller = new AbortController()
    const reason = new Error('the caller hung up')
    void graph.nextRequest().then(() => controller.abort(reason))
    const error = await failure(send(c, { signal: controller.signal }))
    expect(error).toBeInstanceOf(AbortError)
    expect(error.cause).toBe(reason)
  })

  it('aborting during the wait before a retry stops the retry', async () => {
    const controller = new AbortController()
    // The attempt's time limit sleeps on the clock too, and does not pass; the wait before the retry
    // comes once Graph has answered 503, and the caller aborts during it.
    const sleep: Clock['sleep'] = (_ms, signal) =>
      new Promise((_, reject) => {
        signal!.addEventListener('abort', () => reject(signal!.reason))
        if (graph.requests.length === 1) controller.abort()
      })
    graph.reply({ status: 503 })
    const error = await failure(send(client({ clock: fakeClock({ sleep }) }), { signal: controller.signal }))
    expect(error).toBeInstanceOf(AbortError)
    expect(graph.requests).toHaveLength(1)
  })

  it('an aborted signal sends nothing', async () => {
    const error = await failure(send(client(), { signal: AbortSignal.abort() }))
    expect(error).toBeInstanceOf(AbortError)
    expect(graph.requests).toHaveLength(0)
  })
})

describe('tokens', () => {
  it('a 401 gets one new token and one retry', async () => {
    graph.reply({ status: 401, body: '{"error":{"code":"InvalidAuthenticationToken","message":"Access token has expired."}}' }, { status: 204 })
    await send(client())
    expect(graph.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${secret}-1`, `Bearer ${secret}-2`])
    expect(new Set(ids()).size).toBe(1)
    expect(waits()).toEqual([])
  })

  it('a second 401 is the caller\'s error', async () => {
    const refused: Reply = { status: 401, body: '{"error":{"code":"InvalidAuthenticationToken","message":"Access token validation failure."}}' }
    graph.reply(refused, refused)
    const error = await failure(send(client()))
    expect(error).toBeInstanceOf(GraphApiError)
    expect([error.status, error.code]).toEqual([401, 'InvalidAuthenticationToken'])
    expect(graph.requests).toHaveLength(2)
    expect(tokensIssued).toBe(2)
  })

  it('a failing credential is a CredentialError and nothing is sent', async () => {
    const c = client({ credential: async () => Promise.reject(new Error('AADSTS7000215: Invalid client secret provided.')) })
    const error = await failure(send(c))
    expect(error).toBeInstanceOf(CredentialError)
    expect(error.message).toBe('The credential could not get a token for https://graph.microsoft.com/.default: AADSTS7000215: Invalid client secret provided.')
    expect(graph.requests).toHaveLength(0)
  })

  it('a credential that gives an expired token (seconds for milliseconds) is a CredentialError, and nothing is sent', async () => {
    const c = client({ credential: async () => ({ token: 'expired-token-0123456789', expiresOnTimestamp: Math.floor(Date.now() / 1000) + 3600 }) })
    const error = await failure(send(c))
    expect(error).toBeInstanceOf(CredentialError)
    expect(error.message).toContain('that had already expired')
    expect(error.message).not.toContain('expired-token-0123456789')
    expect(graph.requests).toHaveLength(0)
  })

  it('a credential that does not answer times the attempt out; nothing is sent', async () => {
    const c = client({ credential: () => new Promise(() => {}), clock: fakeClock({ realNow: true }) })
    const error = await failure(send(c, { timeoutMs: 100 }))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error.waitingForToken).toBe(true)
    expect(graph.requests).toHaveLength(0)
  })

  it('a TimeoutError while the token is awaited says so, and that nothing was sent to Graph', async () => {
    const c = client({ credential: () => new Promise(() => {}), clock: fakeClock({ realNow: true }), timeoutMs: 500 })
    const started = Date.now()
    const error = await failure(c.calls.answer(callId, { callbackUri: 'https://bot.contoso.com/cb', acceptedModalities: ['audio'], mediaConfig: serviceHostedMedia() }))
    expect(Date.now() - started).toBeGreaterThanOrEqual(490)
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error.message).toMatch(
      new RegExp(`^POST ${graph.url}/v1\\.0/communications/calls/call-1/answer timed out after 500 ms waiting for an access token from the credential; nothing was sent to Graph \\(client-request-id [0-9a-f-]{36}, attempt 1\\)$`),
    )
    expect(error).toMatchObject({ waitingForToken: true, acceptedStatus: undefined })
    expect(graph.requests).toHaveLength(0)
  })

  it('a deadline reached while the token is awaited says so, and that nothing was sent to Graph', async () => {
    const c = client({ credential: () => new Promise(() => {}), clock: fakeClock({ realNow: true }), timeoutMs: 30_000 })
    const deadline = new Date(Date.now() + 200)
    const error = await failure(send(c, { deadline }))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error.message).toContain(`was stopped at the deadline ${deadline.toISOString()} waiting for an access token from the credential; nothing was sent to Graph`)
    expect(error.waitingForToken).toBe(true)
    expect(graph.requests).toHaveLength(0)
  })

  it('an abort while the token is awaited says so, and that nothing was sent to Graph', async () => {
    const c = client({ credential: () => new Promise(() => {}), clock: fakeClock({ realNow: true }) })
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('the caller hung up')), 50)
    const error = await failure(send(c, { signal: controller.signal }))
    expect(error).toBeInstanceOf(AbortError)
    expect(error.message).toMatch(/ was aborted by the caller's signal while waiting for an access token from the credential; nothing was sent to Graph \(client-request-id [0-9a-f-]{36}, attempt 1\)$/)
    expect(error).toMatchObject({ waitingForToken: true, acceptedStatus: undefined, cause: new Error('the caller hung up') })
    expect(graph.requests).toHaveLength(0)
  })

  it('an abort once the request is out does not claim it was waiting for a token', async () => {
    const controller = new AbortController()
    graph.reply('hang')
    void graph.nextRequest().then(() => controller.abort())
    const error = await failure(send(client(), { signal: controller.signal }))
    expect(error).toBeInstanceOf(AbortError)
    expect(error).toMatchObject({ waitingForToken: false })
    expect(error.message).not.toContain('access token')
    expect(graph.requests).toHaveLength(1)
  })

  it('after a 401, a new token that does not come times out the second attempt, which is not sent', async () => {
    let asked = 0
    const c = client({
      clock: fakeClock({ realNow: true }),
      timeoutMs: 300,
      credential: () => (++asked === 1 ? Promise.resolve({ token: `${secret}-1`, expiresOnTimestamp: Date.now() + 3_600_000 }) : new Promise(() => {})),
    })
    graph.reply({ status: 401, body: '{"error":{"code":"InvalidAuthenticationToken","message":"Access token has expired."}}' })
    const error = await failure(send(c))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error.message).toContain('timed out after 300 ms waiting for an access token from the credential; attempt 2 was not sent to Graph (client-request-id ')
    expect(error.waitingForToken).toBe(true)
    expect(graph.requests).toHaveLength(1)
  })

  it('a TimeoutError of Graph that does not answer is not taken for a wait for the token', async () => {
    graph.reply('hang')
    const error = await failure(send(client({ clock: fakeClock({ realNow: true }) }), { timeoutMs: 200 }))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error.message).toContain('timed out: no answer within 200 ms')
    expect(error.waitingForToken).toBe(false)
    expect(graph.requests).toHaveLength(1)
  })

  it('a credential that never answers is not asked again by each call: the calls that gave up leave its request to the next', async () => {
    const signals: AbortSignal[] = []
    const c = client({
      clock: fakeClock({ realNow: true }),
      credential: (_scopes, options) => {
        signals.push(options!.abortSignal!)
        return new Promise(() => {})
      },
    })
    // Two calls share the first request; the call after them joins it rather than ask again.
    const first = failure(send(c, { timeoutMs: 50 }))
    const second = failure(send(c, { timeoutMs: 150 }))
    expect(await first).toBeInstanceOf(TimeoutError)
    expect(await second).toBeInstanceOf(TimeoutError)
    expect(await failure(send(c, { timeoutMs: 50 }))).toMatchObject({ waitingForToken: true })
    expect(signals.map((s) => s.aborted), 'one request, still running for the next call').toEqual([false])
    expect(graph.requests).toHaveLength(0)
  })

  it("one caller's abort while the token is fetched leaves the shared fetch to the others", async () => {
    let release!: () => void
    const c = client({
      credential: () =>
        new Promise((resolve) => {
          tokensIssued++
          release = () => resolve({ token: `${secret}-shared`, expiresOnTimestamp: NOW + 3_600_000 })
        }),
    })
    const controller = new AbortController()
    const aborted = failure(send(c, { signal: controller.signal }))
    const other = send(c)
    controller.abort()
    expect(await aborted).toBeInstanceOf(AbortError)
    release()
    expect((await other).status).toBe(202)
    expect(tokensIssued).toBe(1)
    expect(graph.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${secret}-shared`])
  })

  it('util.inspect(client) shows where it points and no token', async () => {
    const c = client()
    await send(c)
    const shown = inspect(c, { depth: Infinity, showHidden: true })
    expect(shown).toBe(`CallingClient { cloud: 'global', apiVersion: 'v1.0', rootUrl: '${graph.url}/v1.0' }`)
    expectNoSecret(c, secret)
    expect(JSON.stringify(c)).not.toContain(secret)
  })
})

describe('error answers', () => {
  it("Graph's JSON error: code, message, request-id, client-request-id and date", async () => {
    graph.reply((req, res) => {
      const sent = req.headers['client-request-id'] as string
      res.writeHead(403, { 'content-type': 'application/json', 'request-id': 'r-403', 'client-request-id': sent })
      res.end(JSON.stringify({ error: { code: 'Forbidden', message: 'Application is not authorized.', innerError: { 'request-id': 'r-403', date: '2026-11-23T12:00:00', 'client-request-id': sent } } }))
    })
    const error = await failure(send(client()))
    const sent = ids()[0]
    expect(error).toBeInstanceOf(GraphApiError)
    expect(error.message).toBe(`403 Forbidden: Application is not authorized. (request-id r-403, client-request-id ${sent})`)
    expect([error.status, error.code, error.requestId, error.clientRequestId, error.date]).toEqual([403, 'Forbidden', 'r-403', sent, '2026-11-23T12:00:00'])
    expect(error.body).toMatchObject({ error: { code: 'Forbidden' } })
    expect(error.headers['request-id']).toBe('r-403')
  })

  it('an HTML error page gives its status and title', async () => {
    graph.reply({ status: 502, headers: { 'content-type': 'text/html' }, body: '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>' })
    const error = await failure(send(client()))
    expect(error).toBeInstanceOf(GraphApiError)
    expect(error.code).toBe('http502')
    expect(error.message).toMatch(/^502 http502: Graph answered 502 Bad Gateway with an HTML page \(text\/html\) titled "502 Bad Gateway" \(client-request-id [0-9a-f-]{36}\)$/)
    expect(error.body).toContain('<h1>Bad Gateway</h1>')
  })

  it('an empty body says so', async () => {
    graph.reply({ status: 500 })
    const error = await failure(send(client()))
    expect(error.message).toMatch(/^500 http500: Graph answered 500 Internal Server Error with an empty body \(client-request-id /)
    expect(error.body).toBeUndefined()
  })

  it('a truncated JSON body says so and keeps the text', async () => {
    graph.reply({ status: 400, headers: { 'content-type': 'application/json' }, body: '{"error":{"code":"BadRequest","mess' })
    const error = await failure(send(client()))
    expect(error.message).toContain('Graph answered 400 Bad Request with a JSON body that does not parse (truncated?): "{\\"error\\":{\\"code\\":\\"BadRequest\\",\\"mess"')
    expect(error.body).toBe('{"error":{"code":"BadRequest","mess')
  })
})

describe('onAttempt: a report of every attempt, for logs and metrics', () => {
  const reporting = (options: Partial<CallingClientOptions> = {}) => {
    const reports: AttemptReport[] = []
    return { reports, c: client({ onAttempt: (r) => void reports.push(r), ...options }) }
  }

  it('reports an accepted call once: method, URL, status, ids and attempt; no token and no body', async () => {
    graph.reply({ status: 202, headers: { 'request-id': 'graph-request-1' } })
    const { reports, c } = reporting({ clock: fakeClock({ realNow: true }) })
    const response = await c.calls.answer(callId, { callbackUri: 'https://bot.contoso.com/cb', acceptedModalities: ['audio'], mediaConfig: serviceHostedMedia() })
    expect(reports).toEqual([
      {
        method: 'POST',
        url: `${graph.url}/v1.0/communications/calls/${callId}/answer`,
        clientRequestId: response.clientRequestId,
        attempt: 1,
        status: 202,
        requestId: 'graph-request-1',
        durationMs: expect.any(Number),
        error: undefined,
      },
    ])
    expect(reports[0]!.durationMs).toBeGreaterThanOrEqual(0)
    expectNoSecret(reports, secret)
    expect(JSON.stringify(reports)).not.toContain('callbackUri')
  })

  it('reports each retry under the call\'s client-request-id, with the error that led to it', async () => {
    graph.reply({ status: 503, headers: { 'request-id': 'graph-request-1' } }, 'reset', { status: 204 })
    const { reports, c } = reporting()
    await send(c)
    expect(reports.map((r) => [r.attempt, r.status, r.error?.name])).toEqual([
      [1, 503, 'GraphApiError'],
      [2, undefined, 'ConnectionError'],
      [3, 204, undefined],
    ])
    expect(new Set(reports.map((r) => r.clientRequestId))).toEqual(new Set(ids()))
    expect(reports[0]!.requestId).toBe('graph-request-1')
    expectNoSecret(reports, secret)
  })

  it('reports the attempt a refused token ended, and the one with the new token', async () => {
    graph.reply({ status: 401, body: '{"error":{"code":"InvalidAuthenticationToken","message":"Access token has expired."}}' }, { status: 204 })
    const { reports, c } = reporting()
    await send(c)
    expect(reports.map((r) => [r.attempt, r.status])).toEqual([
      [1, 401],
      [2, 204],
    ])
    expectNoSecret(reports, secret)
  })

  it('reports nothing for a call refused before any attempt', async () => {
    const { reports, c } = reporting()
    await failure(send(c, { signal: AbortSignal.abort() }))
    await failure(send(c, { deadline: new Date(NOW - 1) }))
    expect(reports).toEqual([])
  })

  it('a report hook that throws leaves the call as it was, with a process warning', async () => {
    const warnings: string[] = []
    const onWarning = (warning: Error) => void warnings.push(warning.message)
    process.on('warning', onWarning)
    try {
      const c = client({
        onAttempt: () => {
          throw new Error('the log is full')
        },
      })
      await expect(send(c)).resolves.toMatchObject({ status: 202 })
      await new Promise((resolve) => setImmediate(resolve))
      expect(warnings).toEqual(['graph-calling: onAttempt threw, and was ignored: the log is full'])
    } finally {
      process.off('warning', onWarning)
    }
  })

  it('refuses an onAttempt that is not a function', () => {
    expect(() => client({ onAttempt: 'log' as never })).toThrow(/\$\.onAttempt: expected a function taking an attempt report/)
  })
})
