import { NotificationError } from '../../errors.ts'

/**
 * The error a request is answered with (500) when a middleware read its body to the end and kept it
 * somewhere other than `req.body` (koa-bodyparser on `ctx.request.body`, others on `req.rawBody`): there is
 * nothing left to stream, and waiting for the body would wait forever. It says how to set the server up instead.
 */
function bodyReadElsewhereError(): NotificationError {
  return new NotificationError(
    'The request body was read by a body-parsing middleware before the notification handler, and not left on req.body, so the notification cannot be read. Mount the handler before any body-parsing middleware (or leave its route out of it), or have the middleware leave the raw body on req.body (as express.raw does).',
    500,
  )
}

/** A body stream that fails at once with `bodyReadElsewhereError`: the handler answers it and tells its `onError`. */
export function bodyReadElsewhereStream(): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.error(bodyReadElsewhereError())
    },
  })
}
