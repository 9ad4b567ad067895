import { once } from 'node:events'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it, vi } from 'vitest'
import { ValidationError } from '../../../src/index.ts'
import { verifyNotificationToken } from '../../../src/notifications/index.ts'
import { answer, getCall, hangUp, redirect, reject } from '../../../src/requests/index.ts'
import { buildParticipantsNotification, createGraphSimulator } from '../../../src/testing/index.ts'
import { createHarness, labelOf, serviceHostedAnswer, type Received } from './simulator-harness.ts'

describe('the call lifecycle', () => {
  it('incoming -> answer -> establishing -> established -> hangUp -> terminated, each notification signed', async () => {
    const { simulator, received, send } = await createHarness()
    const call = await simulator.placeIncomingCall()
    expect(received.map(labelOf)).toEqual(['incoming'])
    expect(call.state).toBe('incoming')

    expect((await send(answer(call.id, serviceHostedAnswer))).status).toBe(202)
    await simulator.waitForState(call.id, 'established')
    expect((await send(hangUp(call.id))).status).toBe(204)
    await simulator.idle()

    expect(received.map(labelOf)).toEqual(['incoming', 'establishing', 'established', 'terminated'])
    expect(simulator.records.map((r) => (r.kind === 'request' ? `${r.action} ${r.status}` : r.label))).toEqual([
      'incoming',
      'answer 202',
      'establishing',
      'established',
      'hangUp 204',
      'terminated',
    ])
    const terminated = received.at(-1)!.body.value[0]!
    expect(terminated.changeType).toBe('deleted')
    expect(terminated.resourceData.resultInfo).toMatchObject({ code: 200, message: 'The call was ended by the application.' })
    expect(simulator.call(call.id)).toMatchObject({ state: 'terminated', notifiedStates: ['incoming', 'establishing', 'established', 'terminated'] })

    // Every notification carries a token the bot can verify against the signer's keys, on the real clock
    // although the simulator runs on a manual one.
    const { signer } = simulator
    for (const r of received) {
      const verified = await verifyNotificationToken(r.authorization, {
        appId: signer.appId,
        openIdConfigurationUrl: signer.openIdConfigurationUrl,
        fetch: signer.fetch,
      })
      expect(verified.claims.tid).toBe(signer.tenantId)
    }
  })

  it('the incoming notification names the bot and its tenant; etags grow with each change', async () => {
    const { simulator, received, send } = await createHarness({ appId: 'bot-app-id', tenantId: 'tenant-1' })
    const call = await simulator.placeIncomingCall({ caller: { user: { id: 'u-9', displayName: 'Grace' } } })
    await send(answer(call.id, serviceHostedAnswer))
    await simulator.idle()
    const incoming = received[0]!.body.value[0]!.resourceData
    expect(incoming.targets[0].identity.application.id).toBe('bot-app-id')
    expect(incoming.tenantId).toBe('tenant-1')
    expect(incoming.source.identity.user.displayName).toBe('Grace')
    expect(received.map((r) => r.body.value[0]!.resourceData['@odata.etag'])).toEqual(['W/"1"', 'W/"2"', 'W/"3"'])
  })

  it('an option given as undefined is as absent: the call keeps the simulator\'s bot, tenant and call chain', async () => {
    const { simulator, received } = await createHarness({ appId: 'bot-app-id', tenantId: 'tenant-1' })
    const call = await simulator.placeIncomingCall({ callId: undefined, bot: undefined, tenantId: undefined, callChainId: undefined, answerTimeoutMs: undefined, notifications: undefined })
    const incoming = received[0]!.body.value[0]!.resourceData
    expect(incoming.targets[0].identity.application.id).toBe('bot-app-id')
    expect(incoming.tenantId).toBe('tenant-1')
    expect(incoming.callChainId).toEqual(expect.any(String))
    expect(call.id).toEqual(expect.any(String))
  })

  it("after the answer, notifications go to the answer's callbackUri", async () => {
    const { simulator, received, send } = await createHarness()
    const call = await simulator.placeIncomingCall()
    await send(answer(call.id, { ...serviceHostedAnswer, callbackUri: 'https://bot.example.com/calls/123' }))
    await simulator.idle()
    expect(received.map((r) => r.url)).toEqual([
      'https://bot.example.com/api/calls',
      'https://bot.example.com/calls/123',
      'https://bot.example.com/calls/123',
    ])
  })

  it.each([
    ['reject busy', 486, (id: string) => reject(id, { reason: 'busy' })],
    ['reject', 603, (id: string) => reject(id)],
    ['redirect', 302, (id: string) => redirect(id, { targets: [{ identity: { user: { id: 'u-2' } } }] })],
  ])('%s ends the incoming call: 202, then terminated with resultInfo code %i', async (_name, code, build) => {
    const { simulator, received, send } = await createHarness()
    const call = await simulator.placeIncomingCall()
    expect((await send(build(call.id))).status).toBe(202)
    await simulator.idle()
    expect(received.map(labelOf)).toEqual(['incoming', 'terminated'])
    expect(received[1]!.body.value[0]!.resourceData.resultInfo.code).toBe(code)
    const again = await send(build(call.id))
    expect(again.status).toBe(404)
    expect(again.body.error.code).toBe('itemNotFound')
  })

  it('answering a call twice: the second answer gets 409 and changes nothing', async () => {
    const { simulator, send } = await createHarness()
    const call = await simulator.placeIncomingCall()
    await send(answer(call.id, serviceHostedAnswer))
    const second = await send(answer(call.id, { ...serviceHostedAnswer, callbackUri: 'https://elsewhere.example.com/x' }))
    expect(second.status).toBe(409)
    expect(second.body.error).toMatchObject({ code: 'notAllowed', message: expect.stringContaining('answer needs an incoming call') })
    expect(simulator.call(call.id).callbackUri).toBe('https://bot.example.com/api/calls')
  })

  it('the other party hangs up: terminated reaches the bot and a later hang-up gets 404', async () => {
    const { simulator, received, send } = await createHarness()
    const call = await simulator.placeIncomingCall()
    await send(answer(call.id, serviceHostedAnswer))
    await simulator.waitForState(call.id, 'established')
    await simulator.endCall(call.id)
    expect(received.map(labelOf).at(-1)).toBe('terminated')
    expect(received.at(-1)!.body.value[0]!.resourceData.resultInfo.message).toBe('The other party hung up.')
    expect((await send(hangUp(call.id))).status).toBe(404)
  })

  it('waitForState rejects when the call ends without reaching the state', async () => {
    const { simulator, send } = await createHarness()
    const call = await simulator.placeIncomingCall()
    const waiting = simulator.waitForState(call.id, 'established')
    await send(reject(call.id))
    await expect(waiting).rejects.toThrow(`call ${call.id} ended before the bot was notified of 'established'`)
  })
})

describe('notification plans, for testing how tolerant the bot is', () => {
  it('establishedFirst: established arrives before establishing, and the call stays established', async () => {
    const { simulator, received, send } = await createHarness({ notifications: { establishedFirst: true } })
    const call = await simulator.placeIncomingCall()
    await send(answer(call.id, serviceHostedAnswer))
    await simulator.idle()
    expect(received.map(labelOf)).toEqual(['incoming', 'established', 'establishing'])
    expect(simulator.call(call.id).state).toBe('established')
  })

  it('establishedFirst: the etags still follow the order of the states, so the late establishing is the older', async () => {
    const { simulator, received, send } = await createHarness({ notifications: { establishedFirst: true } })
    const call = await simulator.placeIncomingCall()
    await send(answer(call.id, serviceHostedAnswer))
    await simulator.idle()
    await send(hangUp(call.id))
    await simulator.idle()
    expect(received.map((r) => `${labelOf(r)} ${r.body.value[0]!.resourceData['@odata.etag']}`)).toEqual([
      'incoming W/"1"',
      'established W/"3"',
      'establishing W/"2"',
      'terminated W/"4"',
    ])
  })

  it('duplicate: every notification arrives twice, the incoming one too', async () => {
    const { simulator, received, send } = await createHarness()
    const call = await simulator.placeIncomingCall({ notifications: { duplicate: true } })
    await send(answer(call.id, serviceHostedAnswer))
    await simulator.idle()
    await send(hangUp(call.id))
    await simulator.idle()
    expect(received.map(labelOf)).toEqual(['incoming', 'incoming', 'establishing', 'establishing', 'established', 'established', 'terminated', 'terminated'])
    expect(simulator.call(call.id).notifiedStates).toEqual(['incoming', 'establishing', 'established', 'terminated'])
  })

  it('a call hung up before it is established gets no establishment notification after its end', async () => {
    const { simulator, clock, received, send } = await createHarness({ notifications: { delayMs: 1_000 } })
    const call = await simulator.placeIncomingCall()
    await send(answer(call.id, serviceHostedAnswer))
    await send(hangUp(call.id))
    await clock.advance(1_000)
    await simulator.idle()
    expect(received.map(labelOf)).toEqual(['incoming', 'terminated'])
  })

  it('delayMs: the notifications after the answer wait on the simulator clock', async () => {
    const { simulator, clock, received, send } = await createHarness({ notifications: { delayMs: 2_000 } })
    const call = await simulator.placeIncomingCall()
    await send(answer(call.id, serviceHostedAnswer))
    await clock.advance(1_999)
    expect(received.map(labelOf)).toEqual(['incoming'])
    await clock.advance(1)
    await simulator.idle()
    expect(received.map(labelOf)).toEqual(['incoming', 'establishing', 'established'])
    const [establishing] = simulator.notifications.filter((n) => n.label === 'establishing')
    expect(establishing!.at - call.placedAt).toBe(2_000)
  })

  it('concurrent: the next notification of a call goes while the bot still answers the one before', async () => {
    // A bot that answers the notifications after the incoming one only when the test lets it, and logs when
    // each arrives and when it is answered. The test lets the oldest answer go once nothing new has arrived
    // for a while (signing a notification takes real time), so an in-order simulator can go on.
    const inBot = async (concurrent: boolean) => {
      const log: string[] = []
      const waiting: (() => void)[] = []
      let lastArrival = Date.now()
      const { simulator, send } = await createHarness({
        notifications: { concurrent },
        deliver: async (notification) => {
          const body = (await notification.json()) as Received['body']
          const label = labelOf({ url: notification.url, authorization: null, body })
          lastArrival = Date.now()
          if (label !== 'incoming') {
            log.push(`arrived ${label}`)
            await new Promise<void>((resolve) => waiting.push(resolve))
            log.push(`answered ${label}`)
          }
          return new Response(null, { status: 202 })
        },
      })
      const call = await simulator.placeIncomingCall()
      await send(answer(call.id, serviceHostedAnswer))
      while (log.filter((l) => l.startsWith('answered')).length < 2) {
        await new Promise((resolve) => setTimeout(resolve, 5))
        if (waiting.length > 0 && Date.now() - lastArrival > 500) waiting.shift()!()
      }
      await simulator.idle()
      return { log, notified: simulator.call(call.id).notifiedStates }
    }
    const inOrder = await inBot(false)
    expect(inOrder.log).toEqual(['arrived establishing', 'answered establishing', 'arrived established', 'answered established'])
    const concurrent = await inBot(true)
    expect(concurrent.log).toEqual(['arrived establishing', 'arrived established', 'answered establishing', 'answered established'])
    // Sent in order all the same, each once, and the call's states noted in that order.
    expect(concurrent.notified).toEqual(['incoming', 'establishing', 'established'])
  })

  it('a per-call plan overrides the simulator plan', async () => {
    const { simulator, received, send } = await createHarness({ notifications: { establishedFirst: true } })
    const call = await simulator.placeIncomingCall({ notifications: {} })
    await send(answer(call.id, serviceHostedAnswer))
    await simulator.idle()
    expect(received.map(labelOf)).toEqual(['incoming', 'establishing', 'established'])
  })
})

describe('the answer deadline', () => {
  it('an unanswered call is dropped after 15 s: terminated (408), then a late answer gets 404', async () => {
    const { simulator, clock, received, send } = await createHarness()
    const call = await simulator.placeIncomingCall()
    expect(call.answerDeadlineAt! - call.placedAt).toBe(15_000)
    await clock.advance(14_999)
    expect(simulator.call(call.id).state).toBe('incoming')
    await clock.advance(1)
    await simulator.idle()
    expect(received.map(labelOf)).toEqual(['incoming', 'terminated'])
    expect(received[1]!.body.value[0]!.resourceData.resultInfo).toMatchObject({ code: 408, message: 'The call was not answered within 15000 ms.' })
    const late = await send(answer(call.id, serviceHostedAnswer))
    expect(late.status).toBe(404)
    expect(late.body.error).toMatchObject({ code: 'itemNotFound', message: `Call ${call.id} has ended. The call was not answered within 15000 ms.` })
  })

  it('policy-based recording invitations have 5 s', async () => {
    const { simulator, clock } = await createHarness()
    const call = await simulator.placeIncomingCall({ policyBasedRecording: true })
    await clock.advance(5_000)
    await simulator.idle()
    expect(simulator.call(call.id).state).toBe('terminated')
  })

  it("a policy-based recording invitation targets the bot's application instance, as Graph's does", async () => {
    const { simulator, received } = await createHarness({ appId: 'recorder-app-id' })
    await simulator.placeIncomingCall({ policyBasedRecording: true })
    await simulator.placeIncomingCall()
    const [recording, plain] = received.map((r) => r.body.value[0]!.resourceData.targets[0].identity)
    expect(recording).toEqual({ '@odata.type': '#microsoft.graph.identitySet', applicationInstance: { id: 'recorder-app-id', identityProvider: 'AAD' } })
    expect(plain).toEqual({ application: { displayName: 'Test BOT', id: 'recorder-app-id' } })
  })

  it('the deadline is configurable (per simulator and per call), and an answer in time stops it', async () => {
    const { simulator, clock, send } = await createHarness({ answerTimeoutMs: 300 })
    const quick = await simulator.placeIncomingCall()
    const slow = await simulator.placeIncomingCall({ answerTimeoutMs: 1_000 })
    await send(answer(quick.id, serviceHostedAnswer))
    await clock.advance(500)
    await simulator.idle()
    expect(simulator.call(quick.id).state).toBe('established')
    expect(simulator.call(slow.id).state).toBe('incoming')
    await clock.advance(500)
    await simulator.idle()
    expect(simulator.call(slow.id).state).toBe('terminated')
    expect(simulator.call(quick.id).respondedAt! - quick.placedAt).toBe(0)
  })
})

describe('requests Graph would refuse', () => {
  it.each([
    ['answer without media config', 'answer', { callbackUri: 'https://bot.example.com/x', acceptedModalities: ['audio'] }, '$.mediaConfig'],
    ['answer with an http callback', 'answer', { ...serviceHostedAnswer, callbackUri: 'http://bot.example.com/x' }, '$.callbackUri'],
    ['answer with a renamed field', 'answer', { ...serviceHostedAnswer, accepted_modalities: ['audio'] }, '$.accepted_modalities'],
    ['reject with an unknown reason', 'reject', { reason: 'declined' }, '$.reason'],
    ['redirect without targets', 'redirect', {}, '$.targets'],
  ])('%s: 400 with a Graph error body naming %s', async (_name, action, body, path) => {
    const { simulator, send } = await createHarness()
    const call = await simulator.placeIncomingCall()
    const answered = await send({ method: 'POST', path: `/communications/calls/${call.id}/${action}`, body }, { headers: { 'client-request-id': 'client-1' } })
    expect(answered.status).toBe(400)
    expect(answered.body).toEqual({
      error: {
        code: 'BadRequest',
        message: expect.stringContaining(path),
        innerError: { 'request-id': answered.headers['request-id'], date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/), 'client-request-id': 'client-1' },
      },
    })
    expect(answered.headers['client-request-id']).toBe('client-1')
    expect(simulator.call(call.id).state).toBe('incoming')
  })

  it('a body that is not JSON: 400', async () => {
    const { simulator, send } = await createHarness()
    const call = await simulator.placeIncomingCall()
    const answered = await send({ method: 'POST', path: `/communications/calls/${call.id}/answer` }, { rawBody: '{"callbackUri":' })
    expect(answered.status).toBe(400)
    expect(answered.body.error.message).toContain('not valid JSON')
  })

  it.each([
    ['no Authorization header', {}, 'Access token is empty.'],
    ['a non-bearer Authorization', { authorization: 'Basic dXNlcjpwYXNz' }, 'Access token validation failure: expected Bearer <token>.'],
  ])('%s: 401 InvalidAuthenticationToken', async (_name, headers, message) => {
    const { simulator, send } = await createHarness()
    const call = await simulator.placeIncomingCall()
    const answered = await send(answer(call.id, serviceHostedAnswer), { headers: { authorization: '', ...headers } })
    expect(answered.status).toBe(401)
    expect(answered.body.error).toMatchObject({ code: 'InvalidAuthenticationToken', message })
    expect(simulator.call(call.id).state).toBe('incoming')
  })

  it('an unknown call: 404; an unknown API version or endpoint: 400', async () => {
    const { send } = await createHarness()
    expect((await send(answer('no-such-call', serviceHostedAnswer))).body.error.code).toBe('itemNotFound')
    const version = await send(answer('c', serviceHostedAnswer), { version: 'v2.0' })
    expect([version.status, version.body.error.message]).toEqual([400, 'Invalid version: v2.0'])
    const endpoint = await send({ method: 'POST', path: '/communications/calls/c/answerAll', body: {} })
    expect([endpoint.status, endpoint.body.error.message]).toEqual([400, 'The simulated Graph has no endpoint for POST /v1.0/communications/calls/c/answerAll.'])
  })
})

describe('faults', () => {
  it('429 with Retry-After, for the number of requests asked, then normal service', async () => {
    const { simulator, send } = await createHarness()
    const call = await simulator.placeIncomingCall()
    const fault = simulator.injectFault({ action: 'answer', status: 429, retryAfterSec: 3, times: 2 })
    const first = await send(answer(call.id, serviceHostedAnswer))
    expect(first.status).toBe(429)
    expect(first.headers['retry-after']).toBe('3')
    expect(first.body.error).toMatchObject({ code: 'activityLimitReached', innerError: { 'request-id': first.headers['request-id'] } })
    expect((await send(answer(call.id, serviceHostedAnswer))).status).toBe(429)
    expect((await send(answer(call.id, serviceHostedAnswer))).status).toBe(202)
    expect(fault.hits).toBe(2)
  })

  it('503 for one call only; other calls and other actions are served', async () => {
    const { simulator, send } = await createHarness()
    const a = await simulator.placeIncomingCall()
    const b = await simulator.placeIncomingCall()
    simulator.injectFault({ callId: a.id, status: 503, times: Infinity })
    expect((await send(answer(b.id, serviceHostedAnswer))).status).toBe(202)
    const failed = await send(answer(a.id, serviceHostedAnswer))
    expect([failed.status, failed.body.error.code]).toEqual([503, 'serviceNotAvailable'])
    expect((await send(reject(a.id))).status).toBe(503)
  })

  it('a removed fault no longer hits', async () => {
    const { simulator, send } = await createHarness()
    const call = await simulator.placeIncomingCall()
    simulator.injectFault({ status: 500 }).remove()
    expect((await send(answer(call.id, serviceHostedAnswer))).status).toBe(202)
  })

  it('a slow answer comes after its delay on the simulator clock', async () => {
    const { simulator, clock, send } = await createHarness()
    const call = await simulator.placeIncomingCall()
    const slow = simulator.injectFault({ action: 'answer', delayMs: 4_000 })
    const answering = send(answer(call.id, serviceHostedAnswer))
    await vi.waitUntil(() => slow.hits === 1, { timeout: 10_000 })
    await clock.advance(4_000)
    expect((await answering).status).toBe(202)
    const [recorded] = simulator.requests
    expect(recorded!.durationMs).toBe(4_000)
  })

  it.each([
    ['a slow answer', { delayMs: 4_000 }, true],
    ['a slow error', { status: 503, delayMs: 4_000 }, false],
  ] as const)('%s the client gives up on: acted on only when it was an answer, as Graph acts on what it accepted', async (_, fault, acted) => {
    const { simulator, send } = await createHarness()
    const call = await simulator.placeIncomingCall()
    const slow = simulator.injectFault({ action: 'answer', ...fault })
    const abort = new AbortController()
    const answering = send(answer(call.id, serviceHostedAnswer), { signal: abort.signal })
    await vi.waitUntil(() => slow.hits === 1, { timeout: 10_000 })
    abort.abort()
    await expect(answering).rejects.toThrow(/abort/i)
    await vi.waitUntil(() => simulator.requests.length === 1, { timeout: 10_000 })
    expect(simulator.requests[0]!.status).toBeUndefined()
    if (acted) await simulator.waitForState(call.id, 'established')
    else expect(simulator.call(call.id).state).toBe('incoming')
  })

  it('refuses a fault that is not one', async () => {
    const { simulator } = await createHarness()
    expect(() => simulator.injectFault({ status: 302 })).toThrow('fault status: expected an HTTP error status from 400 to 599, got 302')
    expect(() => simulator.injectFault({ action: 'answer' })).toThrow('fault: give a status, a delayMs, or both')
  })
})

describe('records', () => {
  it('every request with method, URL, version, action, call, redacted headers, body, status and time', async () => {
    const { simulator, clock, send } = await createHarness()
    const call = await simulator.placeIncomingCall()
    await clock.advance(1_234)
    await send(answer(call.id, serviceHostedAnswer), { headers: { authorization: 'Bearer secret-token-value', 'client-request-id': 'cr-1' } })
    const [recorded] = simulator.requests
    expect(recorded).toEqual({
      kind: 'request',
      at: call.placedAt + 1_234,
      durationMs: 0,
      method: 'POST',
      url: `https://graph.microsoft.com/v1.0/communications/calls/${call.id}/answer`,
      path: `/v1.0/communications/calls/${call.id}/answer`,
      apiVersion: 'v1.0',
      action: 'answer',
      callId: call.id,
      headers: expect.objectContaining({ authorization: 'Bearer [redacted]', 'client-request-id': 'cr-1', 'content-type': 'application/json' }),
      body: serviceHostedAnswer,
      status: 202,
      responseBody: undefined,
      responseHeaders: { 'client-request-id': 'cr-1', 'request-id': expect.stringMatching(/^[0-9a-f-]{36}$/) },
    })
    expect(JSON.stringify(simulator.records)).not.toContain('secret-token-value')
  })

  it('every notification with its label, URL, body and the status the bot answered', async () => {
    const { simulator } = await createHarness({ deliver: async () => new Response('no', { status: 401 }) })
    const call = await simulator.placeIncomingCall()
    expect(simulator.notifications).toEqual([
      expect.objectContaining({ kind: 'notification', callId: call.id, label: 'incoming', url: 'https://bot.example.com/api/calls', status: 401, error: undefined }),
    ])
  })

  it('a bot that cannot be reached is recorded with the reason, and the call goes on', async () => {
    const { simulator } = await createHarness({
      deliver: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:9')
      },
    })
    const call = await simulator.placeIncomingCall()
    expect(simulator.notifications[0]).toMatchObject({ status: undefined, error: 'connect ECONNREFUSED 127.0.0.1:9' })
    expect(simulator.call(call.id).notifiedStates).toEqual(['incoming'])
  })

  it('onRecord sees each record as it completes', async () => {
    const seen: string[] = []
    const { simulator, send } = await createHarness({ onRecord: (r) => seen.push(r.kind === 'request' ? r.action! : r.label) })
    const call = await simulator.placeIncomingCall()
    await send(reject(call.id))
    await simulator.idle()
    expect(seen).toEqual(['incoming', 'reject', 'terminated'])
  })
})

describe('content sharing and custom notifications', () => {
  const withSharing = { ...serviceHostedAnswer, callOptions: { '@odata.type': '#microsoft.graph.incomingCallOptions' as const, isContentSharingNotificationEnabled: true } }

  it('start and stop reach a bot that asked for them in its answer', async () => {
    const { simulator, received, send } = await createHarness()
    const call = await simulator.placeIncomingCall()
    await send(answer(call.id, withSharing))
    await simulator.waitForState(call.id, 'established')
    const started = await simulator.startContentSharing(call.id)
    expect(simulator.call(call.id).contentSharingSessions).toEqual([started.sessionId])
    const stopped = await simulator.stopContentSharing(call.id)
    expect([started.notified, stopped.notified, stopped.sessionId]).toEqual([true, true, started.sessionId])
    const sharing = received.slice(-2).map((r) => r.body.value[0]!)
    expect(sharing.map((item) => [item.changeType, item.resourceUrl])).toEqual([
      ['created', `/communications/calls/${call.id}/contentsharingsessions/${started.sessionId}`],
      ['deleted', `/communications/calls/${call.id}/contentsharingsessions/${started.sessionId}`],
    ])
  })

  it('a bot that did not ask is not told', async () => {
    const { simulator, received, send } = await createHarness()
    const call = await simulator.placeIncomingCall()
    await send(answer(call.id, serviceHostedAnswer))
    await simulator.waitForState(call.id, 'established')
    expect((await simulator.startContentSharing(call.id)).notified).toBe(false)
    expect(received.map(labelOf)).toEqual(['incoming', 'establishing', 'established'])
  })

  it('needs an established call, and a session to stop', async () => {
    const { simulator } = await createHarness()
    const call = await simulator.placeIncomingCall()
    await expect(simulator.startContentSharing(call.id)).rejects.toThrow(`call ${call.id} is incoming: content sharing needs an established call`)
    await expect(simulator.stopContentSharing(call.id)).rejects.toThrow(`call ${call.id} has no content sharing session`)
    await expect(simulator.startContentSharing('nope')).rejects.toThrow('no call nope: the simulator did not place it')
  })

  it('notify sends any built body to the call, signed', async () => {
    const { simulator, received } = await createHarness()
    const call = await simulator.placeIncomingCall()
    const roster = buildParticipantsNotification(call.id, [{ id: 'p-1', isMuted: false }])
    const sent = await simulator.notify(call.id, roster, 'participants')
    expect(sent).toMatchObject({ label: 'participants', status: 202 })
    expect(received.at(-1)!.body).toEqual(roster)
    expect(received.at(-1)!.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/)
  })
})

describe('setup', () => {
  it('refuses an appId the signer does not sign for', async () => {
    const { simulator } = await createHarness()
    await expect(createHarness({ signer: simulator.signer, appId: 'another-app' })).rejects.toMatchObject({
      issues: [{ path: '$.appId', message: `expected the signer's app id ${simulator.signer.appId}: the bot would refuse every notification signed for another` }],
    })
  })

  it('refuses bad options with every problem named by its path', async () => {
    const error = await createHarness({ callbackUri: '/api/calls', baseUrl: 'graph.microsoft.com', answerTimeoutMs: -1, notifications: { delayMs: Number.NaN } }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).issues).toEqual([
      { path: '$.callbackUri', message: 'expected an absolute https or http URL' },
      { path: '$.baseUrl', message: 'expected an absolute https or http URL' },
      { path: '$.answerTimeoutMs', message: 'expected a finite number of milliseconds, 0 or more' },
      { path: '$.notifications.delayMs', message: 'expected a finite number of milliseconds, 0 or more' },
    ])
  })

  it('refuses a call placed with a duration that is not one, and rejects (never throws) for a call it does not know', async () => {
    const { simulator } = await createHarness()
    await expect(simulator.placeIncomingCall({ answerTimeoutMs: Number.NaN, notifications: { delayMs: -1 } })).rejects.toMatchObject({
      name: 'ValidationError',
      issues: [
        { path: '$.answerTimeoutMs', message: 'expected a finite number of milliseconds, 0 or more' },
        { path: '$.notifications.delayMs', message: 'expected a finite number of milliseconds, 0 or more' },
      ],
    })
    expect(simulator.notifications).toHaveLength(0)
    const unknown = 'no call nope: the simulator did not place it and the bot did not create it'
    await expect(simulator.waitForState('nope', 'established')).rejects.toThrow(unknown)
    await expect(simulator.endCall('nope')).rejects.toThrow(unknown)
  })

  it('refuses a fault that would hit no request', async () => {
    const { simulator } = await createHarness()
    for (const times of [0, -1, 1.5]) {
      expect(() => simulator.injectFault({ action: 'getCall', status: 500, times })).toThrow(`fault times: expected a whole number, 1 or more (Infinity for every request), got ${times}`)
    }
  })

  it('a closed simulator places no calls and leaves no timer behind', async () => {
    const { simulator, clock } = await createHarness()
    await simulator.placeIncomingCall()
    await simulator.close()
    expect(clock.pendingSleeps).toBe(0)
    await expect(simulator.placeIncomingCall()).rejects.toThrow('the simulator is closed')
  })

  it('a closed simulator refuses every request with 503 and sends the bot nothing more', async () => {
    const { simulator, received, send } = await createHarness({ notifications: { delayMs: 1_000 } })
    const answered = await simulator.placeIncomingCall()
    expect((await send(answer(answered.id, serviceHostedAnswer))).status).toBe(202)
    const waiting = await simulator.placeIncomingCall()
    // establishing and established are queued behind their delay when the simulator closes.
    await simulator.close()

    const refused = await send(answer(waiting.id, serviceHostedAnswer))
    expect([refused.status, refused.body.error.code, refused.body.error.message]).toEqual([503, 'serviceNotAvailable', 'The simulated Graph is closed.'])
    expect((await send(getCall(waiting.id), { headers: { authorization: '' } })).status).toBe(503)
    await simulator.endCall(waiting.id)
    await simulator.idle()
    expect(received.map(labelOf)).toEqual(['incoming', 'incoming'])
    expect(simulator.call(waiting.id).notifiedStates).toEqual(['incoming'])
  })

  it('close ends a fault delay under way: the waiting request gets 503 at once', async () => {
    const { simulator, clock, send } = await createHarness()
    const call = await simulator.placeIncomingCall()
    const slow = simulator.injectFault({ action: 'answer', delayMs: 60_000 })
    const answering = send(answer(call.id, serviceHostedAnswer))
    await vi.waitUntil(() => slow.hits === 1, { timeout: 10_000 })
    await simulator.close()
    expect((await answering).status).toBe(503)
    expect(clock.pendingSleeps).toBe(0)
    // The answer was acted on before its slow reply began.
    expect(simulator.call(call.id).state).not.toBe('incoming')
  })

  it('close cancels a notification on its way to a bot that never answers, over HTTP and in process', async () => {
    const arrived: IncomingMessage[] = []
    const silentBot = createServer((req) => void arrived.push(req))
    silentBot.listen(0, '127.0.0.1')
    await once(silentBot, 'listening')
    try {
      const overHttp = await createGraphSimulator({ callbackUri: `http://127.0.0.1:${(silentBot.address() as AddressInfo).port}/api/calls` })
      const handed: Request[] = []
      const inProcess = await createGraphSimulator({ callbackUri: 'https://bot.contoso.com/api/calls', deliver: (n) => (handed.push(n), new Promise<Response>(() => {})) })
      for (const graph of [overHttp, inProcess]) {
        const placing = graph.placeIncomingCall()
        await vi.waitUntil(() => (graph === overHttp ? arrived : handed).length === 1, { timeout: 5_000 })
        await graph.close()
        await expect(placing).resolves.toMatchObject({ state: 'incoming' })
        await graph.idle()
        expect(graph.notifications.map((n) => [n.label, n.status, n.error])).toEqual([['incoming', undefined, 'the simulator closed']])
      }
      // The bot saw its request go: the simulator's side of the socket is closed; the one in process was told.
      if (!arrived[0]!.socket.destroyed) await once(arrived[0]!.socket, 'close')
      expect(handed[0]!.signal.aborted).toBe(true)
    } finally {
      silentBot.closeAllConnections()
      silentBot.close()
    }
  })

  it('close rejects every waitForState still waiting, and any asked after it', async () => {
    const { simulator } = await createHarness()
    const call = await simulator.placeIncomingCall()
    const waiting = simulator.waitForState(call.id, 'established')
    await simulator.close()
    await expect(waiting).rejects.toThrow(`the simulator closed before the bot was notified of 'established' on call ${call.id}`)
    await expect(simulator.waitForState(call.id, 'established')).rejects.toThrow('the simulator closed')
    await expect(simulator.waitForState(call.id, 'incoming')).resolves.toMatchObject({ id: call.id })
  })
})
