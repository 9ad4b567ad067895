/**
 * A loopback Graph that misbehaves on purpose. The fault is named by the call id in the path
 * (`/v1.0/communications/calls/reset-mid-body.7/playPrompt`), or, for `POST /communications/calls`, by the
 * last segment of the body's `callbackUri`, so that many calls at once can each meet their own fault.
 * Every request is counted under its `client-request-id`, with what the server did to it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

/** What the server does to a request. */
export const FAULTS = [
  /** 202 Accepted, no body. */
  'accept',
  /** 200 with a JSON operation whose body stops half-way: the socket is destroyed after part of it. */
  'reset-mid-body',
  /** 201 Created (as for a new call) whose body stops half-way. */
  'created-reset-mid-body',
  /** 202 Accepted with a body that stops half-way. */
  'accepted-reset-mid-body',
  /** 201 Created whose body stops half-way and then says nothing more, the connection left open. */
  'created-stall-mid-body',
  /** TCP reset after reading the request, before any answer (Graph may or may not have acted). */
  'reset',
  /** Never answers. */
  'hang',
  /** Headers at once, then one byte of a JSON body every 50 ms, for ever. */
  'dribble',
  /** 500 with an HTML page. */
  'html-500',
  /** 503 with a truncated JSON error body. */
  'truncated-503',
  /** 429 with the server's `retryAfter`, every time. */
  'throttle',
  /** 429 with `Retry-After: 1` the first time a client-request-id is seen, then 202. */
  'throttle-once',
] as const
/** One of the faults the server can play. */
export type Fault = (typeof FAULTS)[number]

/** What the server did to one request: the status it began to answer with, or `reset` / `hang`. */
export type Outcome = number | 'reset' | 'hang'

/** Every request of one `client-request-id`, in order. */
export interface Attempts {
  readonly fault: Fault
  readonly method: string
  readonly outcomes: Outcome[]
}

const OPERATION = '{"@odata.type":"#microsoft.graph.playPromptOperation","id":"op-1","status":"running","clientContext":"ctx-1","resultInfo":null}'

/** A node:http server on 127.0.0.1 that answers with the fault each request names. */
export class FaultyGraph {
  /** Requests by `client-request-id`. */
  readonly attempts = new Map<string, Attempts>()
  /** Every connection ever opened to the server. */
  readonly connections = new Set<Socket>()
  /** The `Retry-After` of `throttle`, in seconds. */
  retryAfter = '3600'
  readonly #server: Server
  readonly #timers = new Set<NodeJS.Timeout>()

  private constructor(server: Server) {
    this.#server = server
    server.on('connection', (socket: Socket) => this.connections.add(socket))
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => this.#answer(req, res, Buffer.concat(chunks).toString('utf8')))
    })
  }

  /** Starts a server on a free loopback port. */
  static async start(): Promise<FaultyGraph> {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return new FaultyGraph(server)
  }

  /** `http://127.0.0.1:<port>`, a client's `baseUrl`. */
  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`
  }

  /** How many requests were made in all. */
  get requestCount(): number {
    let count = 0
    for (const { outcomes } of this.attempts.values()) count += outcomes.length
    return count
  }

  /**
   * The client-request-ids other than GETs that were sent again after the server had accepted them (any
   * 2xx, even one whose body was then cut off): each is an action Graph would have done twice.
   */
  resentAfterAccepted(): string[] {
    return [...this.attempts].filter(([, { method, outcomes }]) => method !== 'GET' && outcomes.slice(0, -1).some(isAccepted)).map(([id]) => id)
  }

  async close(): Promise<void> {
    for (const timer of this.#timers) clearInterval(timer)
    this.#server.closeAllConnections()
    await new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }

  #answer(req: IncomingMessage, res: ServerResponse, body: string): void {
    const id = String(req.headers['client-request-id'])
    const fault = faultOf(req.url ?? '', body)
    let attempts = this.attempts.get(id)
    if (attempts === undefined) this.attempts.set(id, (attempts = { fault, method: req.method ?? '', outcomes: [] }))
    const record = (outcome: Outcome) => attempts.outcomes.push(outcome)
    switch (fault) {
      case 'accept':
        record(202)
        res.writeHead(202).end()
        return
      case 'reset-mid-body':
      case 'created-reset-mid-body':
      case 'accepted-reset-mid-body': {
        const status = fault === 'reset-mid-body' ? 200 : fault === 'created-reset-mid-body' ? 201 : 202
        record(status)
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(OPERATION.length) })
        // Half the body, flushed, then the connection is torn down.
        res.write(OPERATION.slice(0, OPERATION.length >> 1), () => req.socket.destroy())
        return
      }
      case 'created-stall-mid-body':
        record(201)
        res.writeHead(201, { 'content-type': 'application/json', 'content-length': String(OPERATION.length) })
        res.write(OPERATION.slice(0, OPERATION.length >> 1))
        return
      case 'reset':
        record('reset')
        req.socket.resetAndDestroy()
        return
      case 'hang':
        record('hang')
        return
      case 'dribble': {
        record(200)
        res.writeHead(200, { 'content-type': 'application/json' })
        res.write('{"value":[')
        const timer = setInterval(() => res.write(' '), 50)
        this.#timers.add(timer)
        res.once('close', () => {
          clearInterval(timer)
          this.#timers.delete(timer)
        })
        return
      }
      case 'html-500':
        record(500)
        res.writeHead(500, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body>oops</body></html>')
        return
      case 'truncated-503':
        record(503)
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":{"code":"ServiceUnavailable","mess')
        return
      case 'throttle':
        record(429)
        res.writeHead(429, { 'retry-after': this.retryAfter, 'content-type': 'application/json' }).end('{"error":{"code":"TooManyRequests","message":"slow down"}}')
        return
      case 'throttle-once':
        if (attempts.outcomes.length === 0) {
          record(429)
          res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' }).end('{"error":{"code":"TooManyRequests","message":"slow down"}}')
        } else {
          record(202)
          res.writeHead(202).end()
        }
        return
    }
  }
}

function isAccepted(outcome: Outcome): boolean {
  return typeof outcome === 'number' && outcome >= 200 && outcome < 300
}

/** The fault a request names: `/communications/calls/<fault>.<n>`, or a created call's `callbackUri` ending in `/<fault>`. */
function faultOf(url: string, body: string): Fault {
  const callId = /\/communications\/calls\/([^/.?]+)/.exec(url)?.[1]
  const named = callId ?? (/"callbackUri":"[^"]*\/([^/"]+)"/.exec(body)?.[1] ?? 'accept')
  return (FAULTS as readonly string[]).includes(named) ? (named as Fault) : 'accept'
}
