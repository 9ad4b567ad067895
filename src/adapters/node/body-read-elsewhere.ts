import type { IncomingMessage } from 'node:http'
import { problemResponse } from '../web/problem-response.ts'

/**
 * Whether a middleware has read the request's body to its end and kept it somewhere other than `req.body`
 * (koa-bodyparser on `ctx.request.body`, others on `req.rawBody`): there is nothing left to stream, and
 * waiting for the body would wait forever.
 */
export function bodyReadElsewhere(req: IncomingMessage): boolean {
  if (req.method === 'GET' || req.method === 'HEAD' || !req.readableEnded) return false
  // A body declared empty loses nothing to whoever read it.
  return (req as IncomingMessage & { body?: unknown }).body === undefined && req.headers['content-length'] !== '0'
}

/** The answer to a request whose body `bodyReadElsewhere`: 500, saying how to set the server up instead. */
export function bodyReadElsewhereResponse(): Response {
  return problemResponse(500, {
    detail:
      'The request body was read by a body-parsing middleware before the notification handler, and not left on req.body, so the notification cannot be read. Mount the handler before any body-parsing middleware (or leave its route out of it), or have the middleware leave the raw body on req.body (as express.raw does).',
  })
}
