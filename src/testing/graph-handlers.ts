import { http, type HttpHandler } from 'msw'
import { ValidationError } from '../index.ts'
import type { CallControl } from './call-control.ts'
import type { FaultList } from './fault-injection.ts'
import { graphErrorResponse } from './graph-error-response.ts'
import { graphRoutes, type ActionOutcome, type GraphRoute, type RouteIds } from './graph-routes.ts'
import type { SimulatorClock } from './simulator-clock.ts'
import { redactedHeaders, type RecordLog } from './simulator-records.ts'

/** What the request handlers work with. */
export interface GraphHandlerContext {
  readonly baseUrl: string
  readonly control: CallControl
  readonly faults: FaultList
  readonly clock: SimulatorClock
  readonly log: RecordLog
  /** Aborted when the simulator closes: every request is then refused, and fault delays end. */
  readonly lifetime: AbortSignal
}

const API_VERSIONS = new Set(['v1.0', 'beta'])

async function readBody(request: Request): Promise<{ body: unknown; json: boolean }> {
  const text = await request.text()
  if (text === '') return { body: undefined, json: true }
  try {
    return { body: JSON.parse(text), json: true }
  } catch {
    return { body: text, json: false }
  }
}

function toResponse(outcome: ActionOutcome, clientRequestId: string | undefined, now: number, retryAfterSec?: number): Response {
  if ('code' in outcome) return graphErrorResponse({ ...outcome, clientRequestId, now, retryAfterSec })
  const headers = new Headers({ 'request-id': crypto.randomUUID() })
  if (clientRequestId !== undefined) headers.set('client-request-id', clientRequestId)
  if (outcome.body === undefined) return new Response(null, { status: outcome.status, headers })
  headers.set('content-type', 'application/json')
  return new Response(JSON.stringify(outcome.body), { status: outcome.status, headers })
}

/**
 * The simulated Graph as msw request handlers: one per route (`{baseUrl}/:version{path}`), and a last one
 * that answers anything else as Graph answers an unknown endpoint.
 */
export function createGraphHandlers(context: GraphHandlerContext): HttpHandler[] {
  const method = { GET: http.get, POST: http.post, PATCH: http.patch, DELETE: http.delete } as const
  return [
    ...graphRoutes.map((route) =>
      method[route.method](`${context.baseUrl}/:version${route.path}`, ({ request, params }) => {
        const id = (name: keyof RouteIds) => String(params[name] ?? '')
        const ids: RouteIds = { callId: id('callId'), participantId: id('participantId'), operationId: id('operationId'), groupId: id('groupId'), sessionId: id('sessionId') }
        return handle(context, request, { route, version: String(params['version']), ids })
      }),
    ),
    http.all(`${context.baseUrl}/*`, ({ request }) => handle(context, request, undefined)),
  ]
}

/** What a closed simulator answers every request with: a service that is down. */
const CLOSED = { status: 503, code: 'serviceNotAvailable', message: 'The simulated Graph is closed.' }

/**
 * Every request goes through here: bearer token, version, faults, the builder's check, then the call. Once
 * the simulator is closed, every request (one waiting out a fault's delay too) gets `503 serviceNotAvailable`.
 */
async function handle(context: GraphHandlerContext, request: Request, matched: { route: GraphRoute; version: string; ids: RouteIds } | undefined): Promise<Response> {
  const { clock } = context
  const at = clock.now()
  const finish = context.log.begin()
  const clientRequestId = request.headers.get('client-request-id') ?? undefined
  const { body, json } = await readBody(request)
  const path = new URL(request.url).pathname
  const route = matched?.route
  const callId = matched?.ids.callId || undefined
  const record = (status: number | undefined, responseBody: unknown, responseHeaders: Record<string, string> = {}): void =>
    finish({
      kind: 'request',
      at,
      durationMs: clock.now() - at,
      method: request.method,
      url: request.url,
      path,
      apiVersion: matched?.version ?? path.split('/')[1],
      action: route?.action,
      callId,
      headers: redactedHeaders(request.headers),
      body,
      status,
      responseBody,
      responseHeaders,
    })
  const answer = (outcome: ActionOutcome, retryAfterSec?: number): Response => {
    const response = toResponse(outcome, clientRequestId, clock.now(), retryAfterSec)
    const responseBody = 'code' in outcome ? { error: { code: outcome.code, message: outcome.message } } : (outcome as { body?: unknown }).body
    record(outcome.status, responseBody, Object.fromEntries(response.headers))
    return response
  }

  if (context.lifetime.aborted) return answer(CLOSED)
  const auth = request.headers.get('authorization')?.trim() ?? ''
  if (!/^Bearer \S+$/i.test(auth)) {
    const message = auth === '' ? 'Access token is empty.' : 'Access token validation failure: expected Bearer <token>.'
    return answer({ status: 401, code: 'InvalidAuthenticationToken', message })
  }
  const unknownEndpoint = { status: 400, code: 'BadRequest', message: `The simulated Graph has no endpoint for ${request.method} ${path}.` }
  if (matched === undefined || route === undefined) return answer(unknownEndpoint)
  if (!API_VERSIONS.has(matched.version)) return answer({ status: 400, code: 'BadRequest', message: `Invalid version: ${matched.version}` })
  const check = route.check[matched.version as 'v1.0' | 'beta']
  if (check === undefined) return answer(unknownEndpoint)

  /** The client gave up (abort or timeout) and never hears the answer (its record has no status); what was done stays done. */
  const unheard = (): Response => {
    record(undefined, undefined)
    return new Response(null, { status: 499 })
  }
  const fault = context.faults.take(route.action, callId)
  const delayMs = fault?.delayMs ?? 0
  /** Waits out the fault's delay; the answer to give instead when the client gave up or the simulator closed. */
  const delayed = async (): Promise<Response | undefined> => {
    if (delayMs <= 0) return undefined
    try {
      await clock.sleep(delayMs, AbortSignal.any([request.signal, context.lifetime]))
      return undefined
    } catch {
      if (context.lifetime.aborted && !request.signal.aborted) return answer(CLOSED)
      return unheard()
    }
  }
  if (fault?.error !== undefined) {
    // A slow error (a 503 that takes its time): Graph did nothing.
    return (await delayed()) ?? answer(fault.error, fault.error.retryAfterSec)
  }
  const outcome = decide(context, request, { route, ids: matched.ids, check, body, json })
  if ('answerAfter' in outcome) {
    // The operation's end is notified first; by then the client may have given up, or the simulator closed.
    await outcome.answerAfter?.catch(() => undefined)
    if (context.lifetime.aborted) return answer(CLOSED)
    if (request.signal.aborted) return unheard()
  }
  // A slow answer comes after Graph has acted on the request: a client that gives up does not undo it.
  return (await delayed()) ?? answer(outcome)
}

/** The content types Graph reads a request body as: JSON only. */
const JSON_CONTENT_TYPE = /^application\/json\s*(;|$)/i

/** What Graph does with a request that reached its route: refuses it, or acts on it. */
function decide(
  context: GraphHandlerContext,
  request: Request,
  matched: { route: GraphRoute; ids: RouteIds; check: (ids: RouteIds, body: unknown) => unknown; body: unknown; json: boolean },
): ActionOutcome {
  const { route, ids, check, body, json } = matched
  if (body !== undefined && !JSON_CONTENT_TYPE.test(request.headers.get('content-type') ?? '')) {
    return { status: 400, code: 'BadRequest', message: 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.' }
  }
  if (!json) return { status: 400, code: 'BadRequest', message: 'Unable to read JSON request payload: the body is not valid JSON.' }
  try {
    check(ids, body)
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    return { status: 400, code: 'BadRequest', message: error.message }
  }
  const callId = ids.callId || undefined
  const call = callId === undefined ? undefined : context.control.calls.get(callId)
  if (callId !== undefined && call === undefined) return { status: 404, code: 'itemNotFound', message: `Call ${callId} does not exist.` }
  return route.apply(context.control, { ids, body, call })
}
