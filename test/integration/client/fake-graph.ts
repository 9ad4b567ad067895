import { createServer as createHttpServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer, Server as HttpsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { Agent, buildConnector } from 'undici'
import { selfSignedCert } from './self-signed-cert.ts'

/** A request as the server read it off the wire. */
export interface SeenRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

/**
 * How the server answers one request: a status with headers and body, `'reset'` (TCP RST after reading
 * the request), `'hang'` (never answer), or a handler of its own.
 */
export type Reply =
  | { status: number; headers?: Record<string, string>; body?: string }
  | 'reset'
  | 'hang'
  | ((req: IncomingMessage, res: ServerResponse) => void)

/** A real node:http(s) server on 127.0.0.1 that records every request and answers from a queue (202 when empty). */
export class FakeGraph {
  readonly requests: SeenRequest[] = []
  /** Every connection ever opened to the server. */
  readonly connections = new Set<Socket>()
  readonly #replies: Reply[] = []
  readonly #server: Server
  #onRequest: (() => void) | undefined

  private constructor(server: Server) {
    this.#server = server
    server.on(server instanceof HttpsServer ? 'secureConnection' : 'connection', (socket: Socket) => this.connections.add(socket))
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        this.requests.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
        const reply = this.#replies.shift() ?? { status: 202 }
        this.#onRequest?.()
        if (reply === 'reset') req.socket.resetAndDestroy()
        else if (reply === 'hang') return
        else if (typeof reply === 'function') reply(req, res)
        else {
          res.writeHead(reply.status, reply.headers)
          res.end(reply.body)
        }
      })
    })
  }

  /** Starts a server: plain HTTP, or HTTPS with the test certificate (for the Graph host names). */
  static async start(protocol: 'http' | 'https' = 'http'): Promise<FakeGraph> {
    const server = protocol === 'https' ? createHttpsServer(selfSignedCert()) : createHttpServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return new FakeGraph(server)
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port
  }

  /** `http://127.0.0.1:<port>`, a client's `baseUrl`. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  /** Queues the answers to the next requests, in order. */
  reply(...replies: Reply[]): this {
    this.#replies.push(...replies)
    return this
  }

  /** Resolves when the server has read the next request. */
  nextRequest(): Promise<void> {
    return new Promise((resolve) => {
      this.#onRequest = () => {
        this.#onRequest = undefined
        resolve()
      }
    })
  }

  /**
   * An undici Agent that connects every origin (graph.microsoft.com, graph.microsoft.us, ...) to this
   * HTTPS server, verifying the certificate against the origin's host name as a real connection would.
   */
  loopbackAgent(): Agent {
    const connect = buildConnector({ ca: selfSignedCert().cert })
    const port = String(this.port)
    return new Agent({ connect: (options, callback) => connect({ ...options, hostname: '127.0.0.1', port, servername: options.hostname }, callback) })
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections()
    await new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }
}
