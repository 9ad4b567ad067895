import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { ClientSecretCredential } from '@azure/identity'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CallingClient } from '../../../src/index.ts'
import { FakeGraph } from './fake-graph.ts'
import { expectNoSecret } from './secrets.ts'
import { selfSignedCert } from './self-signed-cert.ts'

const TENANT = 'contoso-tenant'
const CLIENT_SECRET = 'client-secret-value-that-must-never-show'
/** Under MSAL's 5-minute renewal offset, so MSAL itself never answers from its cache: what is cached is ours. */
const EXPIRES_IN_S = 200

/** A local Microsoft Entra token authority over HTTPS: OpenID metadata and a client-credentials token endpoint. */
class FakeAuthority {
  readonly tokenRequests: string[] = []
  readonly #server: Server

  constructor() {
    this.#server = createServer(selfSignedCert(), (req, res) => {
      let body = ''
      req.on('data', (c: Buffer) => (body += c))
      req.on('end', () => {
        res.setHeader('content-type', 'application/json')
        if (req.url === `/${TENANT}/v2.0/.well-known/openid-configuration`) {
          const root = `${this.url}/${TENANT}`
          res.end(JSON.stringify({ issuer: `${root}/v2.0`, token_endpoint: `${root}/oauth2/v2.0/token`, authorization_endpoint: `${root}/oauth2/v2.0/authorize`, jwks_uri: `${root}/discovery/v2.0/keys` }))
        } else if (req.method === 'POST' && req.url?.startsWith(`/${TENANT}/oauth2/v2.0/token`)) {
          this.tokenRequests.push(body)
          // @azure/identity dates a token's expiry by the real clock, while a test may move the client's by
          // hand: from the third token on, tokens live long enough to stay ahead of a clock moved past the first two.
          const expiresIn = this.tokenRequests.length >= 3 ? 100 * EXPIRES_IN_S : EXPIRES_IN_S
          res.end(JSON.stringify({ token_type: 'Bearer', expires_in: expiresIn, access_token: `identity-token-${this.tokenRequests.length}` }))
        } else {
          res.statusCode = 404
          res.end('{}')
        }
      })
    })
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve))
    return this
  }

  get url(): string {
    return `https://localhost:${(this.#server.address() as AddressInfo).port}`
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections()
    await new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }
}

let authority: FakeAuthority
let graph: FakeGraph
beforeAll(async () => {
  authority = await new FakeAuthority().start()
  graph = await FakeGraph.start()
})
afterAll(async () => {
  await Promise.all([authority.close(), graph.close()])
})

const credential = () =>
  new ClientSecretCredential(TENANT, 'bot-app-id', CLIENT_SECRET, {
    authorityHost: authority.url,
    disableInstanceDiscovery: true,
    tlsOptions: { ca: selfSignedCert().cert },
  })

const bearers = () => graph.requests.map((r) => r.headers.authorization)

describe('a real @azure/identity ClientSecretCredential against a local token authority', () => {
  it('on its own, it does not merge concurrent requests (why the client does)', async () => {
    const before = authority.tokenRequests.length
    const c = credential()
    await Promise.all([c.getToken('https://graph.microsoft.com/.default'), c.getToken('https://graph.microsoft.com/.default')])
    expect(authority.tokenRequests.length - before).toBe(2)
  })

  it('caches the token, asks for it once for many concurrent calls, and renews it ahead of expiry', async () => {
    authority.tokenRequests.length = 0
    graph.requests.length = 0
    let now = Date.now()
    const client = new CallingClient({
      credential: credential(),
      baseUrl: graph.url,
      clock: { now: () => now, sleep: async () => {} },
    })

    // Single flight: ten calls at once, one token request.
    await Promise.all(Array.from({ length: 10 }, (_, i) => client.calls.hangUp(`call-${i}`)))
    expect(authority.tokenRequests).toHaveLength(1)
    expect(authority.tokenRequests[0]).toContain('scope=https%3A%2F%2Fgraph.microsoft.com%2F.default')
    expect(authority.tokenRequests[0]).toContain('grant_type=client_credentials')
    expect(new Set(bearers())).toEqual(new Set(['Bearer identity-token-1']))

    // Cached: later calls ask for nothing.
    await client.calls.hangUp('call-later')
    expect(authority.tokenRequests).toHaveLength(1)

    // Past half its life, the token is still sent while its successor is fetched in the background.
    now += (EXPIRES_IN_S / 2 + 20) * 1000
    await client.calls.hangUp('call-renewing')
    expect(graph.requests.at(-1)!.headers.authorization).toBe('Bearer identity-token-1')
    await vi.waitFor(async () => {
      await client.calls.hangUp('call-renewed')
      expect(graph.requests.at(-1)!.headers.authorization).toBe('Bearer identity-token-2')
    })
    expect(authority.tokenRequests).toHaveLength(2)

    // Past expiry (less the safety margin), calls wait for a new token: again one request for all.
    now += EXPIRES_IN_S * 1000
    const sent = graph.requests.length
    await Promise.all(Array.from({ length: 5 }, (_, i) => client.calls.hangUp(`call-expired-${i}`)))
    expect(authority.tokenRequests).toHaveLength(3)
    expect(new Set(bearers().slice(sent))).toEqual(new Set(['Bearer identity-token-3']))

    expectNoSecret(client, 'identity-token-')
    expectNoSecret(client, CLIENT_SECRET)
    await client.close()
  })

  it('a 401 from Graph gets a new token from the credential and one retry', async () => {
    authority.tokenRequests.length = 0
    graph.requests.length = 0
    const client = new CallingClient({ credential: credential(), baseUrl: graph.url })
    graph.reply({ status: 401, body: '{"error":{"code":"InvalidAuthenticationToken","message":"Access token has expired or is not yet valid."}}' })
    const result = await client.calls.hangUp('call-401')
    expect(result.status).toBe(202)
    expect(bearers()).toEqual(['Bearer identity-token-1', 'Bearer identity-token-2'])
    expect(authority.tokenRequests).toHaveLength(2)
    await client.close()
  })

  it('an authority it cannot reach is a CredentialError that names the scope and shows no secret', async () => {
    const c = new ClientSecretCredential(TENANT, 'bot-app-id', CLIENT_SECRET, {
      authorityHost: 'https://localhost:1',
      disableInstanceDiscovery: true,
      retryOptions: { maxRetries: 0 },
    })
    const client = new CallingClient({ credential: c, baseUrl: graph.url })
    const error = await client.calls.hangUp('call-x').then(
      () => expect.unreachable(),
      (e: unknown) => e as Error,
    )
    expect(error.name).toBe('CredentialError')
    expect(error.message).toMatch(/^The credential could not get a token for https:\/\/graph\.microsoft\.com\/\.default: /)
    expectNoSecret(error, CLIENT_SECRET)
    await client.close()
  })
})
