/**
 * The web handler verifies Graph's token by default: with the test signer's keys served by a real loopback
 * OpenID endpoint, a forged notification never reaches the app and a signed one does, with its tenant.
 */
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toNodeListener } from '../../../src/adapters/node.ts'
import { createNotificationHandler, type NotificationVerifyOptions } from '../../../src/adapters/web.ts'
import type { CallEvent } from '../../../src/notifications/index.ts'
import { createTestSigner, type TestSigner } from '../../../src/testing/test-signer.ts'
import { NotificationAuthError, ValidationError, type NotificationAuthReason } from '../../../src/errors.ts'

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

describe('a refused token: the 401 tells the sender nothing of the configuration', () => {
  const REFUSED = 'The bearer token was refused; the reason went to the onError hook.'

  /** A handler that keeps what reached `onError`, with the allowed tenants and key URL of `verify`. */
  function guardedBot(verify: NotificationVerifyOptions) {
    const errors: unknown[] = []
    const events: CallEvent[] = []
    const handle = createNotificationHandler({ appId: 'bot-app-id', verify, onEvent: (e) => void events.push(e), onError: (e) => void errors.push(e) })
    return { handle, errors, events }
  }

  /** Every configured value that must stay out of the response: the app id, the tenants and the key URL. */
  const configured = () => ['bot-app-id', 'tenant-1', 'allowed-tenant', openIdConfigurationUrl, base(), '127.0.0.1']

  it.each<[string, () => Promise<string | undefined>, NotificationAuthReason, (() => string) | string]>([
    ['a token for another app', () => signer.authorizationHeader({ aud: 'someone-else' }), 'wrong-audience', 'bot-app-id'],
    ['a token of a tenant not allowed', () => signer.authorizationHeader({ tid: 'tenant-2' }), 'tenant-not-allowed', 'allowedTenantIds'],
    ['a token signed by a key not in the key set', async () => (await createTestSigner({ appId: 'bot-app-id', tenantId: 'tenant-1' })).authorizationHeader(), 'bad-signature', () => openIdConfigurationUrl],
    ['a token of another signer, for another app', async () => (await createTestSigner({ appId: 'other-app', tenantId: 'tenant-1' })).authorizationHeader(), 'bad-signature', () => openIdConfigurationUrl],
    ['no Authorization header', async () => undefined, 'missing-token', 'Authorization'],
  ])('%s: a generic 401, and the whole error to onError', async (_, header, reason, inMessage) => {
    const { handle, errors, events } = guardedBot({ openIdConfigurationUrl, allowedTenantIds: ['tenant-1', 'allowed-tenant'] })
    const authorization = await header()
    const response = await handle(new Request('https://bot.contoso.com/api/calls', { method: 'POST', body: incoming, headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) } }))
    const text = await response.text()
    expect(response.status).toBe(401)
    expect(JSON.parse(text)).toEqual({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: REFUSED })
    for (const value of configured()) expect(text).not.toContain(value)
    expect(events).toEqual([])
    expect(errors).toEqual([expect.any(NotificationAuthError)])
    expect(errors[0]).toMatchObject({ reason, status: 401 })
    expect((errors[0] as Error).message).toContain(typeof inMessage === 'string' ? inMessage : inMessage())
  })

  it('keys that cannot be fetched: a generic 401, and the key URL only in the error to onError', async () => {
    const missingKeys = 'https://keys.contoso.invalid/v1/.well-known/OpenIdConfiguration'
    const { handle, errors } = guardedBot({ openIdConfigurationUrl: missingKeys, fetch: async () => new Response('down', { status: 503 }) })
    const response = await handle(new Request('https://bot.contoso.com/api/calls', { method: 'POST', body: incoming, headers: { 'content-type': 'application/json', authorization: await signer.authorizationHeader() } }))
    const text = await response.text()
    expect(response.status).toBe(401)
    expect(JSON.parse(text).detail).toBe(REFUSED)
    for (const value of [...configured(), missingKeys]) expect(text).not.toContain(value)
    expect(errors[0]).toMatchObject({ reason: 'keys-unavailable' })
    expect((errors[0] as Error).message).toContain(missingKeys)
  })

  it('through toNodeListener over real HTTP, the same generic 401', async () => {
    const { handle, errors } = guardedBot({ openIdConfigurationUrl, allowedTenantIds: ['tenant-1'] })
    const bot = createServer(toNodeListener(handle))
    bot.listen(0, '127.0.0.1')
    await once(bot, 'listening')
    try {
      const response = await fetch(`http://127.0.0.1:${(bot.address() as AddressInfo).port}/api/calls`, {
        method: 'POST',
        body: incoming,
        headers: { 'content-type': 'application/json', authorization: await signer.authorizationHeader({ aud: 'someone-else', tid: 'tenant-2' }) },
      })
      const text = await response.text()
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toBe('Bearer')
      expect(JSON.parse(text).detail).toBe(REFUSED)
      for (const value of configured()) expect(text).not.toContain(value)
      expect(errors).toEqual([expect.objectContaining({ reason: 'wrong-audience', message: expect.stringContaining('bot-app-id') })])
    } finally {
      bot.closeAllConnections()
      bot.close()
    }
  })
})
