import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

/**
 * How the key server answers: normally, with an HTTP error, by dropping the connection, not at all, or with
 * its status and headers and then nothing of the body (`stalled`).
 */
export type KeyServerMode = 'up' | { status: number } | 'reset' | 'silent' | 'stalled'

/** A loopback server publishing an OpenID configuration and a JWKS, counting the requests it gets. */
export interface KeyServer {
  readonly openIdConfigurationUrl: string
  readonly jwksUrl: string
  /** Requests for the OpenID configuration, and for the key set. */
  readonly hits: { configuration: number; jwks: number }
  /** The keys the JWKS lists from now on. */
  setKeys(keys: readonly object[]): void
  setMode(mode: KeyServerMode): void
  close(): Promise<void>
}

/** Starts a key server on 127.0.0.1, on a port of the system's choosing. */
export async function startKeyServer(keys: readonly object[]): Promise<KeyServer> {
  let published = keys
  let mode: KeyServerMode = 'up'
  const hits = { configuration: 0, jwks: 0 }
  const sockets = new Set<Socket>()
  const send = (res: ServerResponse, body: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  }
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    if (path === '/v1/.well-known/OpenIdConfiguration') hits.configuration++
    else if (path === '/v1/keys') hits.jwks++
    if (mode === 'silent') return
    if (mode === 'stalled') return void res.writeHead(200, { 'content-type': 'application/json' }).write('{"jwks_uri": ')
    if (mode === 'reset') return void req.socket.destroy()
    if (mode !== 'up') return void res.writeHead(mode.status).end('unavailable')
    if (path === '/v1/.well-known/OpenIdConfiguration') {
      send(res, { issuer: 'https://api.botframework.com', jwks_uri: `${origin}/v1/keys`, id_token_signing_alg_values_supported: ['RS256'] })
    } else if (path === '/v1/keys') {
      send(res, { keys: published })
    } else {
      res.writeHead(404).end()
    }
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    openIdConfigurationUrl: `${origin}/v1/.well-known/OpenIdConfiguration`,
    jwksUrl: `${origin}/v1/keys`,
    hits,
    setKeys: (next) => {
      published = next
    },
    setMode: (next) => {
      mode = next
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
