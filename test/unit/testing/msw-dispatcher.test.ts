import { Readable } from 'node:stream'
import { http, HttpResponse } from 'msw'
import { errors, request, type Dispatcher } from 'undici'
import { describe, expect, it, vi } from 'vitest'
import { MswDispatcher } from '../../../src/testing/index.ts'

const echo = http.all('https://api.example.com/echo', async ({ request: received }) =>
  HttpResponse.json(
    {
      method: received.method,
      url: received.url,
      contentType: received.headers.get('content-type'),
      custom: received.headers.get('x-custom'),
      body: await received.text(),
    },
    { status: 201, headers: { 'x-answer': 'yes' } },
  ),
)

describe('MswDispatcher with undici request', () => {
  it('delivers method, URL, query, headers and body to the handler, and streams its response back', async () => {
    const dispatcher = new MswDispatcher([echo])
    const answer = await request('https://api.example.com/echo?a=1', {
      dispatcher,
      method: 'PATCH',
      query: { b: 'two words' },
      headers: { 'content-type': 'text/plain', 'x-custom': ['one', 'two'] },
      body: 'hello',
    })
    expect(answer.statusCode).toBe(201)
    expect(answer.headers['x-answer']).toBe('yes')
    expect(await answer.body.json()).toEqual({
      method: 'PATCH',
      url: 'https://api.example.com/echo?a=1&b=two+words',
      contentType: 'text/plain',
      custom: 'one, two',
      body: 'hello',
    })
  })

  it.each([
    ['a Buffer', () => Buffer.from('{"x":1}')],
    ['a stream', () => Readable.from([Buffer.from('{"x"'), Buffer.from(':1}')])],
    ['an async iterable', () => (async function* () { yield Buffer.from('{"x":1}') })()],
  ])('sends %s body whole', async (_name, body) => {
    const answer = await request('https://api.example.com/echo', { dispatcher: new MswDispatcher([echo]), method: 'POST', body: body() as never })
    expect(((await answer.body.json()) as { body: string }).body).toBe('{"x":1}')
  })

  it('keeps repeated response headers (set-cookie) apart', async () => {
    const dispatcher = new MswDispatcher([
      http.get('https://api.example.com/cookies', () => {
        const headers = new Headers()
        headers.append('set-cookie', 'a=1')
        headers.append('set-cookie', 'b=2')
        return new HttpResponse(null, { status: 204, headers })
      }),
    ])
    const answer = await request('https://api.example.com/cookies', { dispatcher })
    expect(answer.headers['set-cookie']).toEqual(['a=1', 'b=2'])
    await answer.body.dump()
  })

  it('streams a large body through back-pressure, byte for byte', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 7)
    for (let i = 0; i < big.length; i += 4096) big[i] = i % 251
    const dispatcher = new MswDispatcher([
      http.get('https://api.example.com/big', () => {
        const chunks = Array.from({ length: big.length / 65536 }, (_, i) => big.subarray(i * 65536, (i + 1) * 65536))
        return new HttpResponse(new ReadableStream({ pull: (c) => { const next = chunks.shift(); if (next) c.enqueue(next); else c.close() } }))
      }),
    ])
    const answer = await request('https://api.example.com/big', { dispatcher, highWaterMark: 1024 })
    const received = Buffer.from(await answer.body.arrayBuffer())
    expect(received.equals(big)).toBe(true)
  })

  it('fails clearly when no handler answers', async () => {
    const dispatcher = new MswDispatcher([echo])
    await expect(request('https://api.example.com/other', { dispatcher })).rejects.toThrow(
      'msw dispatcher: no request handler answered GET https://api.example.com/other',
    )
  })

  it('takes its handlers from a function, read on every request', async () => {
    let handlers = [echo]
    const dispatcher = new MswDispatcher(() => handlers)
    expect((await request('https://api.example.com/echo', { dispatcher })).statusCode).toBe(201)
    handlers = []
    await expect(request('https://api.example.com/echo', { dispatcher })).rejects.toThrow('no request handler answered')
  })
})

describe('aborting', () => {
  function pendingHandler() {
    let seen: Request | undefined
    let arrived = (): void => {}
    const arrival = new Promise<void>((resolve) => (arrived = resolve))
    const handler = http.get('https://api.example.com/slow', async ({ request: received }) => {
      seen = received
      arrived()
      await new Promise((resolve) => received.signal.addEventListener('abort', resolve))
      return HttpResponse.text('too late')
    })
    return { handler, arrival, seen: () => seen }
  }

  it('an abort while the handler works rejects the request and aborts the Request the handler sees', async () => {
    const { handler, arrival, seen } = pendingHandler()
    const abort = new AbortController()
    const answering = request('https://api.example.com/slow', { dispatcher: new MswDispatcher([handler]), signal: abort.signal })
    await arrival
    abort.abort(new Error('gave up'))
    await expect(answering).rejects.toThrow('gave up')
    expect(seen()!.signal.aborted).toBe(true)
  })

  it('a signal aborted before dispatch: the handler never runs', async () => {
    const { handler, seen } = pendingHandler()
    await expect(
      request('https://api.example.com/slow', { dispatcher: new MswDispatcher([handler]), signal: AbortSignal.abort() }),
    ).rejects.toThrow(/abort/i)
    expect(seen()).toBeUndefined()
  })

  it('destroy() aborts what is in flight; a closed dispatcher takes nothing new', async () => {
    const { handler, arrival } = pendingHandler()
    const dispatcher = new MswDispatcher([handler, echo])
    const answering = request('https://api.example.com/slow', { dispatcher })
    await arrival
    await dispatcher.destroy()
    await expect(answering).rejects.toBeInstanceOf(errors.ClientDestroyedError)
    await expect(request('https://api.example.com/echo', { dispatcher })).rejects.toBeInstanceOf(errors.ClientDestroyedError)

    const closing = new MswDispatcher([echo])
    await closing.close()
    await expect(request('https://api.example.com/echo', { dispatcher: closing })).rejects.toBeInstanceOf(errors.ClientClosedError)
  })
})

describe('time limits, as undici clients keep them', () => {
  it('headersTimeout: a handler too slow to answer fails the request with HeadersTimeoutError and sees its abort', async () => {
    let aborted = false
    const dispatcher = new MswDispatcher([
      http.get('https://api.example.com/slow', async ({ request: received }) => {
        // The timeout may fire before this handler runs: then the signal is already aborted.
        if (!received.signal.aborted) await new Promise((resolve) => received.signal.addEventListener('abort', resolve))
        aborted = true
        return HttpResponse.text('late')
      }),
    ])
    // Long enough for the handler to start on a loaded machine, so it is there to see the abort.
    await expect(request('https://api.example.com/slow', { dispatcher, headersTimeout: 1000 })).rejects.toBeInstanceOf(errors.HeadersTimeoutError)
    await vi.waitUntil(() => aborted, { timeout: 10_000 })
  })

  it('bodyTimeout: a body that stalls fails with BodyTimeoutError', async () => {
    const dispatcher = new MswDispatcher([
      http.get('https://api.example.com/stall', () => new HttpResponse(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('part')) }))),
    ])
    const answer = await request('https://api.example.com/stall', { dispatcher, bodyTimeout: 30 })
    await expect(answer.body.text()).rejects.toBeInstanceOf(errors.BodyTimeoutError)
  })
})

describe('handler APIs', () => {
  it('undici 8 handlers: start, response start, data, end, in that order', async () => {
    const calls: string[] = []
    const chunks: Buffer[] = []
    await new Promise<void>((resolve, reject) => {
      new MswDispatcher([echo]).dispatch({ origin: 'https://api.example.com', path: '/echo', method: 'POST', body: 'x' }, {
        onRequestStart: () => calls.push('start'),
        onResponseStart: (_c, status, headers) => calls.push(`response ${status} ${headers['x-answer']}`),
        onResponseData: (_c, chunk) => void chunks.push(chunk),
        onResponseEnd: () => {
          calls.push('end')
          resolve()
        },
        onResponseError: (_c, error) => reject(error),
      } satisfies Dispatcher.DispatchHandler)
    })
    expect(calls).toEqual(['start', 'response 201 yes', 'end'])
    expect(JSON.parse(Buffer.concat(chunks).toString()).body).toBe('x')
  })

  it('legacy handlers (onConnect, onHeaders, onData, onComplete) still work', async () => {
    const calls: string[] = []
    const chunks: Buffer[] = []
    await new Promise<void>((resolve, reject) => {
      new MswDispatcher([echo]).dispatch({ origin: 'https://api.example.com', path: '/echo', method: 'GET' }, {
        onConnect: () => calls.push('connect'),
        onHeaders: (status: number, raw: Buffer[]) => {
          calls.push(`headers ${status} ${raw.map(String).includes('x-answer')}`)
          return true
        },
        onData: (chunk: Buffer) => {
          chunks.push(chunk)
          return true
        },
        onComplete: () => {
          calls.push('complete')
          resolve()
        },
        onError: reject,
      } as never)
    })
    expect(calls).toEqual(['connect', 'headers 201 true', 'complete'])
    expect(JSON.parse(Buffer.concat(chunks).toString()).method).toBe('GET')
  })
})
