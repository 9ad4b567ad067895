import { NotificationError, NotificationParseError } from '../../errors.ts'

/**
 * Reads a request body of at most `maxBytes`, stopping (cancelling the stream) as soon as more arrives than
 * allowed. Throws `NotificationParseError` with status 413 when the body is too large, and a
 * `NotificationError` (400) when the client closed the connection before sending the whole body.
 */
export async function readRequestBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0)
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    let chunk: Awaited<ReturnType<typeof reader.read>>
    try {
      chunk = await reader.read()
    } catch (error) {
      // A stream that says itself why it cannot be read (a body a middleware kept elsewhere) keeps its word.
      if (error instanceof NotificationError) throw error
      // Otherwise the sender's doing, not the handler's: named as such, so that an app's error hook can tell it from a fault.
      throw new NotificationError(`The connection closed after ${total} bytes of the body.`, 400, { cause: error })
    }
    const { done, value } = chunk
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => {})
      throw tooLarge(maxBytes)
    }
    chunks.push(value)
  }
  if (chunks.length === 1) return chunks[0]!
  const body = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}

/** The request's `Content-Length`, or -1 when it has none (a chunked body). */
export function declaredLength(request: Request): number {
  const header = request.headers.get('content-length')
  if (header === null || !/^\d+$/.test(header.trim())) return -1
  return Number(header)
}

/** The error a body over `maxBytes` is refused with (413). */
export function tooLarge(maxBytes: number): NotificationParseError {
  return new NotificationParseError([{ path: '$', message: `expected a body of at most ${maxBytes} bytes (the maxBytes option)` }], 413)
}
