import type { IncomingMessage, ServerResponse } from 'node:http'
import { bodyReadElsewhereStream } from './body-read-elsewhere.ts'

/** A request body an Express-style middleware read before us (`express.raw`, `express.text`, `express.json`). */
type ReadBefore = { body?: unknown }

/**
 * A Web `Request` for a `node:http` request. The body streams from the socket as the handler reads it
 * (with back-pressure), so a handler that stops reading (a body over its size limit) stops the upload too.
 * The request's signal aborts when the client goes away before the response is sent.
 */
export function requestFromNode(req: IncomingMessage, res: ServerResponse): { request: Request; bodyLeftUnread: () => boolean } {
  const headers = new Headers()
  const raw = req.rawHeaders
  for (let i = 0; i + 1 < raw.length; i += 2) {
    // HTTP/2 pseudo-headers (":path") are not headers a Request can hold.
    if (!raw[i]!.startsWith(':')) headers.append(raw[i]!, raw[i + 1]!)
  }
  const controller = new AbortController()
  res.once('close', () => {
    if (!res.writableFinished) controller.abort()
  })
  const method = req.method ?? 'GET'
  let unread = method !== 'GET' && method !== 'HEAD'
  let body: RequestInit['body'] = null
  const early = (req as IncomingMessage & ReadBefore).body
  if (unread && req.readableEnded) {
    // Its 'end' is gone: what was read is on req.body; else a body declared empty lost nothing to whoever
    // read it, and any other was taken by a middleware that kept it elsewhere.
    if (early !== undefined) body = bodyReadBefore(early, headers)
    else if (req.headers['content-length'] !== '0') body = bodyReadElsewhereStream()
    unread = false
  } else if (unread) {
    // Set once the stream is closed, failed or cancelled: the socket may still deliver data after that.
    let settled = false
    const onData = (chunk: Buffer | string): void => {
      if (settled) return
      stream.enqueue(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
      if ((stream.desiredSize ?? 0) <= 0) req.pause()
    }
    let stream!: ReadableStreamDefaultController<Uint8Array>
    body = new ReadableStream<Uint8Array>({
      start(controller) {
        stream = controller
        req.on('data', onData)
        req.once('end', () => {
          unread = false
          if (!settled) stream.close()
          settled = true
        })
        req.once('error', (error) => {
          if (!settled) stream.error(error)
          settled = true
        })
      },
      pull() {
        req.resume()
      },
      cancel() {
        settled = true
        req.off('data', onData)
        req.pause()
      },
    })
  }
  const init: RequestInit & { duplex?: 'half' } = { method, headers, body, signal: controller.signal }
  if (body instanceof ReadableStream) init.duplex = 'half'
  return { request: new Request(urlOf(req), init), bodyLeftUnread: () => unread && !req.readableEnded }
}

function urlOf(req: IncomingMessage): string {
  const host = req.headers.host ?? 'localhost'
  let url: URL
  try {
    url = new URL(req.url ?? '/', `http://${host}`)
  } catch {
    url = new URL(req.url ?? '/', 'http://localhost')
  }
  // A Web Request refuses a URL with credentials, which a client controls (`Host: a@b`, or an absolute
  // target `http://user:pw@host/`): they name nobody the handler needs.
  url.username = ''
  url.password = ''
  return url.href
}

/** The body a middleware already read: its bytes, or the JSON of the object it parsed. */
function bodyReadBefore(body: unknown, headers: Headers): NonNullable<RequestInit['body']> {
  headers.delete('content-length')
  if (typeof body === 'string' || body instanceof Uint8Array) return body
  try {
    return JSON.stringify(body)
  } catch (error) {
    // JSON.stringify recurses: a body JSON.parse read (it does not recurse) can be too deep for it.
    if (!(error instanceof RangeError)) throw error
    return deepJsonText(body)
  }
}

/** Punctuation on the stack of `deepJsonText`, told apart from the values by its class. */
class Punctuation {
  readonly text: string
  constructor(text: string) {
    this.text = text
  }
}

const COMMA = new Punctuation(',')
const CLOSE_ARRAY = new Punctuation(']')
const CLOSE_OBJECT = new Punctuation('}')

/** The JSON text of a value parsed from JSON, written with a stack instead of recursion. */
function deepJsonText(root: unknown): string {
  const out: string[] = []
  const stack: unknown[] = [root]
  while (stack.length > 0) {
    const next = stack.pop()
    if (next instanceof Punctuation) out.push(next.text)
    else if (Array.isArray(next)) {
      out.push('[')
      stack.push(CLOSE_ARRAY)
      for (let i = next.length - 1; i >= 0; i--) {
        stack.push(next[i])
        if (i > 0) stack.push(COMMA)
      }
    } else if (typeof next === 'object' && next !== null) {
      const entries = Object.entries(next)
      out.push('{')
      stack.push(CLOSE_OBJECT)
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, value] = entries[i]!
        stack.push(value, new Punctuation(`${i > 0 ? ',' : ''}${JSON.stringify(key)}:`))
      }
    } else out.push(JSON.stringify(next) ?? 'null')
  }
  return out.join('')
}
