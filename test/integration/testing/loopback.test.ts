/**
 * The simulator over real sockets: its handlers behind a node:http loopback server, and a bot on node:http
 * that verifies every notification's token and answers Graph over HTTP.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { request } from 'undici'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { verifyNotificationToken } from '../../../src/notifications/index.ts'
import { answer, hangUp } from '../../../src/requests/index.ts'
import { createGraphSimulator, tunnelTo, type GraphSimulator } from '../../../src/testing/index.ts'

const answerBody = {
  callbackUri: 'https://bot.example.com/api/calls',
  acceptedModalities: ['audio' as const],
  mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' as const },
}

const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanup.length > 0) await cleanup.pop()!()
})

async function simulator(options: Partial<Parameters<typeof createGraphSimulator>[0]> = {}): Promise<GraphSimulator> {
  const created = await createGraphSimulator({ callbackUri: 'https://bot.example.com/api/calls', deliver: async () => new Response(null, { status: 202 }), ...options })
  cleanup.push(() => created.close())
  return created
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanup.push(() => new Promise((resolve) => server.close(() => resolve())))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('simulator.listen(): the same handlers over loopback HTTP', () => {
  it('answers, refuses and records as the in-process dispatcher does', async () => {
    const graph = await simulator()
    const { baseUrl } = await graph.listen()
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const call = await graph.placeIncomingCall()
    const url = `${baseUrl}/v1.0${answer(call.id, answerBody).path}`

    const unauthorized = await request(url, { method: 'POST', body: JSON.stringify(answerBody) })
    expect(unauthorized.statusCode).toBe(401)
    expect(((await unauthorized.body.json()) as any).error.code).toBe('InvalidAuthenticationToken')

    const bad = await request(url, { method: 'POST', headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body: '{"acceptedModalities":["audio"]}' })
    const badBody = (await bad.body.json()) as any
    expect(bad.statusCode).toBe(400)
    expect(badBody.error.innerError['request-id']).toBe(bad.headers['request-id'])
    expect(badBody.error.message).toContain('$.mediaConfig')

    // Graph reads a body only as JSON: without the header, or with another type, it is refused.
    for (const headers of [{ authorization: 'Bearer t' }, { authorization: 'Bearer t', 'content-type': 'text/plain' }]) {
      const untyped = await request(url, { method: 'POST', headers, body: JSON.stringify(answerBody) })
      expect(untyped.statusCode).toBe(400)
      expect(((await untyped.body.json()) as any).error.message).toBe('Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.')
    }
    expect(graph.call(call.id).state).toBe('incoming')

    const ok = await request(url, { method: 'POST', headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body: JSON.stringify(answerBody) })
    expect(ok.statusCode).toBe(202)
    await ok.body.dump()
    // The handlers saw Graph's URL, not the loopback one.
    expect(graph.requests.at(-1)).toMatchObject({ url: `https://graph.microsoft.com/v1.0/communications/calls/${call.id}/answer`, status: 202 })
  })

  it('a client that hangs up on a slow answer aborts it: the call is not answered', async () => {
    const graph = await simulator()
    const { baseUrl } = await graph.listen()
    const call = await graph.placeIncomingCall()
    const slow = graph.injectFault({ action: 'answer', delayMs: 10_000 })
    const abort = new AbortController()
    const answering = request(`${baseUrl}/v1.0${answer(call.id, answerBody).path}`, {
      method: 'POST',
      headers: { authorization: 'Bearer t' },
      body: JSON.stringify(answerBody),
      signal: abort.signal,
    })
    // The fault counts the request once it is in the handlers, about to wait.
    await vi.waitUntil(() => slow.hits === 1, { timeout: 10_000 })
    abort.abort()
    await expect(answering).rejects.toThrow(/abort/i)
    await vi.waitUntil(() => graph.requests.length === 1, { timeout: 10_000 })
    expect(graph.requests[0]!.status).toBeUndefined()
    expect(graph.call(call.id).state).toBe('incoming')
  })
})

describe('a whole call over real sockets, with token verification on', () => {
  it('a node:http bot verifies each notification, answers, and hangs up once established', async () => {
    const seen: string[] = []
    let graphBaseUrl = ''
    let graph: GraphSimulator | undefined
    const bot = createServer(async (req, res) => {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      try {
        const signer = graph!.signer
        await verifyNotificationToken(req.headers.authorization, { appId: signer.appId, openIdConfigurationUrl: signer.openIdConfigurationUrl, fetch: signer.fetch })
      } catch {
        res.writeHead(401).end()
        return
      }
      res.writeHead(202).end()
      const item = JSON.parse(Buffer.concat(chunks).toString()).value[0]
      const state = item.resourceData?.state as string
      seen.push(`${req.url} ${state}`)
      const callId = item.resourceUrl.split('/').at(-1)
      const send = (graphRequest: { method: string; path: string; body?: unknown }) =>
        request(`${graphBaseUrl}/v1.0${graphRequest.path}`, {
          method: graphRequest.method as 'POST',
          headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
          body: graphRequest.body === undefined ? undefined : JSON.stringify(graphRequest.body),
        }).then((r) => r.body.dump())
      if (state === 'incoming') await send(answer(callId, answerBody))
      if (state === 'established') await send(hangUp(callId))
    })
    const botUrl = await listen(bot)
    graph = await simulator({ deliver: tunnelTo(botUrl) })
    graphBaseUrl = (await graph.listen()).baseUrl

    const call = await graph.placeIncomingCall()
    await graph.waitForState(call.id, 'terminated')
    await graph.idle()
    expect(seen).toEqual(['/api/calls incoming', '/api/calls establishing', '/api/calls established', '/api/calls terminated'])
    expect(graph.notifications.map((n) => n.status)).toEqual([202, 202, 202, 202])
    expect(graph.requests.map((r) => `${r.action} ${r.status}`)).toEqual(['answer 202', 'hangUp 204'])
  })

  it('a bot that checks tokens refuses notifications signed by someone else', async () => {
    const trusted = await simulator()
    const bot = createServer(async (req, res) => {
      for await (const _ of req);
      const signer = trusted.signer
      const ok = await verifyNotificationToken(req.headers.authorization, { appId: signer.appId, openIdConfigurationUrl: signer.openIdConfigurationUrl, fetch: signer.fetch }).then(
        () => true,
        () => false,
      )
      res.writeHead(ok ? 202 : 401).end()
    })
    const botUrl = await listen(bot)
    const impostor = await simulator({ deliver: tunnelTo(botUrl) })
    await impostor.placeIncomingCall()
    expect(impostor.notifications[0]!.status).toBe(401)
  })

  it('tunnels to an origin known only once the bot listens, read at each delivery', async () => {
    const paths: string[] = []
    const bot = createServer(async (req, res) => {
      for await (const _ of req);
      paths.push(req.url!)
      res.writeHead(202).end()
    })
    let origin = 'http://127.0.0.1:1'
    const tunnelled = await simulator({ deliver: tunnelTo(() => origin) })
    origin = await listen(bot)
    await tunnelled.placeIncomingCall()
    expect([tunnelled.notifications[0]!.status, paths]).toEqual([202, ['/api/calls']])
    // Read again at the next delivery: a bot gone from there is not reached.
    origin = 'http://127.0.0.1:1'
    await tunnelled.placeIncomingCall()
    expect([tunnelled.notifications[1]!.status, paths.length]).toEqual([undefined, 1])
    expect(() => tunnelTo('not a url')).toThrow(TypeError)
  })
})
