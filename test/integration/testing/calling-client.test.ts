/**
 * The real CallingClient against the simulator: through its msw dispatcher (no socket) and over loopback
 * HTTP, with retries, Graph errors and time limits as a bot meets them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createNotificationHandler } from '../../../src/adapters/web.ts'
import { CallingClient, createKeepAliveScheduler, GraphApiError, TimeoutError } from '../../../src/index.ts'
import { createOperationWaiter, type CallEvent } from '../../../src/notifications/index.ts'
import { mediaPrompt, serviceHostedMedia, type AnswerParams } from '../../../src/requests/index.ts'
import { createGraphSimulator, ManualClock, type GraphSimulator, type GraphSimulatorOptions, type NotificationPlan } from '../../../src/testing/index.ts'

const answerParams: AnswerParams = { callbackUri: 'https://bot.example.com/api/calls', acceptedModalities: ['audio'], mediaConfig: serviceHostedMedia() }

const closing: (() => Promise<void>)[] = []
afterEach(async () => {
  while (closing.length > 0) await closing.pop()!()
})

async function setUp(options: Partial<GraphSimulatorOptions> = {}, client: Partial<ConstructorParameters<typeof CallingClient>[0]> = {}) {
  const graph = await createGraphSimulator({ callbackUri: 'https://bot.example.com/api/calls', deliver: async () => new Response(null, { status: 202 }), ...options })
  const calling = new CallingClient({ credential: graph.credential, dispatcher: graph.dispatcher, ...client })
  closing.push(() => graph.close(), () => calling.close())
  return { graph, client: calling }
}

async function incoming(graph: GraphSimulator): Promise<string> {
  return (await graph.placeIncomingCall()).id
}

describe('CallingClient with simulator.dispatcher and simulator.credential', () => {
  it('answers, plays a prompt and hangs up; the simulator saw the bearer token, client-request-id and user agent', async () => {
    const { graph, client } = await setUp({}, { userAgent: 'contoso-bot/1.0' })
    const callId = await incoming(graph)
    const answered = await client.calls.answer(callId, answerParams)
    expect(answered.status).toBe(202)
    await graph.waitForState(callId, 'established')
    const prompt = await client.calls.playPrompt(callId, { prompts: [mediaPrompt('https://cdn.example.com/hello.wav')], clientContext: 'hello' })
    expect(prompt.body).toMatchObject({ '@odata.type': '#microsoft.graph.playPromptOperation', status: 'Running', clientContext: 'hello' })
    expect((await client.calls.hangUp(callId)).status).toBe(204)

    const [answer] = graph.requests
    expect(answer!.headers['authorization']).toBe('Bearer [redacted]')
    expect(answer!.headers['client-request-id']).toBe(answered.clientRequestId)
    expect(answer!.headers['user-agent']).toMatch(/^contoso-bot\/1\.0 graph-calling\//)
    expect(graph.requests.map((r) => `${r.action} ${r.status}`)).toEqual(['answer 202', 'playPrompt 200', 'hangUp 204'])
    expect(graph.credential.issued).toBe(1)
  })

  it("an answer without callbackUri: the call's notifications go to the bot's own webhook", async () => {
    const delivered: string[] = []
    const deliver = async (notification: Request) => {
      delivered.push(notification.url)
      return new Response(null, { status: 202 })
    }
    const { graph, client } = await setUp({ callbackUri: 'https://bot.example.com/api/calls', deliver })
    const callId = await incoming(graph)
    const { callbackUri: _left, ...withoutCallback } = answerParams
    expect((await client.calls.answer(callId, withoutCallback)).status).toBe(202)
    await graph.waitForState(callId, 'established')
    expect(delivered.length).toBeGreaterThanOrEqual(3)
    expect(new Set(delivered)).toEqual(new Set(['https://bot.example.com/api/calls']))
  })

  it('429 with Retry-After: the client waits what Graph asked (on the shared manual clock) and retries with the same client-request-id', async () => {
    const clock = new ManualClock()
    const { graph, client } = await setUp({ clock }, { clock })
    const callId = await incoming(graph)
    graph.injectFault({ action: 'answer', status: 429, retryAfterSec: 2 })
    const answering = client.calls.answer(callId, answerParams)
    await vi.waitUntil(() => graph.requests.length === 1, { timeout: 10_000 })
    await clock.advance(2_000)
    expect((await answering).status).toBe(202)
    const [throttled, retried] = graph.requests
    expect([throttled!.status, retried!.status]).toEqual([429, 202])
    expect(retried!.at - throttled!.at).toBe(2_000)
    expect(retried!.headers['client-request-id']).toBe(throttled!.headers['client-request-id'])
  })

  it('503 beyond maxRetries: a GraphApiError with Graph code, request-id and the client-request-id', async () => {
    const { graph, client } = await setUp({}, { maxRetries: 0 })
    const callId = await incoming(graph)
    graph.injectFault({ status: 503, times: Infinity })
    const error = await client.calls.answer(callId, answerParams).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GraphApiError)
    expect(error).toMatchObject({ status: 503, code: 'serviceNotAvailable', clientRequestId: graph.requests[0]!.headers['client-request-id'] })
    expect((error as GraphApiError).requestId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('a request Graph refuses: GraphApiError 400 with the JSON path; a missed deadline: 404 for the late answer', async () => {
    const clock = new ManualClock()
    const { graph, client } = await setUp({ clock }, { clock })
    const callId = await incoming(graph)
    const refused = await client.send({ method: 'POST', path: `/communications/calls/${callId}/answer`, body: { acceptedModalities: ['audio'] } }).catch((e: unknown) => e)
    expect(refused).toMatchObject({ status: 400, code: 'BadRequest', message: expect.stringContaining('$.mediaConfig') })
    await clock.advance(15_000)
    const late = await client.calls.answer(callId, answerParams).catch((e: unknown) => e)
    expect(late).toMatchObject({ status: 404, code: 'itemNotFound', message: expect.stringContaining('not answered within 15000 ms') })
  })

  it('a slow answer past the client timeout: TimeoutError, and the call was answered all the same, as Graph would', async () => {
    const { graph, client } = await setUp({}, { timeoutMs: 100, maxRetries: 0 })
    // With a token cached, the client leaves the time limit to the dispatcher's headersTimeout.
    await client.calls.reject(await incoming(graph))
    const callId = await incoming(graph)
    graph.injectFault({ action: 'answer', delayMs: 10_000 })
    await expect(client.calls.answer(callId, answerParams)).rejects.toBeInstanceOf(TimeoutError)
    await vi.waitUntil(() => graph.requests.length === 2, { timeout: 10_000 })
    expect(graph.requests[1]!.status).toBeUndefined()
    await graph.waitForState(callId, 'established')
  })

  it('over loopback HTTP too: baseUrl from simulator.listen()', async () => {
    const graph = await createGraphSimulator({ callbackUri: 'https://bot.example.com/api/calls', deliver: async () => new Response(null, { status: 202 }) })
    const { baseUrl } = await graph.listen()
    const client = new CallingClient({ credential: graph.credential, baseUrl })
    closing.push(() => graph.close(), () => client.close())
    const callId = await incoming(graph)
    expect((await client.calls.answer(callId, answerParams)).status).toBe(202)
    expect((await client.calls.hangUp(callId)).status).toBe(204)
    expect(graph.requests.map((r) => r.url)).toEqual([
      `https://graph.microsoft.com/v1.0/communications/calls/${callId}/answer`,
      `https://graph.microsoft.com/v1.0/communications/calls/${callId}`,
    ])
  })
})

describe("the client's time limits on the shared ManualClock", () => {
  // The simulator holds its answer 3 s of the manual clock; the client's limit, 1 s of the same clock, must
  // stop the attempt when the clock passes it, as the real clock would, and not when the answer comes.
  const limits = [
    ['a per-call deadline', (clock: ManualClock) => ({ deadline: new Date(clock.now() + 1_000) }), {}, / was stopped at the deadline \S+ before Graph answered \(client-request-id [0-9a-f-]{36}, attempt 1\)$/],
    ['a per-call timeoutMs', () => ({ timeoutMs: 1_000 }), {}, / timed out: no answer within 1000 ms \(client-request-id [0-9a-f-]{36}, attempt 1\)$/],
    ["the client's timeoutMs", () => ({}), { timeoutMs: 1_000 }, / timed out: no answer within 1000 ms \(client-request-id [0-9a-f-]{36}, attempt 1\)$/],
  ] as const
  const cases = limits.flatMap(([name, options, clientOptions, message]) =>
    (['fetching its token', 'with its token cached'] as const).map((temperature) => [name, temperature, options, clientOptions, message] as const),
  )

  it.each(cases)('%s, %s: a TimeoutError when the clock reaches it, not the late 202', async (_, temperature, options, clientOptions, message) => {
    const clock = new ManualClock()
    const { graph, client } = await setUp({ clock }, { clock, maxRetries: 0, ...clientOptions })
    if (temperature === 'with its token cached') await client.calls.reject(await incoming(graph))
    const callId = await incoming(graph)
    graph.injectFault({ action: 'answer', delayMs: 3_000 })
    let outcome: unknown
    void client.calls.answer(callId, answerParams, options(clock)).then(
      (response) => (outcome = response.status),
      (error: unknown) => (outcome = error),
    )
    await clock.advance(999)
    expect(outcome).toBeUndefined()
    await clock.advance(1)
    expect(outcome).toBeInstanceOf(TimeoutError)
    expect((outcome as TimeoutError).message).toMatch(message)
    // The simulator's answer, 2 s later on the same clock, finds a client that gave up.
    await clock.advance(2_000)
    expect(outcome).toBeInstanceOf(TimeoutError)
    await vi.waitUntil(() => graph.requests.some((r) => r.action === 'answer'), { timeout: 10_000 })
    expect(graph.requests.find((r) => r.action === 'answer')!.status).toBeUndefined()
  })
})

describe('the keep-alive scheduler on the ManualClock of the simulator and the client', () => {
  it('keeps an established call past the 45 minutes Graph gives it, one keepAlive every 15 minutes of the clock', async () => {
    const clock = new ManualClock()
    const { graph, client } = await setUp({ clock }, { clock })
    const callId = await incoming(graph)
    await client.calls.answer(callId, answerParams)
    await graph.waitForState(callId, 'established')
    const scheduler = createKeepAliveScheduler({ send: (id) => client.calls.keepAlive(id), clock })
    closing.push(async () => scheduler.stop())
    scheduler.track(callId)
    const start = clock.now()
    const keepAlives = () => graph.requests.filter((r) => r.action === 'keepAlive')
    for (let beat = 1; beat <= 4; beat++) {
      await clock.advance(15 * 60_000)
      // The keepAlive is on its way when the clock stops; the next one is scheduled once it is answered.
      await vi.waitUntil(() => keepAlives().length === beat && clock.pendingSleeps > 0, { timeout: 10_000 })
    }
    expect(keepAlives().map((r) => [(r.at - start) / 60_000, r.status])).toEqual([
      [15, 200],
      [30, 200],
      [45, 200],
      [60, 200],
    ])
    expect(graph.call(callId).state).toBe('established')
  })
})

describe('the README Time setup: one ManualClock for the simulator and the client, a bot that verifies tokens', () => {
  it('the bot accepts every notification, before and after the clock moves, with no clock of its own', async () => {
    const callbackUri = 'https://bot.contoso.com/api/calls'
    let bot: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 })
    const deliver = (notification: Request): Promise<Response> => bot(notification)
    const clock = new ManualClock()
    const graph = await createGraphSimulator({ callbackUri, deliver, clock })
    const client = new CallingClient({ credential: graph.credential, dispatcher: graph.dispatcher, clock })
    closing.push(() => graph.close(), () => client.close())
    const failures: unknown[] = []
    bot = createNotificationHandler({
      appId: graph.signer.appId,
      verify: { openIdConfigurationUrl: graph.signer.openIdConfigurationUrl, fetch: graph.signer.fetch },
      onError: (error) => failures.push(error),
      onEvent: (event) => {
        if (event.type !== 'call.incoming') return
        return client.calls.answer(event.callId, { callbackUri, acceptedModalities: ['audio'], mediaConfig: serviceHostedMedia() })
      },
    })

    const call = await graph.placeIncomingCall()
    expect(graph.notifications.map((n) => n.status)).toEqual([202])
    await graph.waitForState(call.id, 'established')
    // 45 minutes without a keepAlive: Graph ends the call, and the bot must still accept the notification.
    await clock.advance(45 * 60_000)
    await graph.idle()
    expect(graph.notifications.map((n) => `${n.label} ${n.status}`)).toEqual(['incoming 202', 'establishing 202', 'established 202', 'terminated 202'])
    expect(graph.call(call.id).resultInfo?.code).toBe(408)
    expect(failures).toEqual([])
  })
})

describe('one big advance of the ManualClock runs each step at its own time', () => {
  it("a bot that verifies tokens, and plays a prompt once established: every notification and request dated when it was due", async () => {
    const callbackUri = 'https://bot.contoso.com/api/calls'
    let bot: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 })
    const clock = new ManualClock()
    const graph = await createGraphSimulator({ callbackUri, deliver: (n) => bot(n), clock, operationDurationMs: 2_000, notifications: { delayMs: 1_000 } })
    const client = new CallingClient({ credential: graph.credential, dispatcher: graph.dispatcher, clock })
    closing.push(() => graph.close(), () => client.close())
    bot = createNotificationHandler({
      appId: graph.signer.appId,
      verify: { openIdConfigurationUrl: graph.signer.openIdConfigurationUrl, fetch: graph.signer.fetch },
      now: () => clock.now(),
      onEvent: (event) => {
        if (event.type === 'call.incoming') return client.calls.answer(event.callId, { callbackUri, acceptedModalities: ['audio'], mediaConfig: serviceHostedMedia() })
        if (event.type === 'call.established') return client.calls.playPrompt(event.callId, { prompts: [mediaPrompt('https://cdn.example.com/hello.wav')] })
        return undefined
      },
    })
    const call = await graph.placeIncomingCall()
    await vi.waitUntil(() => clock.pendingSleeps === 2, { timeout: 5_000 })
    await clock.advance(10_000)
    await graph.idle()
    expect(graph.records.map((r) => `${r.kind === 'request' ? r.action : r.label} +${r.at - call.placedAt}`)).toEqual([
      'incoming +0',
      'answer +0',
      'establishing +1000',
      'established +1000',
      'playPrompt +1000',
      // The prompt plays for 2 s, and its notification waits the plan's 1 s.
      'operation playPrompt +4000',
    ])
  })
})

describe("graph.idle() and the bot's own work, through the delivery context", () => {
  /**
   * A bot that answers, subscribes to tones once established, and on a key press hangs up once `gate`
   * opens (work of its own first, as a bot that looks something up); `passContext` hands it the delivery's context.
   */
  async function hangingUpOnATone(passContext: boolean) {
    const callbackUri = 'https://bot.contoso.com/api/calls'
    let open!: () => void
    const gate = new Promise<void>((resolve) => (open = resolve))
    let bot: (request: Request, context?: { waitUntil?(work: Promise<unknown>): void }) => Promise<Response> = async () => new Response(null, { status: 503 })
    const graph = await createGraphSimulator({ callbackUri, deliver: (n, context) => (passContext ? bot(n, context) : bot(n)) })
    const client = new CallingClient({ credential: graph.credential, dispatcher: graph.dispatcher })
    closing.push(() => graph.close(), () => client.close())
    bot = createNotificationHandler({
      appId: graph.signer.appId,
      verify: { openIdConfigurationUrl: graph.signer.openIdConfigurationUrl, fetch: graph.signer.fetch },
      onEvent: async (event) => {
        if (event.type === 'call.incoming') return client.calls.answer(event.callId, { callbackUri, acceptedModalities: ['audio'], mediaConfig: serviceHostedMedia() })
        if (event.type === 'call.established') return client.calls.subscribeToTone(event.callId)
        if (event.type === 'call.updated' && event.call.toneInfo) return gate.then(() => client.calls.hangUp(event.callId))
        return undefined
      },
    })
    const call = await graph.placeIncomingCall()
    await vi.waitUntil(() => graph.requests.some((r) => r.action === 'subscribeToTone' && r.status === 200), { timeout: 10_000 })
    await graph.pressTone(call.id, 'tone1')
    return { graph, call, open }
  }

  it('waits for the hang-up the key press led to, and for the terminated notification it set off', async () => {
    const { graph, call, open } = await hangingUpOnATone(true)
    let idle = false
    const idling = graph.idle().then(() => (idle = true))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(idle).toBe(false)
    open()
    await idling
    expect(graph.requests.map((r) => `${r.action} ${r.status}`)).toEqual(['answer 202', 'subscribeToTone 200', 'hangUp 204'])
    expect(graph.call(call.id).state).toBe('terminated')
    expect(graph.notifications.at(-1)?.label).toBe('terminated')
  })

  it('without the context, it returns while the bot is still at work', async () => {
    const { graph, call, open } = await hangingUpOnATone(false)
    await graph.idle()
    expect(graph.requests.map((r) => r.action)).toEqual(['answer', 'subscribeToTone'])
    expect(graph.call(call.id).state).toBe('established')
    open()
    await vi.waitUntil(() => graph.call(call.id).state === 'terminated', { timeout: 10_000 })
  })
})

describe('the README Time setup: a bot that answers by respondBy dates it by the same ManualClock', () => {
  /** A bot answering with `deadline: event.respondBy`, its handler given `now` (or not); what it saw and heard. */
  async function answeringBy(clock: ManualClock, handlerClock: boolean) {
    const callbackUri = 'https://bot.contoso.com/api/calls'
    let bot: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 })
    const graph = await createGraphSimulator({ callbackUri, deliver: (n) => bot(n), clock })
    const client = new CallingClient({ credential: graph.credential, dispatcher: graph.dispatcher, clock })
    closing.push(() => graph.close(), () => client.close())
    const seen: { respondBy?: number; failures: unknown[]; answered?: Promise<unknown> } = { failures: [] }
    bot = createNotificationHandler({
      appId: graph.signer.appId,
      verify: { openIdConfigurationUrl: graph.signer.openIdConfigurationUrl, fetch: graph.signer.fetch },
      ...(handlerClock && { now: () => clock.now() }),
      onError: (error) => seen.failures.push(error),
      onEvent: (event) => {
        if (event.type !== 'call.incoming') return
        seen.respondBy = event.respondBy.getTime()
        seen.answered = client.calls.answer(event.callId, { callbackUri, acceptedModalities: ['audio'], mediaConfig: serviceHostedMedia() }, { deadline: event.respondBy })
        return seen.answered
      },
    })
    const call = await graph.placeIncomingCall()
    await seen.answered?.catch(() => undefined)
    await graph.idle()
    return { graph, call, seen }
  }

  const tomorrow = () => Date.now() + 86_400_000

  it('with now: () => clock.now(), respondBy is 15 s after the manual now, and the answer goes out', async () => {
    const clock = new ManualClock(tomorrow())
    const start = clock.now()
    const { graph, call, seen } = await answeringBy(clock, true)
    expect(seen.respondBy).toBe(start + 15_000)
    expect(graph.requests.map((r) => `${r.action} ${r.status}`)).toEqual(['answer 202'])
    expect(graph.call(call.id).state).toBe('established')
    expect(seen.failures).toEqual([])
  })

  it('without it, a manual clock ahead of the real one has passed every respondBy: the answer is never sent', async () => {
    const { graph, seen } = await answeringBy(new ManualClock(tomorrow()), false)
    expect(graph.requests).toEqual([])
    expect(seen.failures).toEqual([expect.objectContaining({ name: 'TimeoutError', message: expect.stringContaining('had passed before POST') })])
  })
})

describe("notifications.operationEndFirst: an operation's end reaches the bot before the action's answer, as Graph may", () => {
  /** A bot that verifies its notifications and feeds an operation waiter; `timeline` lists what it heard, in order. */
  async function botWith(notifications: NotificationPlan, options: Partial<GraphSimulatorOptions> = {}) {
    const callbackUri = 'https://bot.contoso.com/api/calls'
    let bot: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 })
    const graph = await createGraphSimulator({ callbackUri, deliver: (n) => bot(n), notifications, ...options })
    const client = new CallingClient({ credential: graph.credential, dispatcher: graph.dispatcher, ...(options.clock ? { clock: options.clock } : {}) })
    const waiter = createOperationWaiter()
    closing.push(() => graph.close(), () => client.close(), async () => waiter.close())
    const timeline: string[] = []
    bot = createNotificationHandler({
      appId: graph.signer.appId,
      verify: { openIdConfigurationUrl: graph.signer.openIdConfigurationUrl, fetch: graph.signer.fetch },
      onEvent: (event: CallEvent) => {
        waiter.observe(event)
        if (event.type.startsWith('operation.')) timeline.push(event.type)
      },
    })
    const callId = await incoming(graph)
    await client.calls.answer(callId, answerParams)
    await graph.waitForState(callId, 'established')
    const playPrompt = async () => {
      const answered = await client.calls.playPrompt(callId, { prompts: [mediaPrompt('https://cdn.example.com/hello.wav')], clientContext: 'hello' })
      timeline.push(`answered ${answered.status} ${answered.body?.status}`)
      return answered
    }
    return { graph, client, waiter, timeline, callId, playPrompt }
  }

  it('the completion comes first; the answer still says Running, and a wait begun after it gets the completion', async () => {
    const { graph, waiter, timeline, callId, playPrompt } = await botWith({ operationEndFirst: true })
    const answered = await playPrompt()
    expect(timeline).toEqual(['operation.completed', 'answered 200 Running'])
    const outcome = await waiter.wait(callId, answered.body!, { timeoutMs: 0 })
    expect(outcome).toMatchObject({ status: 'Completed', operationId: answered.body!.id, clientContext: 'hello' })
    expect(outcome.event?.type).toBe('operation.completed')
    const completion = graph.notifications.find((n) => n.label === 'operation playPrompt')!
    const request = graph.requests.find((r) => r.action === 'playPrompt')!
    expect(completion.at + completion.durationMs).toBeLessThanOrEqual(request.at + request.durationMs)
    expect(request.responseBody).toMatchObject({ status: 'running' })
  })

  it('without it, the answer comes first and the completion after', async () => {
    const { graph, timeline, playPrompt } = await botWith({})
    await playPrompt()
    await graph.idle()
    expect(timeline).toEqual(['answered 200 Running', 'operation.completed'])
  })

  it("the answer waits out the operation's duration on the simulator clock", async () => {
    const clock = new ManualClock()
    const { graph, timeline, playPrompt } = await botWith({ operationEndFirst: true }, { clock, operationDurationMs: 3_000 })
    const sleeping = clock.pendingSleeps
    const answering = playPrompt()
    // The operation's duration is one more sleep on the clock.
    await vi.waitUntil(() => clock.pendingSleeps > sleeping, { timeout: 10_000 })
    await clock.advance(2_999)
    expect(timeline).toEqual([])
    await clock.advance(1)
    await answering
    expect(timeline).toEqual(['operation.completed', 'answered 200 Running'])
  })

  it('a client that gives up while the answer waits never hears it; its record has no status, and the prompt was played', async () => {
    let slowBot = false
    const deliver = async () => {
      if (slowBot) await new Promise((resolve) => setTimeout(resolve, 500))
      return new Response(null, { status: 202 })
    }
    const { graph, client } = await setUp({ deliver, notifications: { operationEndFirst: true } }, { timeoutMs: 100, maxRetries: 0 })
    await client.calls.reject(await incoming(graph))
    const callId = await incoming(graph)
    await client.calls.answer(callId, answerParams)
    await graph.waitForState(callId, 'established')
    slowBot = true
    await expect(client.calls.playPrompt(callId, { prompts: [mediaPrompt('https://cdn.example.com/hello.wav')] })).rejects.toBeInstanceOf(TimeoutError)
    await graph.idle()
    await vi.waitUntil(() => graph.requests.length === 3, { timeout: 10_000 })
    expect(graph.requests.map((r) => `${r.action} ${r.status}`)).toEqual(['reject 202', 'answer 202', 'playPrompt undefined'])
    expect(graph.notifications.at(-1)).toMatchObject({ label: 'operation playPrompt', status: 202 })
  })

  it('a per-call plan can ask for it too, and other calls keep the answer first', async () => {
    const { graph, client } = await setUp()
    const first = (await graph.placeIncomingCall({ notifications: { operationEndFirst: true } })).id
    const second = await incoming(graph)
    for (const id of [first, second]) {
      await client.calls.answer(id, answerParams)
      await graph.waitForState(id, 'established')
    }
    const order: string[] = []
    for (const id of [first, second]) {
      await client.calls.playPrompt(id, { prompts: [mediaPrompt('https://cdn.example.com/hello.wav')] })
      order.push(`${id === first ? 'first' : 'second'} ${graph.notifications.some((n) => n.callId === id && n.label === 'operation playPrompt') ? 'ended' : 'running'}`)
    }
    expect(order).toEqual(['first ended', 'second running'])
  })
})

describe('a call that ends while the bot awaits its operations', () => {
  it('the waits end with CallEnded and the call\'s resultInfo; an operation that completed first keeps its completion; the simulator fails the rest', async () => {
    const callbackUri = 'https://bot.contoso.com/api/calls'
    const clock = new ManualClock()
    let bot: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 })
    const graph = await createGraphSimulator({ callbackUri, deliver: (n) => bot(n), clock, operationDurationMs: 60_000 })
    const client = new CallingClient({ credential: graph.credential, dispatcher: graph.dispatcher, clock })
    const waiter = createOperationWaiter()
    closing.push(() => graph.close(), () => client.close(), async () => waiter.close())
    bot = createNotificationHandler({
      appId: graph.signer.appId,
      verify: { openIdConfigurationUrl: graph.signer.openIdConfigurationUrl, fetch: graph.signer.fetch },
      onEvent: (event: CallEvent) => {
        waiter.observe(event)
        if (event.type === 'call.incoming') return client.calls.answer(event.callId, answerParams)
      },
    })
    const callId = await incoming(graph)
    await graph.waitForState(callId, 'established')
    const play = async (clientContext: string) =>
      (await client.calls.playPrompt(callId, { prompts: [mediaPrompt('https://cdn.example.com/hello.wav')], clientContext })).body!

    const greeting = await play('greeting')
    await clock.advance(60_000)
    await graph.idle()
    const menu = await play('menu')
    const news = await play('news')
    const waiting = waiter.wait(callId, menu)
    expect(waiter.pending).toBe(1)

    // The caller hangs up mid-prompt; endCall resolves once the bot has taken the terminated notification.
    await graph.endCall(callId)
    expect(waiter.pending).toBe(0)
    expect(await waiting).toMatchObject({
      status: 'CallEnded',
      operationId: menu.id,
      clientContext: 'menu',
      resultInfo: { code: 200, message: 'The other party hung up.' },
      event: { type: 'call.terminated', callId },
    })
    // Waits begun after the end: the greeting completed before it; the news never will.
    expect(await waiter.wait(callId, greeting)).toMatchObject({ status: 'Completed', operationId: greeting.id, event: { type: 'operation.completed' } })
    const late = waiter.wait(callId, news)
    expect(waiter.pending).toBe(0)
    expect(await late).toMatchObject({ status: 'CallEnded', operationId: news.id, clientContext: 'news' })

    // Graph's side: the prompts cut short failed with the call, and no operation end follows the call's.
    await clock.advance(60_000)
    await graph.idle()
    expect(graph.call(callId).operations.map((o) => `${o['clientContext']} ${o['status']}`)).toEqual(['greeting completed', 'menu failed', 'news failed'])
    expect(graph.notifications.map((n) => n.label)).toEqual(['incoming', 'establishing', 'established', 'operation playPrompt', 'terminated'])
  })
})
