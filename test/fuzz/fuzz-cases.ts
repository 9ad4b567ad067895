/**
 * One fuzz case, end to end: hand a body to `parseNotifications` or to the web handler, bounded in time,
 * and check the outcome against the oracle and the built-in prototypes. Shared by the fuzz tests and
 * `scripts/fuzz-long.ts`.
 */
import assert from 'node:assert/strict'
import { NotificationError, NotificationParseError } from '../../src/errors.ts'
import { createNotificationHandler, type NotificationHandlerOptions } from '../../src/adapters/web.ts'
import { parseNotifications, type CallEvent, type ParseNotificationsOptions } from '../../src/notifications/index.ts'
import { checkEvents, checkOutcome, checkPrototypes, expectedOutcome, objectOutcome, sameJson, type Actual, type PrototypeSnapshot } from './oracle.ts'

/** The longest one case may take before it counts as a hang: generous, for a busy 2-core machine. */
export const CASE_BOUND_MS = 5_000

/** When every fuzzed body arrives; fixed, so that `respondBy` never depends on the clock. */
export const RECEIVED_AT = new Date('2026-01-01T00:00:00.000Z')

/** A short description of a body for failure messages. */
export function describeBody(body: unknown): string {
  if (typeof body === 'string') return `text of ${body.length} chars: ${JSON.stringify(body.slice(0, 120))}`
  if (body instanceof Uint8Array) return `${body.byteLength} bytes: [${Array.from(body.subarray(0, 40)).join(',')}]`
  return 'a parsed object'
}

/**
 * Parses `body` (text or bytes) and checks: the events or the typed error the oracle expects, no built-in
 * prototype changed, and no more than `boundMs` spent.
 */
export function checkParse(body: string | Uint8Array, snapshot: PrototypeSnapshot, options: ParseNotificationsOptions = {}, boundMs = CASE_BOUND_MS): void {
  const maxBytes = options.maxBytes ?? 1024 * 1024
  const what = describeBody(body)
  const start = performance.now()
  let actual: Actual
  try {
    actual = { events: parseNotifications(body, { receivedAt: RECEIVED_AT, ...options }) }
  } catch (error) {
    actual = { error }
  }
  const ms = performance.now() - start
  checkPrototypes(snapshot, what)
  assert.ok(ms < boundMs, `${what}: took ${Math.round(ms)} ms`)
  checkOutcome(actual, expectedOutcome(body, maxBytes), what)
}

/**
 * Parses the object JSON.parse makes of `text` (when it parses) and checks: one event per item, each
 * keeping its item, or a typed 400 when the object is no envelope; the object itself left unchanged.
 */
export function checkParseObject(text: string, snapshot: PrototypeSnapshot, boundMs = CASE_BOUND_MS): void {
  // A parsed object has no size limit of its own (the framework that parsed it had one): past the handler's
  // default limit, the cost is the body's, not the parser's.
  if (text.length > 1024 * 1024) return
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return
  }
  if (typeof body !== 'object' || body === null) return
  const what = `the object of ${describeBody(text)}`
  const start = performance.now()
  let actual: Actual
  try {
    actual = { events: parseNotifications(body, { receivedAt: RECEIVED_AT, maxBytes: Number.MAX_SAFE_INTEGER }) }
  } catch (error) {
    actual = { error }
  }
  const ms = performance.now() - start
  checkPrototypes(snapshot, what)
  assert.ok(ms < boundMs, `${what}: took ${Math.round(ms)} ms`)
  checkOutcome(actual, Array.isArray(body) ? { status: 400 } : objectOutcome(body), what)
  assert.ok(sameJson(body, JSON.parse(text)), `${what}: the parser changed its input`)
}

/** A handler under fuzzing, with what it handed to the app. */
export interface HandlerUnderTest {
  readonly handle: (request: Request) => Promise<Response>
  /** Events `onEvent` received since the last case. */
  readonly delivered: CallEvent[]
  /** What `onError` received since the last case. */
  readonly reported: unknown[]
  /** The tenant every event must carry (the verified token's), or undefined without verification. */
  readonly tenantId: string | undefined
}

/** A `createNotificationHandler` whose events and errors are collected for checking. */
export function handlerUnderTest(options: Pick<NotificationHandlerOptions, 'appId' | 'verify' | 'maxBytes'>, tenantId?: string): HandlerUnderTest {
  const delivered: CallEvent[] = []
  const reported: unknown[] = []
  const handle = createNotificationHandler({
    ...options,
    now: () => RECEIVED_AT,
    onEvent: (event) => void delivered.push(event),
    onError: (error) => void reported.push(error),
  })
  return { handle, delivered, reported, tenantId }
}

/** Rejects after `ms`: a case that has not ended by then is a hang. */
function hangAfter(ms: number, what: string): { promise: Promise<never>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)
  })
  return { promise, cancel: () => clearTimeout(timer) }
}

/** What a case posts besides its body, and how long its answer may take. */
export interface PostOptions {
  readonly authorization?: string | undefined
  readonly contentType?: string | undefined
  /** @default CASE_BOUND_MS */
  readonly boundMs?: number | undefined
}

/**
 * Posts `body` to the handler and checks its answer: 202 with every item delivered as an event (nothing
 * reported), or the 400 / 413 the oracle expects as `application/problem+json` with the one
 * `NotificationParseError` reported and nothing delivered, or its 204 with no body and nothing reported;
 * never another status, never a hang.
 */
export async function checkHandler(subject: HandlerUnderTest, body: string | Uint8Array, snapshot: PrototypeSnapshot, maxBytes: number, post: PostOptions = {}): Promise<void> {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body
  const what = describeBody(body)
  const response = await postBody(subject, bytes, post, what)
  checkPrototypes(snapshot, what)
  const expected = expectedOutcome(bytes, maxBytes)!
  if ('items' in expected) {
    assert.equal(response.status, 202, `${what}: answered ${response.status} ${await response.text()}`)
    assert.deepEqual(subject.reported, [], `${what}: reported an error`)
    checkEvents(subject.delivered, expected.items, what)
    for (const event of subject.delivered) assert.equal(event.tenantId, subject.tenantId, `${what}: an event without the verified tenant`)
    return
  }
  assert.equal(response.status, expected.status, `${what}: answered ${response.status}, expected ${expected.status}`)
  if (expected.status === 204) {
    // The first step of the protocol for a call in the legacy format, not a failure: nothing is reported.
    assert.equal(await response.text(), '', `${what}: a 204 with a body`)
    assert.deepEqual([subject.delivered.length, subject.reported.length], [0, 0], `${what}: delivered or reported on a 204`)
    return
  }
  await checkProblem(response, expected.status, what)
  assert.equal(subject.delivered.length, 0, `${what}: delivered events from a refused body`)
  assert.equal(subject.reported.length, 1, `${what}: reported ${subject.reported.length} errors`)
  const [error] = subject.reported
  assert.ok(error instanceof NotificationParseError && error.status === expected.status, `${what}: reported ${String(error)}`)
}

/** Posts to the handler and resolves with its answer, failing the case when none comes within the bound. */
export async function postBody(subject: HandlerUnderTest, bytes: Uint8Array, post: PostOptions, what: string): Promise<Response> {
  subject.delivered.length = 0
  subject.reported.length = 0
  const headers: Record<string, string> = { 'content-type': post.contentType ?? 'application/json' }
  if (post.authorization !== undefined) headers.authorization = post.authorization
  const request = new Request('https://bot.contoso.com/api/calls', { method: 'POST', body: bytes, headers })
  const hang = hangAfter(post.boundMs ?? CASE_BOUND_MS, what)
  try {
    return await Promise.race([subject.handle(request), hang.promise])
  } finally {
    hang.cancel()
  }
}

/** Checks a problem response: its content type, and a JSON body that states the status. */
export async function checkProblem(response: Response, status: number, what: string): Promise<void> {
  assert.equal(response.headers.get('content-type'), 'application/problem+json', `${what}: content-type`)
  const problem = (await response.json()) as { status?: unknown; detail?: unknown }
  assert.equal(problem.status, status, `${what}: problem status`)
  assert.equal(typeof problem.detail, 'string', `${what}: problem detail`)
}

/**
 * Posts with `authorization` or `contentType` that may be wrong, and checks: a refusal (401 for the token,
 * 415 for the type) delivers nothing and reports one `NotificationError` of that status; anything else is
 * checked as `checkHandler` does.
 */
export async function checkHeaders(subject: HandlerUnderTest, body: string, snapshot: PrototypeSnapshot, post: PostOptions): Promise<number> {
  const what = `authorization ${JSON.stringify(post.authorization?.slice(0, 80))}, content-type ${JSON.stringify(post.contentType?.slice(0, 80))}`
  const response = await postBody(subject, new TextEncoder().encode(body), post, what)
  checkPrototypes(snapshot, what)
  if (response.status === 401 || response.status === 415) {
    await checkProblem(response, response.status, what)
    assert.equal(subject.delivered.length, 0, `${what}: delivered events of a refused request`)
    assert.equal(subject.reported.length, 1, `${what}: reported ${subject.reported.length} errors`)
    assert.ok(subject.reported[0] instanceof NotificationError && subject.reported[0].status === response.status, `${what}: reported ${String(subject.reported[0])}`)
  } else {
    assert.equal(response.status, 202, `${what}: answered ${response.status}`)
    assert.deepEqual(subject.reported, [])
  }
  return response.status
}
