/**
 * The web handler verifies Graph's token by default: with the test signer's keys served by a real loopback
 * OpenID endpoint, a forged notification never reaches the app and a signed one does, with its tenant.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createNotificationHandler } from '../../../src/adapters/web.ts'
import type { CallEvent } from '../../../src/notifications/index.ts'
import { createTestSigner, type TestSigner } from '../../../src/testing/test-signer.ts'
import { ValidationError } from '../../../src/errors.ts'

const incoming = JSON.stringify({
  '@odata.type': '#microsoft.graph.commsNotifications',
  value: [
    {
      '@odata.type': '#microsoft.graph.commsNotification',
      changeType: 'created',
      resourceUrl: '/communications/calls/57DAB8B1894C409AB240BD8BEAE78896',
      resourceData: { '@odata.type': '#microsoft.graph.call', state: 'incoming', direction: 'incoming' },
    },
  ],
})

let signer: TestSigner
let server: Server
let openIdConfigurationUrl: string

beforeAll(async () => {
  signer = await createTestSigner({ appId: 'bot-app-id', tenantId: 'tenant-1' })
  server = createServer((req, res) => {
    const body = req.url === '/keys' ? signer.jwks : { ...signer.openIdConfiguration, jwks_uri: `${base()}/keys` }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  openIdConfigurationUrl = `${base()}/openid`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
const base = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`

function bot() {
  const events: CallEvent[] = []
  const handle = createNotificationHandler({ appId: 'bot-app-id', verify: { openIdConfigurationUrl }, onEvent: (e) => void events.push(e), onError: () => {} })
  const post = (authorization?: string) =>
    handle(new Request('https://bot.contoso.com/api/calls', { method: 'POST', body: incoming, headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) } }))
  return { events, post }
}

describe('createNotificationHandler verifies by default', () => {
  it('needs the app id: only an explicit verify: false turns verification off', () => {
    expect(() => createNotificationHandler({} as never)).toThrow(ValidationError)
  })

  it('a signed notification reaches the app, with the verified tenant on each event', async () => {
    const { events, post } = bot()
    const response = await post(await signer.authorizationHeader())
    expect(response.status).toBe(202)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ type: 'call.incoming', tenantId: 'tenant-1' })
  })

  it.each([
    ['no Authorization header', async () => undefined],
    ['a token for another app', async () => signer.authorizationHeader({ aud: 'someone-else' })],
    ['a tampered token', async () => (await signer.authorizationHeader({ tid: 'tenant-1' })).replace(/\.([^.]+)\./, (_, p: string) => `.${p.slice(0, -2)}AA.`)],
    ['a token signed by another key', async () => (await createTestSigner({ appId: 'bot-app-id' })).authorizationHeader()],
    ['a Basic scheme', async () => 'Basic Ym90OnNlY3JldA=='],
  ])('%s gets 401 with WWW-Authenticate, and nothing reaches the app', async (_, header) => {
    const { events, post } = bot()
    const response = await post(await header())
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/)
    expect(events).toEqual([])
  })
})
