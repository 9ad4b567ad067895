import { NotificationAuthError, NotificationError, NotificationParseError, ValidationError, type Issue } from '../../errors.ts'
import type { CallEvent, ParticipantJoiningEvent } from '../../notifications/call-event.ts'
import { ANSWER_POLICY_RECORDING_WITHIN_MS } from '../../notifications/notification-event.ts'
import { parseNotificationBytes } from '../../notifications/parse-notifications.ts'
import { DEFAULT_MAX_NOTIFICATION_BYTES } from '../../notifications/read-notification-body.ts'
import type { Authenticate } from './authenticate.ts'
import { problemResponse } from './problem-response.ts'
import { declaredLength, readRequestBody, tooLarge } from './read-request-body.ts'

/**
 * The answer to a policy-based recording `participantJoiningNotification`, sent back in the HTTP response:
 * `#microsoft.graph.acceptJoinResponse`, `#microsoft.graph.rejectJoinResponse` or
 * `#microsoft.graph.inviteNewBotResponse`, with their properties.
 */
export interface ParticipantJoiningResponse {
  readonly '@odata.type': '#microsoft.graph.acceptJoinResponse' | '#microsoft.graph.rejectJoinResponse' | '#microsoft.graph.inviteNewBotResponse' | (string & {})
  readonly [property: string]: unknown
}

/**
 * What a host may pass with each request, as the handler's second argument: a serverless host's
 * `waitUntil` (Cloudflare's `ctx`, Netlify's `context`, `{ waitUntil }` from `@vercel/functions`) keeps the
 * function alive after the response until the work `onEvent` started has settled. The object is handed to
 * `onEvent` as it came, so a host's own members (bindings, a request id) reach the app too.
 */
export interface RequestContext {
  /** Called with each promise `onEvent` returns (one that never rejects: a failure goes to `onError`). */
  waitUntil?(work: Promise<unknown>): void
}

/** What the app does with the events; shared by `createNotificationHandler`'s options. */
export interface NotificationHandlerHooks {
  /**
   * Called once per event, in order, before the response is sent, with the request's context (if the host
   * gave one); the response does not wait for a promise it returns (a rejection goes to `onError`), which
   * goes to the context's `waitUntil`. For a `participant.joining` event, a join response it returns (not a
   * promise) is sent back to Graph.
   */
  onEvent?: ((event: CallEvent, context: RequestContext | undefined) => unknown) | undefined
  /**
   * Answers a `participant.joining` event: awaited (within `participantJoiningTimeoutMs`) before the
   * response, and what it returns is sent back to Graph. Called for the first joining event of a body that
   * `onEvent` did not answer, unless checking the token and reading the body left no time for it.
   */
  onParticipantJoining?: ((event: ParticipantJoiningEvent) => ParticipantJoiningResponse | undefined | Promise<ParticipantJoiningResponse | undefined>) | undefined
  /**
   * How long `onParticipantJoining` may take before the request is answered without a join response. The
   * wait also ends 4.5 s after the request arrived, whatever this says: Graph wants the join response
   * within 5 s of sending, and the time the token check and the body took counts against it. When that
   * time is already gone, the hook is not called (and `onError` hears of it).
   * @default 2_000
   */
  participantJoiningTimeoutMs?: number | undefined
  /**
   * Receives every failure: an event handler that threw or rejected (with its event), a join response that
   * came late, and every request answered with an error status (its `NotificationError`).
   * @default logs with console.error
   */
  onError?: ((error: unknown, event: CallEvent | undefined) => void) | undefined
  /**
   * The largest body accepted, in bytes.
   * @default 1_048_576 (1 MiB)
   */
  maxBytes?: number | undefined
  /**
   * The clock. It is read as each request arrives, before its token is checked or its body read, and
   * `call.incoming`'s `respondBy` and the wait for `onParticipantJoining` count from that moment: a slow
   * key fetch does not move the deadline.
   * @default Date.now
   */
  now?: (() => number | Date) | undefined
}

/** A handler of Graph's notification POSTs for any server with Web `Request` and `Response`. */
export type NotificationRequestHandler = (request: Request, context?: RequestContext) => Promise<Response>

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i

/**
 * Time kept back from Graph's deadline for a join response, for the response to travel back and because
 * Graph counts from when it sent the notification, a little before it arrived here.
 */
const JOIN_ANSWER_MARGIN_MS = 500

/** The longest delay a Node timer keeps (2^31−1 ms). */
const MAX_TIMER_MS = 2 ** 31 - 1

function msOf(time: number | Date): number {
  return typeof time === 'number' ? time : time.getTime()
}

function logError(error: unknown): void {
  console.error('graph-calling: notification handling failed:', error)
}

/**
 * The handler, given how requests are authenticated. Answers 202 once the events are handed to `onEvent`,
 * 200 with a join response for policy-based recording, and a problem response otherwise: 405 for a method
 * other than POST, 415 for a body that is not JSON, 413 for one over `maxBytes`, 401 when authentication
 * fails (no event reaches the app; the body says only that the token was refused), 400 when the body is not `commsNotifications`.
 */
export function handleNotificationsWith(authenticate: Authenticate, hooks: NotificationHandlerHooks): NotificationRequestHandler {
  const maxBytes = hooks.maxBytes ?? DEFAULT_MAX_NOTIFICATION_BYTES
  const joiningTimeoutMs = hooks.participantJoiningTimeoutMs ?? 2_000
  // A NaN from a bad environment variable would turn the size limit off, or the join wait into 1 ms.
  const issues: Issue[] = []
  if (!(Number.isInteger(maxBytes) && maxBytes >= 1)) issues.push({ path: '$.maxBytes', message: 'expected a whole number of bytes, 1 or more' })
  if (!(joiningTimeoutMs > 0 && joiningTimeoutMs <= MAX_TIMER_MS)) issues.push({ path: '$.participantJoiningTimeoutMs', message: `expected a number of milliseconds from 1 to ${MAX_TIMER_MS}` })
  if (issues.length > 0) throw new ValidationError('notification handler options', issues)
  const now = hooks.now ?? Date.now
  const onError = hooks.onError ?? logError
  const report = (error: unknown, event?: CallEvent): void => {
    try {
      onError(error, event)
    } catch {
      // An error hook that fails has nowhere left to report to; the response must still go out.
    }
  }
  const refuse = (error: NotificationError, response: Response): Response => {
    report(error)
    return response
  }

  return async (request, context) => {
    // Graph's deadline to answer runs from when it sent the notification, so the time is taken before
    // anything that may wait (signing keys fetched for the token, a body arriving slowly).
    const arrivedAt = now()
    if (request.method !== 'POST') {
      await request.body?.cancel().catch(() => {})
      const detail = `Graph posts notifications; ${request.method} is not accepted here.`
      return refuse(new NotificationError(detail, 405), problemResponse(405, { detail, headers: { allow: 'POST' } }))
    }
    const contentType = request.headers.get('content-type')
    if (contentType !== null && !JSON_TYPE.test(contentType)) {
      await request.body?.cancel().catch(() => {})
      const detail = `Expected a JSON body (Content-Type: application/json), got ${JSON.stringify(contentType.slice(0, 100))}.`
      return refuse(new NotificationError(detail, 415), problemResponse(415, { detail }))
    }
    let tenantId: string | undefined
    let events: CallEvent[]
    try {
      // A body declared too large is refused before the token is checked or a byte is read.
      if (declaredLength(request) > maxBytes) throw tooLarge(maxBytes)
      ;({ tenantId } = await authenticate(request))
      events = parseNotificationBytes(await readRequestBody(request, maxBytes), { maxBytes, now: () => arrivedAt, tenantId })
    } catch (error) {
      await request.body?.cancel().catch(() => {})
      // Anyone can post to the callback URL: the 401 says nothing of the configuration (app ids, tenants, key
      // URL) or of which check failed; the error's full message goes to onError.
      if (error instanceof NotificationAuthError) {
        return refuse(error, problemResponse(401, { detail: 'The bearer token was refused; the reason went to the onError hook.', headers: { 'www-authenticate': 'Bearer' } }))
      }
      // A body that is not notifications, or one that could not be read (a Node middleware took it), says what to fix.
      if (error instanceof NotificationError) {
        // Not a failure: the protocol's first step for some bots, after which Graph posts the call again.
        if (error.status === 204) return new Response(null, { status: 204 })
        const issues = error instanceof NotificationParseError ? error.issues : undefined
        return refuse(error, problemResponse(error.status, { detail: error.message, issues }))
      }
      report(error)
      return problemResponse(500, { detail: 'The notification could not be handled; the error went to the onError hook.' })
    }
    const joinResponse = dispatch(events, context)
    const answer = joinResponse ?? (await askForJoinResponse(events, msOf(arrivedAt)))
    if (answer === undefined) return new Response(null, { status: 202 })
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } })
  }

  /** Hands every event to `onEvent`; returns the join response it gave synchronously, if any. */
  function dispatch(events: CallEvent[], context: RequestContext | undefined): ParticipantJoiningResponse | undefined {
    let joinResponse: ParticipantJoiningResponse | undefined
    if (!hooks.onEvent) return undefined
    for (const event of events) {
      let settled: Promise<unknown> | undefined
      // The result is read inside the guard too: a `then` (or a getter) of the handler's that throws is its
      // failure, not the batch's.
      try {
        const result = hooks.onEvent(event, context)
        if (isThenable(result)) settled = Promise.resolve(result).then(undefined, (error: unknown) => report(error, event))
        else if (event.type === 'participant.joining' && joinResponse === undefined && isJoinResponse(result)) joinResponse = result
      } catch (error) {
        report(error, event)
        continue
      }
      // Called as a method: a host's own `waitUntil` may need its `this`.
      if (settled && context?.waitUntil) {
        try {
          context.waitUntil(settled)
        } catch (error) {
          report(error, event)
        }
      }
    }
    return joinResponse
  }

  /**
   * Awaits `onParticipantJoining` for the body's first joining event, up to the time limit and never past
   * Graph's deadline (less the margin) counted from `arrivedAtMs`.
   */
  async function askForJoinResponse(events: CallEvent[], arrivedAtMs: number): Promise<ParticipantJoiningResponse | undefined> {
    const hook = hooks.onParticipantJoining
    const event = hook && events.find((e): e is ParticipantJoiningEvent => e.type === 'participant.joining')
    if (!hook || !event) return undefined
    const spentMs = msOf(now()) - arrivedAtMs
    const waitMs = Math.min(joiningTimeoutMs, ANSWER_POLICY_RECORDING_WITHIN_MS - JOIN_ANSWER_MARGIN_MS - spentMs)
    if (waitMs <= 0) {
      const detail = `onParticipantJoining was not called: ${spentMs} ms had gone since the request arrived (its token check and body), leaving nothing of the ${ANSWER_POLICY_RECORDING_WITHIN_MS} ms Graph allows for a join response; Graph was answered without one`
      report(new NotificationError(detail, 202), event)
      return undefined
    }
    let timer: ReturnType<typeof setTimeout> | undefined
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), waitMs)
    })
    try {
      const answer = await Promise.race([Promise.resolve().then(() => hook(event)), late])
      if (answer === 'late') {
        const limit = waitMs < joiningTimeoutMs ? ` (what was left of the ${ANSWER_POLICY_RECORDING_WITHIN_MS} ms Graph allows, after the token check and body)` : ''
        report(new NotificationError(`onParticipantJoining gave no answer within ${waitMs} ms${limit}; Graph was answered without a join response`, 202), event)
        return undefined
      }
      if (answer === undefined || isJoinResponse(answer)) return answer
      report(new NotificationError('onParticipantJoining returned something other than a join response object; Graph was answered without one', 202), event)
      return undefined
    } catch (error) {
      report(error, event)
      return undefined
    } finally {
      clearTimeout(timer)
    }
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'
}

function isJoinResponse(value: unknown): value is ParticipantJoiningResponse {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { '@odata.type'?: unknown })['@odata.type'] === 'string'
}
