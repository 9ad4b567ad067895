/**
 * Real HTTP: a `node:http` server on a loopback port runs the notification handler through
 * `toNodeListener`, and undici posts to it as Graph would.
 */
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { Pool, request } from 'undici'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { NotificationAuthError, NotificationError } from '../../../src/errors.ts'
import type { CallEvent } from '../../../src/notifications/index.ts'
import { createNotificationHandler, type NotificationHandlerOptions } from '../../../src/adapters/web.ts'
import { handleNotificationsWith } from '../../../src/adapters/web/notification-handler.ts'
import { toNodeListener } from '../../../src/adapters/node.ts'

const fixtures = join(import.meta.dirname, '../../fixtures/notifications')
const cases = (file: string) => (JSON.parse(readFileSync(join(fixtures, file), 'utf8')) as { cases: { name: string; body: unknown; expected: { type: string }[] }[] }).cases
const allCases = [...cases('seed-v1.0-call-answer.json'), ...cases('seed-beta-call-answer.json'), ...cases('edge-cases.json')]
const mixedBatch = allCases.find((c) => c.name.startsWith('a mixed batch'))!
const joining = allCases.find((c) => c.name.startsWith('a participantJoiningNotification'))!

/** What reached the app, and what went to onError. */
const received: CallEvent[] = []
const failures: unknown[] = []
const servers: Server[] = []

async function listen(listener: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(listener)
  servers.push(server)
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/calls`
}

function botOptions(extra: Partial<NotificationHandlerOptions> = {}): NotificationHandlerOptions {
  return {
    appId: '8A34A46B-3D17-4ADC-8DCE-DC4E7D572698',
    verify: false,
    maxBytes: 64 * 1024,
    onEvent: (event) => {
      received.push(event)
      return event.type === 'participant.joining' ? { '@odata.type': '#microsoft.graph.acceptJoinResponse' } : undefined
    },
    onError: (error) => failures.push(error),
    ...extra,
  }
}

let url: string
beforeAll(async () => {
  url = await listen(toNodeListener(createNotificationHandler(botOptions())))
})

afterEach(() => {
  received.length = 0
  failures.length = 0
})

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections()
    server.close()
  }
})

const postJson = (target: string, body: string | Readable, headers: Record<string, string> = {}) =>
  request(target, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } })

describe('toNodeListener over real HTTP', () => {
  it.each(allCases.map((c) => [c.name, c] as const))('delivers every event of: %s', async (_name, fixture) => {
    const response = await postJson(url, JSON.stringify(fixture.body))
    const expectedStatus = fixture === joining ? 200 : 202
    expect(response.statusCode).toBe(expectedStatus)
    await response.body.dump()
    expect(received.map((e) => e.type)).toEqual(fixture.expected.map((e) => e.type))
  })

  it('sends the join response for a participantJoiningNotification', async () => {
    const response = await postJson(url, JSON.stringify(joining.body))
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/json')
    expect(await response.body.json()).toEqual({ '@odata.type': '#microsoft.graph.acceptJoinResponse' })
  })

  it('reads a chunked body as it streams in', async () => {
    const text = new TextEncoder().encode(JSON.stringify(mixedBatch.body))
    async function* chunks() {
      for (let i = 0; i < text.length; i += 100) yield text.subarray(i, i + 100)
    }
    const response = await postJson(url, Readable.from(chunks()))
    expect(response.statusCode).toBe(202)
    await response.body.dump()
    expect(received).toHaveLength(5)
  })

  it('answers 413 from Content-Length before the body is read', async () => {
    const big = JSON.stringify({ value: [], pad: 'x'.repeat(200 * 1024) })
    const response = await postJson(url, big)
    expect(response.statusCode).toBe(413)
    expect(response.headers['content-type']).toBe('application/problem+json')
    expect(response.headers.connection).toBe('close')
    expect(((await response.body.json()) as { status: number }).status).toBe(413)
  })

  it('answers 413 to a chunked upload over the limit and stops reading it', async () => {
    let sent = 0
    const chunk = new Uint8Array(16 * 1024).fill(0x20)
    async function* endless() {
      // Far more than the limit; the server answers long before, and the client stops on its answer.
      for (let i = 0; i < 4_096; i++) {
        sent += chunk.length
        yield chunk
      }
    }
    const response = await postJson(url, Readable.from(endless()))
    expect(response.statusCode).toBe(413)
    expect(((await response.body.json()) as { detail: string }).detail).toBe('Invalid notification body: $: expected a body of at most 65536 bytes (the maxBytes option)')
    expect(sent).toBeLessThan(4_096 * chunk.length)
    expect(received).toEqual([])
  })

  it('answers 204 with no body to a call in the legacy Skype format', async () => {
    const response = await postJson(url, JSON.stringify({ id: 'c1', participants: [], isMultiparty: false, presentedModalityTypes: ['audio'], callState: 'incoming' }))
    expect(response.statusCode).toBe(204)
    expect(await response.body.text()).toBe('')
    expect(received).toEqual([])
  })

  it('answers 400 with the problem for a body that is not JSON', async () => {
    const response = await postJson(url, '{"value": [')
    expect(response.statusCode).toBe(400)
    const problem = (await response.body.json()) as { title: string; issues: { path: string; message: string }[] }
    expect(problem.title).toBe('Bad Request')
    expect(problem.issues).toEqual([{ path: '$', message: "expected JSON, but line 1, column 12 (the end of the body) needs a value or ']'; pass the request body exactly as received" }])
  })

  it('answers 400 for a body that is not JSON without quoting any of it', async () => {
    const response = await postJson(url, 'recordingAccessToken=eyJ0eXAiOiJKV1Qi.secret-part')
    expect(response.statusCode).toBe(400)
    const text = await response.body.text()
    expect(JSON.parse(text)).toMatchObject({ detail: 'Invalid notification body: $: expected JSON, but line 1, column 1 needs a value; pass the request body exactly as received' })
    for (const quoted of ['eyJ', 'secret', 'recording']) expect(text).not.toContain(quoted)
    expect(failures).toEqual([expect.objectContaining({ name: 'NotificationParseError', status: 400 })])
  })

  it('answers 405 to GET and 415 to text', async () => {
    const get = await request(url, { method: 'GET' })
    expect(get.statusCode).toBe(405)
    expect(get.headers.allow).toBe('POST')
    await get.body.dump()
    const text = await request(url, { method: 'POST', body: 'hello', headers: { 'content-type': 'text/plain' } })
    expect(text.statusCode).toBe(415)
    await text.body.dump()
  })

  it('answers 405 to TRACE, which a Web Request cannot carry, as to any other method', async () => {
    const response = await request(url, { method: 'TRACE' })
    expect(response.statusCode).toBe(405)
    expect(response.headers.allow).toBe('POST')
    expect(await response.body.text()).toBe('Graph posts notifications; TRACE is not accepted here.')
  })

  it.each([
    ['a Host with credentials', 'POST /api/calls HTTP/1.1', 'user:pw@127.0.0.1'],
    ['a Host with an @', 'POST /api/calls HTTP/1.1', 'a@b'],
    ['an absolute target with credentials', 'POST http://u:p@127.0.0.1/api/calls HTTP/1.1', '127.0.0.1'],
  ])('answers a request with %s as any other, which a Web Request would refuse', async (_, requestLine, host) => {
    const body = JSON.stringify(mixedBatch.body)
    const { port } = new URL(url)
    const socket = connect(Number(port), '127.0.0.1')
    await once(socket, 'connect')
    socket.end(`${requestLine}\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
    let answer = ''
    for await (const chunk of socket) answer += String(chunk)
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 202 Accepted')
    expect(received.map((e) => e.type)).toEqual(mixedBatch.expected.map((e) => e.type))
    expect(failures).toEqual([])
  })

  it('tells onError of a client that closed the connection mid-body as a NotificationError, and delivers nothing', async () => {
    const { port } = new URL(url)
    const socket = connect(Number(port), '127.0.0.1')
    await once(socket, 'connect')
    socket.write(`POST /api/calls HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"value":[`)
    await new Promise((resolve) => setTimeout(resolve, 20))
    socket.destroy()
    await vi.waitFor(() => expect(failures).toHaveLength(1))
    const [failure] = failures as NotificationError[]
    expect(failure).toBeInstanceOf(NotificationError)
    expect({ status: failure!.status, message: failure!.message }).toEqual({
      status: 400,
      message: 'The connection closed after 10 bytes of the body.',
    })
    expect(received).toEqual([])
  })

  it('serves many notifications over one kept-alive connection', async () => {
    const pool = new Pool(new URL(url).origin, { connections: 1 })
    try {
      for (let i = 0; i < 5; i++) {
        const response = await pool.request({ path: '/api/calls', method: 'POST', body: JSON.stringify(mixedBatch.body), headers: { 'content-type': 'application/json' } })
        expect(response.statusCode).toBe(202)
        await response.body.dump()
      }
      expect(received).toHaveLength(25)
    } finally {
      await pool.close()
    }
  })

  it('answers 401 with WWW-Authenticate when the token does not verify, and delivers nothing', async () => {
    const guarded = await listen(
      toNodeListener(
        handleNotificationsWith(async (req) => {
          if (req.headers.get('authorization') !== 'Bearer good') throw new NotificationAuthError('bad-signature', 'The token signature does not verify.')
          return { tenantId: 'tenant-1' }
        }, botOptions()),
      ),
    )
    const refused = await postJson(guarded, JSON.stringify(mixedBatch.body), { authorization: 'Bearer forged' })
    expect(refused.statusCode).toBe(401)
    expect(refused.headers['www-authenticate']).toBe('Bearer')
    expect(((await refused.body.json()) as { detail: string }).detail).toBe('The bearer token was refused; the reason went to the onError hook.')
    expect(failures).toEqual([expect.objectContaining({ reason: 'bad-signature', message: 'The token signature does not verify.' })])
    expect(received).toEqual([])
    const accepted = await postJson(guarded, JSON.stringify(mixedBatch.body), { authorization: 'Bearer good' })
    expect(accepted.statusCode).toBe(202)
    await accepted.body.dump()
    expect(received.map((e) => e.tenantId)).toEqual(Array(5).fill('tenant-1'))
  })

  it('works behind a middleware that read the body first (express.raw / express.json)', async () => {
    const listener = toNodeListener(createNotificationHandler(botOptions()))
    const readFirst = (asObject: boolean) => async (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      const raw = Buffer.concat(chunks)
      ;(req as IncomingMessage & { body?: unknown }).body = asObject ? JSON.parse(raw.toString('utf8')) : raw
      listener(req, res)
    }
    for (const asObject of [false, true]) {
      const target = await listen(readFirst(asObject))
      const response = await postJson(target, JSON.stringify(mixedBatch.body))
      expect(response.statusCode).toBe(202)
      await response.body.dump()
    }
    expect(received).toHaveLength(10)
  })

  it('answers 500 at once, saying what to do, and tells onError, behind a middleware that read the body and kept it elsewhere', async () => {
    const listener = toNodeListener(createNotificationHandler(botOptions()))
    const target = await listen(async (req, res) => {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      // Where a raw-body hook keeps it; koa-bodyparser keeps it off the request altogether.
      ;(req as IncomingMessage & { rawBody?: Buffer }).rawBody = Buffer.concat(chunks)
      listener(req, res)
    })
    // Without an answer the request would wait for good: fail within a second instead.
    const response = await request(target, { method: 'POST', body: JSON.stringify(mixedBatch.body), headers: { 'content-type': 'application/json' }, headersTimeout: 1_000 })
    expect(response.statusCode).toBe(500)
    expect(response.headers['content-type']).toBe('application/problem+json')
    const problem = (await response.body.json()) as { status: number; detail: string }
    expect(problem.status).toBe(500)
    expect(problem.detail).toContain('read by a body-parsing middleware before the notification handler, and not left on req.body')
    expect(problem.detail).toContain('Mount the handler before any body-parsing middleware')
    expect(received).toEqual([])
    expect(failures).toHaveLength(1)
    expect(failures[0]).toBeInstanceOf(NotificationError)
    expect(failures[0]).toMatchObject({ status: 500, message: problem.detail })
  })

  it('answers 401 before saying where the body went, behind a middleware that kept it elsewhere, when the token does not verify', async () => {
    const listener = toNodeListener(
      handleNotificationsWith(async () => {
        throw new NotificationAuthError('bad-signature', 'The token signature does not verify.')
      }, botOptions()),
    )
    const target = await listen(async (req, res) => {
      for await (const chunk of req) void chunk
      listener(req, res)
    })
    const response = await postJson(target, JSON.stringify(mixedBatch.body), { authorization: 'Bearer forged' })
    expect(response.statusCode).toBe(401)
    expect(((await response.body.json()) as { detail: string }).detail).toBe('The bearer token was refused; the reason went to the onError hook.')
    expect(failures).toEqual([expect.any(NotificationAuthError)])
  })

  it('answers a body declared empty that a middleware read as the empty body it is', async () => {
    const listener = toNodeListener(createNotificationHandler(botOptions()))
    const target = await listen(async (req, res) => {
      for await (const chunk of req) void chunk
      listener(req, res)
    })
    const response = await request(target, { method: 'POST', body: '', headers: { 'content-type': 'application/json', 'content-length': '0' }, headersTimeout: 1_000 })
    expect(response.statusCode).toBe(400)
    expect(((await response.body.json()) as { issues: { path: string }[] }).issues[0]!.path).toBe('$')
  })

  it('answers 500 when the handler itself fails', async () => {
    const broken = await listen(
      toNodeListener(async () => {
        throw new Error('broken handler')
      }),
    )
    const response = await postJson(broken, '{}')
    expect(response.statusCode).toBe(500)
    expect(await response.body.text()).toBe('The notification handler failed.')
  })
})
