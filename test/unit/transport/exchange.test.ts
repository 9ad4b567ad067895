/**
 * `exchange` against a real `node:http` server on loopback, through a real undici `Pool`: what it reads,
 * when it reports the status, and how a signal stops it at each stage.
 */
import { once } from 'node:events'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net'
import { Pool } from 'undici'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ERROR_BODY_LIMIT, exchange, ExchangeTimeoutError, RESPONSE_BODY_LIMIT, ResponseTooLargeError } from '../../../src/transport/exchange.ts'

type Route = (req: IncomingMessage, res: ServerResponse) => void

let server: Server
let pool: Pool
let routes: Map<string, Route>
let seen: string[]

beforeEach(async () => {
  routes = new Map()
  seen = []
  server = createServer((req, res) => {
    seen.push(req.url!)
    const route = routes.get(req.url!)
    if (route) route(req, res)
    else res.writeHead(404).end()
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  pool = new Pool(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { connections: 1 })
})

afterEach(async () => {
  await pool.destroy()
  server.closeAllConnections()
  server.close()
})

// The body of a 202 is skipped and that of a 206 optional, to see each way of reading it.
const get = (path: string, signal?: AbortSignal, statuses: number[] = [], timeoutMs?: number, through: Pool = pool, bodyTimeout = 5_000) =>
  exchange(
    through,
    { path, method: 'GET', headersTimeout: 5_000, bodyTimeout },
    signal,
    { onStatus: (status) => void statuses.push(status), body: (status) => (status === 202 ? 'skip' : status === 206 ? 'optional' : 'read') },
    timeoutMs,
  )

/**
 * A TCP server that accepts connections and never says a word, so that a TLS handshake with it never
 * ends: undici gives no controller for a request to it until its own connect timeout (10 s).
 */
async function silentHost() {
  const sockets: Socket[] = []
  const server = createTcpServer((socket) => void sockets.push(socket))
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const silent = new Pool(`https://127.0.0.1:${(server.address() as AddressInfo).port}`)
  return {
    pool: silent,
    /** Resolves when a connection has been accepted. */
    connected: () => once(server, 'connection'),
    close: async () => {
      await silent.destroy()
      for (const socket of sockets) socket.destroy()
      server.close()
    },
  }
}

describe('exchange', () => {
  it('reads the status line, the headers and a body sent in pieces, a character split between two of them', async () => {
    const text = '{"message":"Grüße, 通話"}'
    const bytes = Buffer.from(text, 'utf8')
    const split = bytes.indexOf(Buffer.from('通', 'utf8')) + 1
    routes.set('/pieces', (_req, res) => {
      res.writeHead(200, 'Fine', { 'content-type': 'application/json', 'request-id': 'r-1' })
      res.write(bytes.subarray(0, split))
      setTimeout(() => res.end(bytes.subarray(split)), 20)
    })
    const statuses: number[] = []
    const response = await get('/pieces', undefined, statuses)
    expect(response).toMatchObject({ statusCode: 200, statusText: 'Fine', text })
    expect(response.headers['request-id']).toBe('r-1')
    expect(statuses).toEqual([200])
  })

  it('gives an empty text for an empty body', async () => {
    routes.set('/empty', (_req, res) => res.writeHead(202, { 'content-length': '0' }).end())
    expect(await get('/empty')).toMatchObject({ statusCode: 202, text: '' })
  })

  it('reports only the final status after an interim 1xx', async () => {
    routes.set('/interim', (_req, res) => {
      res.writeProcessing()
      setTimeout(() => res.writeHead(201).end('{}'), 10)
    })
    const statuses: number[] = []
    expect(await get('/interim', undefined, statuses)).toMatchObject({ statusCode: 201, text: '{}' })
    expect(statuses).toEqual([201])
  })

  it('reports the status before the body, so a body cut off still shows the request was accepted', async () => {
    routes.set('/cut', (_req, res) => {
      res.writeHead(200, { 'content-length': '100' })
      res.write('{"partial":')
      setTimeout(() => res.socket!.destroy(), 10)
    })
    const statuses: number[] = []
    await expect(get('/cut', undefined, statuses)).rejects.toThrow()
    expect(statuses).toEqual([200])
  })

  it.each([
    ['skips a body that does not matter', 202, ''],
    ['reads an optional body that comes whole', 206, '{"id":"op-1"}'],
  ])('%s, and answers with no body when it is cut off', async (_, status, whole) => {
    routes.set('/whole', (_req, res) => res.writeHead(status).end('{"id":"op-1"}'))
    routes.set('/cut', (_req, res) => {
      res.writeHead(status, { 'content-length': '100' })
      res.write('{"partial":')
      setTimeout(() => res.socket!.destroy(), 10)
    })
    expect(await get('/whole')).toMatchObject({ statusCode: status, text: whole })
    expect(await get('/cut')).toMatchObject({ statusCode: status, text: '' })
  })

  it('its time limit covers the body too: a body that comes in short gaps but takes longer in all is stopped', async () => {
    const statuses: number[] = []
    routes.set('/slow-body', (_req, res) => {
      res.writeHead(200)
      const timer = setInterval(() => res.write('x'), 20)
      res.on('close', () => clearInterval(timer))
    })
    const error = await get('/slow-body', undefined, statuses, 150, pool, 1_000).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ExchangeTimeoutError)
    // The status was heard first: the caller knows the request was accepted.
    expect(statuses).toEqual([200])
  })

  it('closes the connection instead of reading a skipped body past 128 KiB, and the next request goes on a new one', async () => {
    const ports: number[] = []
    routes.set('/endless', (req, res) => {
      ports.push(req.socket.remotePort!)
      res.writeHead(202)
      const chunk = Buffer.alloc(16 * 1024, 'x')
      const timer = setInterval(() => res.write(chunk), 1)
      res.on('close', () => clearInterval(timer))
    })
    routes.set('/empty', (req, res) => {
      ports.push(req.socket.remotePort!)
      res.writeHead(202, { 'content-length': '0' }).end()
    })
    expect(await get('/endless')).toMatchObject({ statusCode: 202, text: '' })
    expect(await get('/empty')).toMatchObject({ statusCode: 202 })
    expect(ports[0]).not.toBe(ports[1])
  })

  /** A route that streams `status` with an endless body, and says how many bytes it got to send. */
  function endless(status: number) {
    const sent = { bytes: 0 }
    const route: Route = (_req, res) => {
      res.writeHead(status, { 'content-type': 'text/html' })
      const chunk = Buffer.alloc(64 * 1024, 'x')
      const pump = () => {
        while (res.write(chunk)) sent.bytes += chunk.length
        sent.bytes += chunk.length
      }
      res.on('drain', pump)
      pump()
    }
    return { route, sent }
  }

  it('reads no more than 64 KiB of an error body, and answers with what it read', async () => {
    const { route, sent } = endless(502)
    routes.set('/proxy-page', route)
    const answer = await get('/proxy-page')
    expect(answer.statusCode).toBe(502)
    expect(answer.text.length).toBeGreaterThan(ERROR_BODY_LIMIT)
    expect(answer.text.length).toBeLessThanOrEqual(ERROR_BODY_LIMIT + 64 * 1024)
    expect(sent.bytes).toBeLessThan(RESPONSE_BODY_LIMIT)
  })

  it('fails a body it must read once it is longer than 32 MiB, and lets go of one wanted only whole', async () => {
    const read = endless(200)
    routes.set('/huge', read.route)
    await expect(get('/huge')).rejects.toBeInstanceOf(ResponseTooLargeError)
    expect(read.sent.bytes).toBeLessThan(2 * RESPONSE_BODY_LIMIT)
    routes.set('/huge-optional', endless(206).route)
    expect(await get('/huge-optional')).toMatchObject({ statusCode: 206, text: '' })
  })

  it('rejects with the reason of a signal aborted before it starts, and sends nothing', async () => {
    const reason = new Error('the caller gave up')
    await expect(get('/empty', AbortSignal.abort(reason))).rejects.toBe(reason)
    expect(seen).toEqual([])
  })

  it('stops at once a request still waiting for the only connection, which never reaches the server', async () => {
    let release!: () => void
    const arrived = new Promise<void>((resolve) => routes.set('/slow', (_req, res) => resolve(void (release = () => res.writeHead(204).end()))))
    routes.set('/empty', (_req, res) => res.writeHead(202, { 'content-length': '0' }).end())
    const first = get('/slow')
    await arrived
    const controller = new AbortController()
    const second = get('/empty', controller.signal)
    const reason = new Error('stop waiting')
    controller.abort(reason)
    // Rejected while the only connection is still busy with the first request.
    await expect(second).rejects.toBe(reason)
    release()
    expect((await first).statusCode).toBe(204)
    expect(seen).toEqual(['/slow'])
  })

  it('times out a request still waiting for the only connection, which never reaches the server', async () => {
    let release!: () => void
    const arrived = new Promise<void>((resolve) => routes.set('/slow', (_req, res) => resolve(void (release = () => res.writeHead(204).end()))))
    routes.set('/empty', (_req, res) => res.writeHead(202, { 'content-length': '0' }).end())
    const first = get('/slow')
    await arrived
    const second = get('/empty', undefined, [], 50)
    const error = await second.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ExchangeTimeoutError)
    expect((error as Error).message).toBe('no response within 50 ms')
    release()
    expect((await first).statusCode).toBe(204)
    // The connection serves again, and the request that timed out is not sent after all.
    expect(await get('/empty')).toMatchObject({ statusCode: 202 })
    expect(seen).toEqual(['/slow', '/empty'])
  })

  it('stops at once, with the reason, a request whose connection is still being made', async () => {
    const host = await silentHost()
    try {
      const controller = new AbortController()
      const reason = new Error('no time to wait for TLS')
      const connected = host.connected()
      const pending = get('/', controller.signal, [], undefined, host.pool)
      await connected
      controller.abort(reason)
      await expect(pending).rejects.toBe(reason)
    } finally {
      await host.close()
    }
  })

  it('times out a request whose connection is still being made', async () => {
    const host = await silentHost()
    try {
      await expect(get('/', undefined, [], 50, host.pool)).rejects.toBeInstanceOf(ExchangeTimeoutError)
    } finally {
      await host.close()
    }
  })

  it('rejects with undici’s error when the server cannot be reached', async () => {
    const address = server.address() as AddressInfo
    await pool.destroy()
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    pool = new Pool(`http://127.0.0.1:${address.port}`)
    await expect(get('/empty')).rejects.toMatchObject({ code: 'ECONNREFUSED' })
  })
})
