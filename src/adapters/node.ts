/** `graph-calling/node`: the notification handler as a `node:http` request listener. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { NotificationRequestHandler } from './web.ts'
import { requestFromNode } from './node/request-from-node.ts'
import { writeNodeResponse } from './node/write-node-response.ts'

export { NotificationError, NotificationParseError, NotificationAuthError } from '../errors.ts'
export type { NotificationRequestHandler } from './web.ts'

/** A `node:http` request listener; Express and Connect call it as middleware too. */
export type NodeRequestListener = (req: IncomingMessage, res: ServerResponse) => void

/**
 * Turns a Web handler (such as `createNotificationHandler`'s) into a `node:http` listener:
 * `http.createServer(toNodeListener(handler))`, or `app.post('/calls', toNodeListener(handler))` in Express.
 * The body streams to the handler, which enforces its size limit; a handler that fails unexpectedly is
 * answered with 500. A request whose body a middleware read and did not leave on `req.body` reaches the
 * handler with a body that fails to read: the handler answers 500, saying how to mount it, and tells `onError`.
 */
export function toNodeListener(handler: NotificationRequestHandler): NodeRequestListener {
  return (req, res) => {
    void respond(handler, req, res)
  }
}

/** Methods a Web `Request` cannot be made with: the listener answers them itself, as the handler would. */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK'])

async function respond(handler: NotificationRequestHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (FORBIDDEN_METHODS.has((req.method ?? '').toUpperCase())) {
    req.resume()
    res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain; charset=utf-8', connection: 'close' })
    res.end(`Graph posts notifications; ${req.method} is not accepted here.`)
    return
  }
  try {
    const { request, bodyLeftUnread } = requestFromNode(req, res)
    const response = await handler(request)
    const unread = bodyLeftUnread()
    // Whatever the handler did not read is discarded, and the connection closed after the response.
    if (unread) req.resume()
    await writeNodeResponse(response, res, unread)
  } catch {
    if (!res.headersSent) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' })
      res.end('The notification handler failed.')
    } else {
      res.destroy()
    }
  }
}
