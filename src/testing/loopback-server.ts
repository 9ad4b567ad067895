import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getResponse, type RequestHandler } from 'msw'

/** Where the loopback server listens. */
export interface LoopbackOptions {
  /** @default '127.0.0.1' */
  host?: string | undefined
  /** @default 0, any free port */
  port?: number | undefined
}

/** A running loopback server in front of the simulated Graph. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`: give it to the client as its Graph base URL. */
  readonly baseUrl: string
  close(): Promise<void>
}

async function toRequest(incoming: IncomingMessage, graphOrigin: string, signal: AbortSignal): Promise<Request> {
  const chunks: Buffer[] = []
  for await (const chunk of incoming) chunks.push(chunk as Buffer)
  const headers = new Headers()
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (name === 'host' || value === undefined) continue
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one)
  }
  const method = incoming.method ?? 'GET'
  const body = chunks.length === 0 || method === 'GET' || method === 'HEAD' ? null : Buffer.concat(chunks)
  // The handlers match Graph's URLs: the request keeps its path and query, on Graph's origin.
  return new Request(new URL(incoming.url ?? '/', graphOrigin), { method, headers, body, signal })
}

async function writeResponse(response: Response, out: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {}
  for (const [name, value] of response.headers) headers[name] = value
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  out.writeHead(response.status, response.statusText, headers)
  if (response.body !== null) for await (const chunk of response.body) out.write(chunk)
  out.end()
}

/**
 * Serves msw handlers over real HTTP on a loopback port: each request is rebuilt as a Fetch `Request` on
 * `graphOrigin` and answered by the same handlers the in-process dispatcher uses. A client that hangs up
 * aborts the request the handlers see.
 */
export async function listenLoopback(handlers: readonly RequestHandler[], graphOrigin: string, options: LoopbackOptions = {}): Promise<LoopbackServer> {
  const server = createServer((incoming, out) => {
    const abort = new AbortController()
    out.on('close', () => {
      if (!out.writableFinished) abort.abort(new Error('the client closed the connection'))
    })
    void (async () => {
      try {
        const response = await getResponse([...handlers], await toRequest(incoming, graphOrigin, abort.signal))
        if (abort.signal.aborted) return
        await writeResponse(response ?? new Response(`no handler for ${incoming.method} ${incoming.url}`, { status: 501 }), out)
      } catch (error) {
        if (!out.headersSent) out.writeHead(500, { 'content-type': 'text/plain' })
        out.end(error instanceof Error ? error.message : String(error))
      }
    })()
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const { address, port } = server.address() as AddressInfo
  const host = address.includes(':') ? `[${address}]` : address
  return {
    baseUrl: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
