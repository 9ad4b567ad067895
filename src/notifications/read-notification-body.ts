import { NotificationParseError } from '../errors.ts'
import { jsonPath } from './json-path.ts'
import { jsonSyntaxError } from './json-syntax-error.ts'

/** The largest body `parseNotifications` reads unless told otherwise: 1 MiB. */
export const DEFAULT_MAX_NOTIFICATION_BYTES = 1024 * 1024

/** A body's top level once it is known to be `{ value: [...] }`. */
export interface NotificationsEnvelope {
  readonly value: readonly unknown[]
  readonly [key: string]: unknown
}

const BYTE_ORDER_MARK = 0xfeff

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Reads a `commsNotifications` body given as text, bytes or an already-parsed object, parsing JSON once.
 * Throws `NotificationParseError` (413 when over `maxBytes`, 204 for a call in the legacy Skype format,
 * else 400) naming what to fix.
 */
export function readNotificationBody(body: unknown, maxBytes: number): NotificationsEnvelope {
  if (typeof body === 'object' && body !== null && !isBytes(body)) {
    const problem = nonJsonValue(body)
    if (problem) throw new NotificationParseError([problem])
    return envelopeOf(body)
  }
  return readRawNotificationBody(body, maxBytes)
}

/**
 * `readNotificationBody` for the body as it came (text or bytes) only, which is all a request handler
 * has: code that calls only this leaves out the check of an already-parsed object.
 */
export function readRawNotificationBody(body: unknown, maxBytes: number): NotificationsEnvelope {
  if (typeof body === 'string') {
    if (isOverLimit(body, maxBytes)) throw tooLarge(maxBytes)
    return envelopeOfParsed(parseJson(body, true))
  }
  if (isBytes(body)) return readNotificationBytes(body, maxBytes)
  throw new NotificationParseError([
    { path: '$', message: `expected the request body as a string, a Uint8Array or a parsed JSON object, got ${describe(body)}` },
  ])
}

/**
 * `readRawNotificationBody` for bytes only, which is what the request handlers read: their bundles leave
 * out the text path.
 */
export function readNotificationBytes(body: Uint8Array | ArrayBuffer, maxBytes: number): NotificationsEnvelope {
  if (body.byteLength > maxBytes) throw tooLarge(maxBytes)
  let text: string
  try {
    text = utf8.decode(body)
  } catch {
    throw new NotificationParseError([{ path: '$', message: 'expected UTF-8 text; the body holds bytes that are not UTF-8' }])
  }
  // The decoder has already removed a byte-order mark.
  return envelopeOfParsed(parseJson(text, false))
}

/**
 * `envelopeOf` for what `JSON.parse` returned, which is never an array with a `value` member: a body with
 * its array at `value`, as every body Graph sends, is told by one load and one check, and only another
 * body pays for the checks that name what is wrong.
 */
function envelopeOfParsed(root: unknown): NotificationsEnvelope {
  if (Array.isArray((root as { value?: unknown } | null | undefined)?.value)) return root as NotificationsEnvelope
  return envelopeOf(root)
}

function envelopeOf(root: unknown): NotificationsEnvelope {
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    throw new NotificationParseError([
      { path: '$', message: `expected a commsNotifications object such as { "value": [ ... ] }, got ${describe(root)}` },
    ])
  }
  const value = (root as { value?: unknown }).value
  if (!Array.isArray(value)) {
    // Graph may post a bot's first call in the legacy Skype format (a conversation: `id`, `participants`,
    // `presentedModalityTypes`, `callState`); answered 204, it posts the call again as commsNotifications.
    const { callState, presentedModalityTypes } = root as { callState?: unknown; presentedModalityTypes?: unknown }
    if (typeof callState === 'string' && Array.isArray(presentedModalityTypes)) {
      throw new NotificationParseError([{ path: '$', message: 'a call in the legacy Skype format; answer 204 and Graph posts it again as commsNotifications' }], 204)
    }
    throw new NotificationParseError([
      { path: '$.value', message: `expected an array of notifications, got ${value === undefined ? 'nothing' : describe(value)}` },
    ])
  }
  return root as NotificationsEnvelope
}

/** Parses JSON text; with `mayStartWithMark`, one leading byte-order mark is let go (a decoder removes it from bytes). */
function parseJson(text: string, mayStartWithMark: boolean): unknown {
  try {
    return JSON.parse(text)
  } catch {
    // A byte-order mark is not JSON; only a body that fails to parse pays to look for one.
    if (mayStartWithMark && text.charCodeAt(0) === BYTE_ORDER_MARK) return parseJson(text.slice(1), false)
    // The engine's error is dropped, not kept as the cause: it may quote the body.
    throw new NotificationParseError([{ path: '$', message: `expected JSON, but ${jsonSyntaxError(text)}; pass the request body exactly as received` }])
  }
}

/** Whether a string's UTF-8 encoding is longer than `maxBytes`, without encoding it when the answer is plain. */
function isOverLimit(text: string, maxBytes: number): boolean {
  // A UTF-16 code unit takes one to three UTF-8 bytes, so only lengths in between need counting.
  if (text.length * 3 <= maxBytes) return false
  if (text.length > maxBytes) return true
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4
      i++
    } else bytes += 3
    if (bytes > maxBytes) return true
  }
  return false
}

/**
 * Whether a value is a `Uint8Array` (a `Buffer` too) or an `ArrayBuffer`, from this realm or another: told by
 * its tag, since `instanceof` fails for bytes made in a `vm` context or a test sandbox.
 */
function isBytes(value: unknown): value is Uint8Array | ArrayBuffer {
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) return true
  if (typeof value !== 'object' || value === null) return false
  const tag = Object.prototype.toString.call(value)
  return tag === '[object Uint8Array]' || tag === '[object ArrayBuffer]'
}

function tooLarge(maxBytes: number): NotificationParseError {
  return new NotificationParseError([{ path: '$', message: `expected a body of at most ${maxBytes} bytes (the maxBytes option)` }], 413)
}

/** A value met while walking a parsed body, linked to its parent so that its path is written only when needed. */
interface Visit {
  readonly value: unknown
  readonly parent: Visit | undefined
  readonly key: string | number
}

/**
 * The first value in an already-parsed body that JSON cannot hold (a Date, a Map, a function, a cycle...):
 * such a body was built or revived by code, not read from the request, and its fields would be misread.
 * Walks with a stack, not recursion, and keeps no path per value, so even a body nested 100,000 deep is read
 * in linear time without running out of stack.
 */
function nonJsonValue(root: object): { path: string; message: string } | undefined {
  const seen = new Set<object>()
  const stack: Visit[] = [{ value: root, parent: undefined, key: '' }]
  while (stack.length > 0) {
    const visit = stack.pop()!
    const { value } = visit
    const kind = typeof value
    // JSON.parse reads an out-of-range number (1e999) as Infinity, so only NaN shows a value JSON never gave.
    if (kind === 'function' || kind === 'symbol' || kind === 'bigint' || (kind === 'number' && Number.isNaN(value))) {
      return { path: pathOf(visit), message: `expected JSON data, got ${describe(value)}; pass the raw body (string or bytes), not a parsed object with ${kind} values` }
    }
    if (kind !== 'object' || value === null) continue
    const object = value as object
    if (seen.has(object)) {
      return { path: pathOf(visit), message: 'expected JSON data, got an object that appears twice (JSON has no shared or circular objects); pass the raw body' }
    }
    seen.add(object)
    if (Array.isArray(object)) {
      for (let i = object.length - 1; i >= 0; i--) stack.push({ value: object[i], parent: visit, key: i })
      continue
    }
    const proto = Object.getPrototypeOf(object)
    // A plain object made in another realm (a `vm` context, a test sandbox) has that realm's
    // `Object.prototype`, whose own prototype is null as ours is.
    if (proto !== Object.prototype && proto !== null && Object.getPrototypeOf(proto) !== null) {
      const name = describe(object)
      return { path: pathOf(visit), message: `expected JSON data, got ${name}; pass the raw body (string or bytes), not a parsed object with ${name.replace(/^an? /, '')} values` }
    }
    for (const key of Object.keys(object)) stack.push({ value: (object as Record<string, unknown>)[key], parent: visit, key })
  }
  return undefined
}

/** The JSON path of a visited value, from its chain of parents. */
function pathOf(visit: Visit): string {
  const segments: (string | number)[] = []
  for (let at: Visit | undefined = visit; at?.parent !== undefined; at = at.parent) segments.push(at.key)
  return jsonPath(segments.reverse())
}

/** A value's kind in words, for messages: `an array`, `a Date`, `a number`. */
function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') {
    const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name
    return typeof name === 'string' && name !== 'Object' && name.length > 0 ? `a ${name}` : 'an object'
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value)
  return /^[aeiou]/.test(typeof value) ? `an ${typeof value}` : `a ${typeof value}`
}
