import type { Dispatcher } from 'undici'
import type { ResponseHeaders } from './graph-api-error.ts'
import { TimeLimits, type TimeLimit } from './time-limits.ts'

/** A whole response: its status line, its headers and its body as text. */
export interface Exchange {
  readonly statusCode: number
  readonly statusText: string
  readonly headers: ResponseHeaders
  /** The body decoded as UTF-8; `''` when there was none. */
  readonly text: string
}

/** What the caller of `exchange` decides about a response while it comes. */
export interface ExchangeHooks {
  /** Hears the final status and its headers as soon as they arrive, before the body. */
  onStatus(statusCode: number, headers: ResponseHeaders): void
  /**
   * What to do with the body of an answer with this status: `read` it (a failure rejects), read it if it
   * comes whole (`optional`: a failure gives the answer with no body), or `skip` it (it cannot fail).
   */
  body(statusCode: number): BodyHandling
}

/** How `exchange` treats a response body: see `ExchangeHooks.body`. */
export type BodyHandling = 'read' | 'optional' | 'skip'

/** What `exchange` rejects with when its time limit passes first. */
export class ExchangeTimeoutError extends Error {
  override name = 'TimeoutError'
  constructor(ms: number) {
    super(`no response within ${ms} ms`)
  }
}

/** The time limits of every exchange in the process, on one timer. */
const limits = new TimeLimits()

/** How much of a skipped body is read, so that the connection can serve again, before it is closed instead. */
const SKIPPED_BODY_LIMIT = 128 * 1024
/**
 * The most of an error answer's body that is read: Graph's error bodies are a few hundred bytes, and the
 * error quotes at most 16 KiB of one. The rest of a longer one (a proxy's page) is not read.
 */
export const ERROR_BODY_LIMIT = 64 * 1024
/** The longest answer body read whole: Graph's largest (a roster page) are far smaller. */
export const RESPONSE_BODY_LIMIT = 32 * 1024 * 1024

/** What `exchange` rejects with when a body it must read whole is longer than `RESPONSE_BODY_LIMIT`. */
export class ResponseTooLargeError extends Error {
  override name = 'ResponseTooLargeError'
  constructor() {
    super(`the answer's body is longer than ${RESPONSE_BODY_LIMIT} bytes, the most read`)
  }
}

/**
 * Sends one request with `dispatcher.dispatch` and resolves once its response has been read to the end
 * (or, for a body the hooks skip, once it has ended or failed). The hooks hear the status before the body:
 * a failure while the body is read still lets the caller know the request was accepted. Rejects with
 * undici's error; with the signal's reason as soon as it aborts, or with an `ExchangeTimeoutError` once
 * `timeoutMs` has passed, whatever the request is doing then (waiting for a connection, connecting, sent,
 * reading the body).
 */
export function exchange(
  dispatcher: Dispatcher,
  options: Dispatcher.DispatchOptions,
  signal: AbortSignal | undefined,
  hooks: ExchangeHooks,
  timeoutMs?: number,
): Promise<Exchange> {
  // undici's `request()` gives every response a stream and an async resource of its own; an answer from
  // Graph is a status and a few hundred bytes, so reading it straight from the callbacks costs far less.
  return new Promise<Exchange>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    let controller: Dispatcher.DispatchController | undefined
    let statusCode = 0
    let statusText = ''
    let headers: ResponseHeaders = {}
    let chunks: Buffer[] | undefined
    let handling: BodyHandling = 'read'
    let skipped = 0
    let received = 0
    let settled = false
    // Why the exchange was stopped; undici hears it as soon as it gives a controller (it gives none
    // while the request waits for a connection or while that connection is being made).
    let stopped: Error | undefined
    let limit: TimeLimit | undefined
    const settle = () => {
      settled = true
      signal?.removeEventListener('abort', onAbort)
      limit?.cancel()
    }
    const stop = (reason: Error) => {
      if (settled) return
      settle()
      stopped = reason
      reject(reason)
      controller?.abort(reason)
    }
    const onAbort = () => stop(signal!.reason)
    signal?.addEventListener('abort', onAbort, { once: true })
    if (timeoutMs !== undefined) limit = limits.start(timeoutMs, () => stop(new ExchangeTimeoutError(timeoutMs)))
    const answer = () => {
      settle()
      const text = chunks === undefined ? '' : chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')
      resolve({ statusCode, statusText, headers, text })
    }
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(started) {
        controller = started
        // Stopped while the request waited for a connection: it is not sent.
        if (stopped !== undefined) started.abort(stopped)
      },
      onResponseStart(_controller, status, responseHeaders, message) {
        // 1xx answers are interim; the final one follows.
        if (status < 200) return
        statusCode = status
        statusText = message ?? ''
        headers = responseHeaders as ResponseHeaders
        hooks.onStatus(status, headers)
        handling = hooks.body(status)
      },
      onResponseData(_controller, chunk) {
        if (settled) return
        if (handling !== 'skip') {
          received += chunk.length
          if (chunks === undefined) chunks = [chunk]
          else chunks.push(chunk)
          // Memory stays bounded whatever a server (or a proxy before Graph) sends.
          if (statusCode >= 300 && received > ERROR_BODY_LIMIT) {
            answer()
            controller?.abort(new Error('the rest of the error body is not read'))
          } else if (received > RESPONSE_BODY_LIMIT) {
            // A body wanted only whole is let go, as when it breaks; one that must be read fails the exchange.
            if (handling === 'optional') {
              chunks = undefined
              answer()
              controller?.abort(new ResponseTooLargeError())
            } else stop(new ResponseTooLargeError())
          }
        } else if ((skipped += chunk.length) > SKIPPED_BODY_LIMIT) {
          answer()
          controller?.abort(new Error('the skipped response body is too long to read through'))
        }
      },
      onResponseEnd() {
        if (!settled) answer()
      },
      onResponseError(_controller, error) {
        if (settled) return
        // A body that does not matter, or that matters only when it comes whole, may fail: the answer is its status.
        if (handling === 'skip') answer()
        else if (handling === 'optional') {
          chunks = undefined
          answer()
        } else {
          settle()
          reject(error)
        }
      },
    }
    try {
      dispatcher.dispatch(options, handler)
    } catch (error) {
      settle()
      reject(error)
    }
  })
}
