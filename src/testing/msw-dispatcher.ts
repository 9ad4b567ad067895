import type { IncomingHttpHeaders } from 'node:http'
import { Readable } from 'node:stream'
import { getResponse, type RequestHandler } from 'msw'
import { Dispatcher, errors } from 'undici'

type Handler = Dispatcher.DispatchHandler

/** The handler callbacks of undici before version 7, still accepted here. */
interface LegacyDispatchHandler {
  onConnect?(abort: (reason?: Error) => void, context?: unknown): void
  onHeaders?(statusCode: number, rawHeaders: Buffer[], resume: () => void, statusText: string): boolean | void
  onData?(chunk: Buffer): boolean | void
  onComplete?(rawTrailers: Buffer[] | null): void
  onError?(error: Error): void
}

function rawHeaderList(headers: Headers): Buffer[] {
  return [...headers].flatMap(([name, value]) => [Buffer.from(name), Buffer.from(value)])
}

/** Adapts a legacy handler (`onConnect`, `onHeaders`, `onData`, `onComplete`, `onError`) to undici 8's callbacks. */
function fromLegacy(legacy: LegacyDispatchHandler): Handler {
  return {
    onRequestStart: (controller, context) => legacy.onConnect?.((reason) => controller.abort(reason ?? new errors.RequestAbortedError()), context),
    onResponseStart: (controller, statusCode, _headers, statusText) => {
      const raw = Array.isArray(controller.rawHeaders) ? (controller.rawHeaders as Buffer[]) : []
      if (legacy.onHeaders?.(statusCode, raw, () => controller.resume(), statusText ?? '') === false) controller.pause()
    },
    onResponseData: (controller, chunk) => {
      if (legacy.onData?.(chunk) === false) controller.pause()
    },
    onResponseEnd: () => legacy.onComplete?.([]),
    onResponseError: (_controller, error) => {
      if (legacy.onError === undefined) throw error
      legacy.onError(error)
    },
  }
}

function headersOf(value: Dispatcher.DispatchOptions['headers']): Headers {
  const headers = new Headers()
  if (value == null) return headers
  const add = (name: string, one: unknown): void => {
    if (one === undefined || one === null) return
    for (const item of Array.isArray(one) ? one : [one]) headers.append(name, String(item))
  }
  if (Array.isArray(value)) {
    // Flat [name, value, name, value, ...] list.
    for (let i = 0; i + 1 < value.length; i += 2) add(String(value[i]), value[i + 1])
  } else if (Symbol.iterator in Object(value) && typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function') {
    for (const [name, one] of value as Iterable<[string, unknown]>) add(name, one)
  } else {
    for (const [name, one] of Object.entries(value as Record<string, unknown>)) add(name, one)
  }
  return headers
}

async function bodyOf(body: Dispatcher.DispatchOptions['body']): Promise<string | Uint8Array | FormData | undefined> {
  if (body == null) return undefined
  if (typeof body === 'string' || body instanceof Uint8Array) return body
  if (body instanceof Readable || Symbol.asyncIterator in Object(body)) {
    const chunks: Buffer[] = []
    for await (const chunk of body as AsyncIterable<Buffer | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
    return Buffer.concat(chunks)
  }
  // What is left is a FormData, which a Fetch Request takes as it is.
  return body as unknown as FormData
}

function urlOf(options: Dispatcher.DispatchOptions): URL {
  if (options.origin === undefined) throw new errors.InvalidArgumentError('msw dispatcher: a request needs an origin')
  const url = new URL(options.path, options.origin)
  for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.append(name, String(value))
  return url
}

function responseHeaders(headers: Headers): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {}
  for (const [name, value] of headers) out[name] = value
  const cookies = headers.getSetCookie()
  if (cookies.length > 0) out['set-cookie'] = cookies
  return out
}

/** A timer for an undici time limit (none when it is absent or 0); it never holds the process open. */
function startTimer(ms: number | null | undefined, onTimeout: () => void): NodeJS.Timeout | undefined {
  if (ms === undefined || ms === null || ms <= 0) return undefined
  return setTimeout(onTimeout, ms).unref()
}

/** The controller undici's handlers are given: abort, pause and resume one dispatched request. */
class MswDispatchController implements Dispatcher.DispatchController {
  readonly #abortController = new AbortController()
  readonly #onAbort: (reason: Error) => void
  #paused = false
  #resumed: (() => void) | undefined
  rawHeaders: Buffer[] | null = null

  constructor(onAbort: (reason: Error) => void) {
    this.#onAbort = onAbort
  }

  get signal(): AbortSignal {
    return this.#abortController.signal
  }
  get aborted(): boolean {
    return this.#abortController.signal.aborted
  }
  get paused(): boolean {
    return this.#paused
  }
  get reason(): Error | null {
    return this.aborted ? (this.#abortController.signal.reason as Error) : null
  }
  abort(reason: Error): void {
    if (this.aborted) return
    this.#abortController.abort(reason)
    this.resume()
    this.#onAbort(reason)
  }
  pause(): void {
    this.#paused = true
  }
  resume(): void {
    this.#paused = false
    this.#resumed?.()
    this.#resumed = undefined
  }
  /** Resolves when the handler is ready for more data. */
  ready(): Promise<void> {
    if (!this.#paused) return Promise.resolve()
    return new Promise((resolve) => (this.#resumed = resolve))
  }
}

/**
 * An undici `Dispatcher` that answers every request from msw request handlers, through msw's
 * `getResponse`: no socket, no global interception. Give it to undici's `request`, or to anything that takes
 * a dispatcher. A request no handler answers fails with a clear error; aborting a request, or running past
 * its `headersTimeout` or `bodyTimeout`, aborts the `Request` the handlers see.
 */
export class MswDispatcher extends Dispatcher {
  readonly #handlers: () => readonly RequestHandler[]
  readonly #inFlight = new Set<Promise<void>>()
  readonly #controllers = new Set<MswDispatchController>()
  #closed = false
  #destroyed = false

  constructor(handlers: readonly RequestHandler[] | (() => readonly RequestHandler[])) {
    super()
    this.#handlers = typeof handlers === 'function' ? handlers : () => handlers
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler | LegacyDispatchHandler): boolean {
    const target: Handler = 'onRequestStart' in handler || 'onResponseStart' in handler ? (handler as Handler) : fromLegacy(handler as LegacyDispatchHandler)
    let failed = false
    const fail = (controller: MswDispatchController, error: Error): void => {
      if (failed) return
      failed = true
      target.onResponseError?.(controller, error)
    }
    const controller = new MswDispatchController((reason) => fail(controller, reason))
    if (this.#closed || this.#destroyed) {
      const error = this.#destroyed ? new errors.ClientDestroyedError() : new errors.ClientClosedError()
      queueMicrotask(() => fail(controller, error))
      return false
    }
    const run = this.#run(options, target, controller, (error) => fail(controller, error))
    this.#controllers.add(controller)
    this.#inFlight.add(run)
    void run.finally(() => {
      this.#inFlight.delete(run)
      this.#controllers.delete(controller)
    })
    return true
  }

  async #run(options: Dispatcher.DispatchOptions, handler: Handler, controller: MswDispatchController, fail: (error: Error) => void): Promise<void> {
    try {
      handler.onRequestStart?.(controller, {})
      if (controller.aborted) return
      const method = options.method.toUpperCase()
      const body = method === 'GET' || method === 'HEAD' ? undefined : await bodyOf(options.body)
      const request = new Request(urlOf(options), { method, headers: headersOf(options.headers), body: body ?? null, signal: controller.signal })
      withSignal(request, controller.signal)
      handler.onRequestSent?.()
      // Like undici's own clients: headersTimeout bounds the wait for the answer, bodyTimeout each gap in its body.
      const headersTimer = startTimer(options.headersTimeout, () => controller.abort(new errors.HeadersTimeoutError()))
      const response = await getResponse([...this.#handlers()], request).finally(() => clearTimeout(headersTimer))
      if (controller.aborted) return
      if (response === undefined) {
        throw new errors.UndiciError(`msw dispatcher: no request handler answered ${method} ${request.url}`)
      }
      controller.rawHeaders = rawHeaderList(response.headers)
      handler.onResponseStart?.(controller, response.status, responseHeaders(response.headers), response.statusText)
      if (response.body !== null) {
        const reader = response.body.getReader()
        controller.signal.addEventListener('abort', () => void reader.cancel().catch(() => {}), { once: true })
        for (;;) {
          const bodyTimer = startTimer(options.bodyTimeout, () => controller.abort(new errors.BodyTimeoutError()))
          const chunk = await reader.read().finally(() => clearTimeout(bodyTimer))
          if (controller.aborted) return
          if (chunk.done) break
          handler.onResponseData?.(controller, Buffer.from(chunk.value))
          await controller.ready()
        }
      }
      if (controller.aborted) return
      handler.onResponseEnd?.(controller, {})
    } catch (error) {
      if (!controller.aborted) fail(error instanceof Error ? error : new Error(String(error)))
    }
  }

  override close(): Promise<void>
  override close(callback: () => void): void
  override close(callback?: () => void): Promise<void> | void {
    this.#closed = true
    const closed = Promise.allSettled([...this.#inFlight]).then(() => undefined)
    if (callback === undefined) return closed
    void closed.then(callback)
  }

  override destroy(): Promise<void>
  override destroy(error: Error | null): Promise<void>
  override destroy(callback: () => void): void
  override destroy(error: Error | null, callback: () => void): void
  override destroy(errorOrCallback?: Error | null | (() => void), callback?: () => void): Promise<void> | void {
    const done = typeof errorOrCallback === 'function' ? errorOrCallback : callback
    const error = typeof errorOrCallback === 'function' || errorOrCallback == null ? new errors.ClientDestroyedError() : errorOrCallback
    this.#destroyed = true
    for (const controller of this.#controllers) controller.abort(error)
    const destroyed = Promise.allSettled([...this.#inFlight]).then(() => undefined)
    if (done === undefined) return destroyed
    void destroyed.then(done)
  }
}

/**
 * Makes `request`, and every clone of it (msw hands its handlers clones), expose `signal` itself. Node's
 * Request follows the signal it was made with, and a clone follows its original, only through weak
 * references that garbage collection can cut; an abort (or a time limit) must always reach the handlers.
 */
function withSignal(request: Request, signal: AbortSignal): Request {
  const clone = request.clone.bind(request)
  Object.defineProperty(request, 'signal', { value: signal })
  Object.defineProperty(request, 'clone', { value: () => withSignal(clone(), signal) })
  return request
}
