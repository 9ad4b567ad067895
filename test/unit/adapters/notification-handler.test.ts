import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { NotificationAuthError, NotificationError, NotificationParseError } from '../../../src/errors.ts'
import type { CallEvent } from '../../../src/notifications/index.ts'
import { createNotificationHandler } from '../../../src/adapters/web.ts'
import type { Authenticate } from '../../../src/adapters/web/authenticate.ts'
import { handleNotificationsWith, type NotificationHandlerHooks } from '../../../src/adapters/web/notification-handler.ts'

const fixtures = join(import.meta.dirname, '../../fixtures/notifications')
const cases = (file: string) => (JSON.parse(readFileSync(join(fixtures, file), 'utf8')) as { cases: { name: string; body: unknown }[] }).cases
const seed = cases('seed-v1.0-call-answer.json')
const edge = cases('edge-cases.json')
const mixedBatch = JSON.stringify(edge.find((c) => c.name.startsWith('a mixed batch'))!.body)
const joining = JSON.stringify(edge.find((c) => c.name.startsWith('a participantJoiningNotification'))!.body)

const post = (body: RequestInit['body'], headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  new Request('https://bot.contoso.com/api/calls', { method: 'POST', body, headers })

/** A handler that lets every request through, and records what reaches the app. */
function handler(hooks: NotificationHandlerHooks = {}, authenticate: Authenticate = async () => ({})) {
  const events: CallEvent[] = []
  const errors: { error: unknown; event: CallEvent | undefined }[] = []
  const handle = handleNotificationsWith(authenticate, {
    onEvent: (event) => {
      events.push(event)
    },
    onError: (error, event) => errors.push({ error, event }),
    ...hooks,
  })
  return { handle, events, errors }
}

/** A body stream that counts what was pulled from it and whether it was cancelled. */
function countingStream(chunks: number, chunkBytes: number) {
  const state = { pulled: 0, cancelled: false }
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === chunks) return controller.close()
      state.pulled++
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x20))
    },
    cancel() {
      state.cancelled = true
    },
  }, { highWaterMark: 0 })
  return { stream, state }
}

async function problemOf(response: Response) {
  expect(response.headers.get('content-type')).toBe('application/problem+json')
  return (await response.json()) as { type: string; title: string; status: number; detail: string; issues?: unknown }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('notification handler: accepted bodies', () => {
  it('answers 202 and hands every event of a batch to onEvent, in order', async () => {
    const { handle, events, errors } = handler()
    const response = await handle(post(mixedBatch))
    expect(response.status).toBe(202)
    expect(await response.text()).toBe('')
    expect(events.map((e) => e.type)).toEqual(['call.incoming', 'participants.updated', 'operation.completed', 'contentSharing.started', 'unknown'])
    expect(errors).toEqual([])
  })

  it.each(seed.map((c) => [c.name, c.body] as const))('accepts the seed notification: %s', async (_name, body) => {
    const { handle, events } = handler()
    expect((await handle(post(JSON.stringify(body)))).status).toBe(202)
    expect(events).toHaveLength(1)
    expect(events[0]!.type).not.toBe('unknown')
  })

  it('answers before the promises onEvent returns settle, and reports their rejections', async () => {
    let release!: () => void
    const settled: string[] = []
    const { handle, errors } = handler({
      onEvent: (event) =>
        new Promise<void>((resolve, reject) => {
          release = resolve
          if (event.type === 'participants.updated') reject(new Error('roster store down'))
        }).then(() => {
          settled.push(event.type)
        }),
    })
    const response = await handle(post(mixedBatch))
    expect(response.status).toBe(202)
    expect(settled).toEqual([])
    release()
    await vi.waitFor(() => expect(settled).toEqual(['unknown']))
    expect(errors).toHaveLength(1)
    expect(errors[0]!.error).toEqual(new Error('roster store down'))
    expect(errors[0]!.event?.type).toBe('participants.updated')
  })

  it('one failing event handler does not lose the others', async () => {
    const seen: string[] = []
    const { handle, errors } = handler({
      onEvent: (event) => {
        seen.push(event.type)
        if (event.type === 'operation.completed') throw new Error('bug in the app')
      },
    })
    expect((await handle(post(mixedBatch))).status).toBe(202)
    expect(seen).toHaveLength(5)
    expect(errors.map((e) => [(e.error as Error).message, e.event?.type])).toEqual([['bug in the app', 'operation.completed']])
  })

  it("a result whose then throws, or whose then is a getter that throws, is that event's failure, not the batch's", async () => {
    const seen: string[] = []
    const { handle, errors } = handler({
      onEvent: (event) => {
        seen.push(event.type)
        if (event.type === 'operation.completed') return { then: () => { throw new Error('then broke') } }
        if (event.type === 'participants.updated') return { get then() { throw new Error('getter broke') } }
        return undefined
      },
    })
    expect((await handle(post(mixedBatch))).status).toBe(202)
    expect(seen).toHaveLength(5)
    await new Promise((resolve) => setImmediate(resolve))
    expect(errors.map((e) => [(e.error as Error).message, e.event?.type]).sort()).toEqual([['getter broke', 'participants.updated'], ['then broke', 'operation.completed']])
  })

  it('an onError hook that throws does not break the response', async () => {
    const handle = handleNotificationsWith(async () => ({}), {
      onEvent: () => {
        throw new Error('app')
      },
      onError: () => {
        throw new Error('logger down')
      },
    })
    expect((await handle(post(mixedBatch))).status).toBe(202)
  })

  it('accepts JSON content types with parameters, +json types and a missing content type', async () => {
    const { handle } = handler()
    for (const type of ['application/json; charset=utf-8', 'Application/JSON', 'application/vnd.graph+json']) {
      expect((await handle(post(mixedBatch, { 'content-type': type }))).status).toBe(202)
    }
    expect((await handle(post(new TextEncoder().encode(mixedBatch), {}))).status).toBe(202)
  })

  it('puts the authenticated tenant on every event', async () => {
    const { handle, events } = handler({}, async () => ({ tenantId: 'tenant-7' }))
    await handle(post(mixedBatch))
    expect(events.map((e) => e.tenantId)).toEqual(Array(5).fill('tenant-7'))
  })
})

describe("notification handler: a serverless host's request context", () => {
  const body = JSON.stringify(seed[0]!.body)

  it("gives waitUntil the work onEvent started, which settles after the response, and hands onEvent the context as it came", async () => {
    const handed: Promise<unknown>[] = []
    const order: string[] = []
    let finish!: () => void
    const seenContexts: unknown[] = []
    // A host's context: its waitUntil needs its own `this`, and it carries members of its own.
    const context = {
      env: { BOT_APP_ID: 'x' },
      handed,
      waitUntil(this: { handed: Promise<unknown>[] }, work: Promise<unknown>) {
        this.handed.push(work)
      },
    }
    const { handle, errors } = handler({
      onEvent: (_, given) => {
        seenContexts.push(given)
        return new Promise<void>((resolve) => (finish = resolve)).then(() => void order.push('work done'))
      },
    })
    const response = await handle(post(body), context)
    order.push(`answered ${response.status}`)
    expect(seenContexts).toEqual([context])
    expect(handed).toHaveLength(1)
    finish()
    await handed[0]
    expect(order).toEqual(['answered 202', 'work done'])
    expect(errors).toEqual([])
  })

  it('a failure of the work goes to onError, and the promise waitUntil holds still resolves', async () => {
    const handed: Promise<unknown>[] = []
    const { handle, errors } = handler({ onEvent: async () => Promise.reject(new Error('Graph was down')) })
    expect((await handle(post(body), { waitUntil: (work) => void handed.push(work) })).status).toBe(202)
    await expect(handed[0]).resolves.toBeUndefined()
    expect(errors.map((e) => (e.error as Error).message)).toEqual(['Graph was down'])
  })

  it('gives waitUntil nothing for an event handled at once, and works with no context at all', async () => {
    const handed: Promise<unknown>[] = []
    const { handle, events } = handler({ onEvent: (event) => void events.push(event) })
    expect((await handle(post(body), { waitUntil: (work) => void handed.push(work) })).status).toBe(202)
    expect((await handle(post(body))).status).toBe(202)
    expect(handed).toEqual([])
    expect(events).toHaveLength(2)
  })

  it('a waitUntil that throws goes to onError; the response still goes out', async () => {
    const { handle, errors } = handler({ onEvent: async () => undefined })
    const response = await handle(post(body), {
      waitUntil: () => {
        throw new Error('waitUntil may only be called during the request')
      },
    })
    expect(response.status).toBe(202)
    expect(errors.map((e) => (e.error as Error).message)).toEqual(['waitUntil may only be called during the request'])
  })
})

describe('notification handler: refused requests', () => {
  it('answers 405 with Allow: POST for other methods', async () => {
    const { handle, events, errors } = handler()
    const response = await handle(new Request('https://bot.contoso.com/api/calls', { method: 'GET' }))
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
    expect(await problemOf(response)).toEqual({ type: 'about:blank', title: 'Method Not Allowed', status: 405, detail: 'Graph posts notifications; GET is not accepted here.' })
    expect(events).toEqual([])
    expect((errors[0]!.error as NotificationError).status).toBe(405)
  })

  it.each([
    [{ maxBytes: Number.NaN }, '$.maxBytes', 'expected a whole number of bytes, 1 or more'],
    [{ maxBytes: 0 }, '$.maxBytes', 'expected a whole number of bytes, 1 or more'],
    [{ maxBytes: 1.5 }, '$.maxBytes', 'expected a whole number of bytes, 1 or more'],
    [{ participantJoiningTimeoutMs: Number.NaN }, '$.participantJoiningTimeoutMs', 'expected a number of milliseconds from 1 to 2147483647'],
    [{ participantJoiningTimeoutMs: -1 }, '$.participantJoiningTimeoutMs', 'expected a number of milliseconds from 1 to 2147483647'],
    // 0 would never call the hook, and onError would blame the time the request took.
    [{ participantJoiningTimeoutMs: 0 }, '$.participantJoiningTimeoutMs', 'expected a number of milliseconds from 1 to 2147483647'],
    [{ participantJoiningTimeoutMs: 2 ** 31 }, '$.participantJoiningTimeoutMs', 'expected a number of milliseconds from 1 to 2147483647'],
  ])('refuses options it cannot keep when created: %o', (options, path, message) => {
    expect(() => createNotificationHandler({ appId: 'app', verify: false, onEvent: () => {}, ...options })).toThrow(expect.objectContaining({ name: 'ValidationError', issues: [{ path, message }] }))
  })

  it('answers 415 for a body that is not JSON', async () => {
    const { handle, events } = handler()
    const response = await handle(post('<xml/>', { 'content-type': 'text/xml' }))
    expect(response.status).toBe(415)
    expect((await problemOf(response)).detail).toBe('Expected a JSON body (Content-Type: application/json), got "text/xml".')
    expect(events).toEqual([])
  })

  it('answers 400 with the JSON path and what to fix', async () => {
    const { handle, events, errors } = handler()
    const response = await handle(post('{"value": {}}'))
    expect(response.status).toBe(400)
    expect(await problemOf(response)).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'Invalid notification body: $.value: expected an array of notifications, got an object',
      issues: [{ path: '$.value', message: 'expected an array of notifications, got an object' }],
    })
    expect(events).toEqual([])
    expect(errors[0]!.error).toBeInstanceOf(NotificationParseError)
  })

  it('answers 204 with no body to a call in the legacy Skype format, so Graph posts it again, and reports nothing', async () => {
    const { handle, events, errors } = handler()
    const legacy = { id: 'c1', participants: [{ identity: '8:skype.user', originator: true }], isMultiparty: false, presentedModalityTypes: ['audio'], callState: 'incoming' }
    const response = await handle(post(JSON.stringify(legacy)))
    expect(response.status).toBe(204)
    expect(await response.text()).toBe('')
    expect(events).toEqual([])
    expect(errors).toEqual([])
  })

  it('answers 400 for a body that is not JSON saying where it breaks, without quoting it', async () => {
    const { handle, events, errors } = handler()
    const body = '{"value": [{"recordingAccessToken": "eyJ0eXAiOiJKV1Qi.secret-part" ]}'
    const response = await handle(post(body))
    expect(response.status).toBe(400)
    const text = await response.clone().text()
    const message = "expected JSON, but line 1, column 68 needs ',' or '}'; pass the request body exactly as received"
    expect(await problemOf(response)).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: `Invalid notification body: $: ${message}`,
      issues: [{ path: '$', message }],
    })
    for (const quoted of ['eyJ', 'secret', 'recording', '{"value']) expect(text).not.toContain(quoted)
    expect(events).toEqual([])
    expect(errors).toHaveLength(1)
    expect(errors[0]!.error).toBeInstanceOf(NotificationParseError)
    expect((errors[0]!.error as Error).message).not.toContain('eyJ')
  })

  it('answers 413 from Content-Length alone, before authenticating or reading the body', async () => {
    let authenticated = 0
    const { handle } = handler({ maxBytes: 100 }, async () => {
      authenticated++
      return {}
    })
    const { stream, state } = countingStream(10, 50)
    const request = new Request('https://bot.contoso.com/api/calls', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json', 'content-length': '500' },
      duplex: 'half',
    } as RequestInit)
    const response = await handle(request)
    expect(response.status).toBe(413)
    expect((await problemOf(response)).issues).toEqual([{ path: '$', message: 'expected a body of at most 100 bytes (the maxBytes option)' }])
    expect(state.pulled).toBe(0)
    expect(authenticated).toBe(0)
  })

  it('answers 413 for a streamed body over the limit, and stops reading it', async () => {
    const { handle, events } = handler({ maxBytes: 100 })
    const { stream, state } = countingStream(1_000, 40)
    const request = new Request('https://bot.contoso.com/api/calls', { method: 'POST', body: stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit)
    const response = await handle(request)
    expect(response.status).toBe(413)
    expect(state.cancelled).toBe(true)
    expect(state.pulled).toBeLessThan(10)
    expect(events).toEqual([])
  })

  it('answers 401 with WWW-Authenticate when authentication fails, and no event reaches the app', async () => {
    const { stream, state } = countingStream(3, 10)
    const { handle, events, errors } = handler({}, async (request) => {
      throw new NotificationAuthError('missing-token', `no token on ${request.method}`)
    })
    const request = new Request('https://bot.contoso.com/api/calls', { method: 'POST', body: stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit)
    const response = await handle(request)
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toBe('Bearer')
    expect(await problemOf(response)).toMatchObject({ title: 'Unauthorized', status: 401, detail: 'The bearer token was refused; the reason went to the onError hook.' })
    expect(events).toEqual([])
    expect(state.pulled).toBe(0)
    expect(errors[0]!.error).toBeInstanceOf(NotificationAuthError)
    expect((errors[0]!.error as NotificationAuthError).message).toBe('no token on POST')
  })

  it('answers 500 when authentication fails unexpectedly, and reports it', async () => {
    const { handle, events, errors } = handler({}, async () => {
      throw new TypeError('key cache bug')
    })
    const response = await handle(post(mixedBatch))
    expect(response.status).toBe(500)
    expect((await problemOf(response)).detail).toBe('The notification could not be handled; the error went to the onError hook.')
    expect(events).toEqual([])
    expect(errors.map((e) => e.error)).toEqual([new TypeError('key cache bug')])
  })
})

describe('notification handler: policy-based recording join responses', () => {
  const accept = { '@odata.type': '#microsoft.graph.acceptJoinResponse' }

  it('sends back the join response onEvent returns, with 200', async () => {
    const { handle } = handler({ onEvent: (event) => (event.type === 'participant.joining' ? accept : undefined) })
    const response = await handle(post(joining))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toEqual(accept)
  })

  it('awaits onParticipantJoining and sends back its answer', async () => {
    const { handle, events } = handler({
      onParticipantJoining: async (event) => ({ '@odata.type': '#microsoft.graph.rejectJoinResponse', reason: `busy ${event.callId}` }),
    })
    const response = await handle(post(joining))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ '@odata.type': '#microsoft.graph.rejectJoinResponse', reason: 'busy e71f0300-9c1f-4d99-b5f4-2722e877d497' })
    expect(events.map((e) => e.type)).toEqual(['participant.joining'])
  })

  it('answers 202 without a join response when onParticipantJoining is too slow, and reports it', async () => {
    vi.useFakeTimers()
    const { handle, errors } = handler({ onParticipantJoining: () => new Promise(() => {}), participantJoiningTimeoutMs: 1_500 })
    const pending = handle(post(joining))
    await vi.advanceTimersByTimeAsync(1_500)
    const response = await pending
    expect(response.status).toBe(202)
    expect((errors[0]!.error as Error).message).toBe('onParticipantJoining gave no answer within 1500 ms; Graph was answered without a join response')
    expect(errors[0]!.event?.type).toBe('participant.joining')
  })

  it('answers 202 when onParticipantJoining fails or gives no answer', async () => {
    const failing = handler({ onParticipantJoining: async () => Promise.reject(new Error('policy store down')) })
    expect((await failing.handle(post(joining))).status).toBe(202)
    expect(failing.errors.map((e) => (e.error as Error).message)).toEqual(['policy store down'])
    const silent = handler({ onParticipantJoining: () => undefined })
    expect((await silent.handle(post(joining))).status).toBe(202)
    expect(silent.errors).toEqual([])
  })

  it('does not call onParticipantJoining for a body without a joining notification', async () => {
    const onParticipantJoining = vi.fn()
    const { handle } = handler({ onParticipantJoining })
    expect((await handle(post(mixedBatch))).status).toBe(202)
    expect(onParticipantJoining).not.toHaveBeenCalled()
  })
})

describe('notification handler: the answer deadline', () => {
  it('counts respondBy from when the request arrived, not from when its token and body were through', async () => {
    let clock = 1_000_000
    // A token check that waits 3 s (signing keys fetched on a cold cache), then a body that takes 2 s more.
    const slowAuthenticate: Authenticate = async () => {
      clock += 3_000
      return {}
    }
    const body = new TextEncoder().encode(JSON.stringify(seed[0]!.body))
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        clock += 2_000
        controller.enqueue(body)
        controller.close()
      },
    })
    const { handle, events } = handler({ now: () => clock }, slowAuthenticate)
    const response = await handle(new Request('https://bot.contoso.com/api/calls', { method: 'POST', body: stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit))
    expect(response.status).toBe(202)
    expect(clock).toBe(1_005_000)
    expect(events[0]!.type === 'call.incoming' && events[0]!.respondBy).toEqual(new Date(1_000_000 + 15_000))
  })

  it('stops waiting for onParticipantJoining 4.5 s after the request arrived, when the token check took 3 s', async () => {
    vi.useFakeTimers()
    let clock = 1_000_000
    const slowAuthenticate: Authenticate = async () => {
      clock += 3_000
      return {}
    }
    const { handle, errors } = handler({ now: () => clock, onParticipantJoining: () => new Promise(() => {}) }, slowAuthenticate)
    let answered = false
    const pending = handle(post(joining)).finally(() => {
      answered = true
    })
    await vi.advanceTimersByTimeAsync(1_499)
    expect(answered).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(answered).toBe(true)
    expect((await pending).status).toBe(202)
    expect((errors[0]!.error as Error).message).toBe(
      'onParticipantJoining gave no answer within 1500 ms (what was left of the 5000 ms Graph allows, after the token check and body); Graph was answered without a join response',
    )
  })

  it('does not call onParticipantJoining when the token check used up the time for a join response', async () => {
    let clock = 1_000_000
    const slowAuthenticate: Authenticate = async () => {
      clock += 4_500
      return {}
    }
    const onParticipantJoining = vi.fn(() => ({ '@odata.type': '#microsoft.graph.acceptJoinResponse' }))
    const { handle, events, errors } = handler({ now: () => new Date(clock), onParticipantJoining }, slowAuthenticate)
    const response = await handle(post(joining))
    expect(response.status).toBe(202)
    expect(onParticipantJoining).not.toHaveBeenCalled()
    expect(events.map((e) => e.type)).toEqual(['participant.joining'])
    expect(errors).toHaveLength(1)
    expect((errors[0]!.error as Error).message).toBe(
      'onParticipantJoining was not called: 4500 ms had gone since the request arrived (its token check and body), leaving nothing of the 5000 ms Graph allows for a join response; Graph was answered without one',
    )
    expect(errors[0]!.event?.type).toBe('participant.joining')
  })

  it('takes the arrival time from a clock that gives Dates too', async () => {
    const { handle, events } = handler({ now: () => new Date(42_000) })
    expect((await handle(post(JSON.stringify(seed[0]!.body)))).status).toBe(202)
    expect(events[0]!.type === 'call.incoming' && events[0]!.respondBy).toEqual(new Date(57_000))
  })
})

describe('createNotificationHandler', () => {
  it('with verify: false, parses and dispatches without a token', async () => {
    const events: CallEvent[] = []
    const handle = createNotificationHandler({ appId: 'app-1', verify: false, onEvent: (e) => void events.push(e), now: () => 0 })
    const response = await handle(post(JSON.stringify(seed[0]!.body)))
    expect(response.status).toBe(202)
    expect(events[0]!.type === 'call.incoming' && events[0]!.respondBy).toEqual(new Date(15_000))
  })

  it('reads an option given as undefined as absent: verify: undefined still verifies, maxBytes: undefined is 1 MiB, onError: undefined logs', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const events: CallEvent[] = []
    const handle = createNotificationHandler({ appId: 'app-1', verify: undefined, maxBytes: undefined, participantJoiningTimeoutMs: undefined, onEvent: (e) => void events.push(e), onError: undefined, now: undefined })
    const unsigned = await handle(post(JSON.stringify(seed[0]!.body)))
    expect(unsigned.status).toBe(401)
    const oversized = await handle(post('x', { 'content-type': 'application/json', 'content-length': String(1024 * 1024 + 1) }))
    expect(oversized.status).toBe(413)
    expect((await problemOf(oversized)).issues).toEqual([{ path: '$', message: 'expected a body of at most 1048576 bytes (the maxBytes option)' }])
    expect(events).toEqual([])
    expect(log.mock.calls.map(([, error]) => (error as NotificationError).status)).toEqual([401, 413])
    log.mockRestore()
  })
})
