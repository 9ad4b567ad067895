/**
 * What every input must end in, worked out without the parser (from `JSON.parse` and a strict UTF-8
 * decoder), and the checks run after every fuzz case: the right outcome, one event per item with the item
 * kept as it came, a typed error otherwise, and no built-in prototype changed.
 */
import assert from 'node:assert/strict'
import { NotificationParseError } from '../../src/errors.ts'
import type { CallEvent } from '../../src/notifications/index.ts'

/** What an input must give: events for these items, or a `NotificationParseError` with this status. */
export type Expected = { readonly items: readonly unknown[] } | { readonly status: 204 | 400 | 413 }

/** What the parser or the handler gave. */
export type Actual = { readonly events: readonly CallEvent[] } | { readonly error: unknown }

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** The outcome an input must have, for a body limit of `maxBytes`; `undefined` when it may go either way (see below). */
export function expectedOutcome(body: string | Uint8Array, maxBytes: number): Expected | undefined {
  let text: string
  if (typeof body === 'string') {
    const bytes = Buffer.byteLength(body)
    // A lone surrogate is one to four bytes depending on how it is counted; near the limit, either answer is right.
    const band = 3 * loneSurrogates(body)
    if (bytes - band > maxBytes) return { status: 413 }
    if (bytes + band > maxBytes) return undefined
    text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body
  } else {
    if (body.byteLength > maxBytes) return { status: 413 }
    try {
      text = strictUtf8.decode(body)
    } catch {
      return { status: 400 }
    }
  }
  return envelopeOutcome(text)
}

/** The outcome of JSON text once its size and encoding are known to be fine. */
function envelopeOutcome(text: string): Expected {
  let root: unknown
  try {
    root = JSON.parse(text)
  } catch {
    return { status: 400 }
  }
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return { status: 400 }
  return objectOutcome(root)
}

/**
 * The outcome of a parsed JSON object: its items when it has a `value` array; else 204 for a call in the
 * legacy Skype format (a string `callState` and an array `presentedModalityTypes`), 400 for anything else.
 */
export function objectOutcome(root: object): Expected {
  const { value, callState, presentedModalityTypes } = root as { value?: unknown; callState?: unknown; presentedModalityTypes?: unknown }
  if (Array.isArray(value)) return { items: value }
  return typeof callState === 'string' && Array.isArray(presentedModalityTypes) ? { status: 204 } : { status: 400 }
}

function loneSurrogates(text: string): number {
  let count = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
      else count++
    } else if (c >= 0xdc00 && c <= 0xdfff) count++
  }
  return count
}

const EVENT_TYPES: ReadonlySet<string> = new Set([
  'call.incoming',
  'call.establishing',
  'call.established',
  'call.updated',
  'call.terminated',
  'contentSharing.started',
  'contentSharing.updated',
  'contentSharing.ended',
  'participants.updated',
  'participant.joining',
  'participant.left',
  'operation.completed',
  'operation.failed',
  'operation.updated',
  'unknown',
])

/** Checks what the parser gave against what it must give: every item an event, or a typed error. */
export function checkOutcome(actual: Actual, expected: Expected | undefined, what: string): void {
  if ('error' in actual) {
    const { error } = actual
    if (!(error instanceof NotificationParseError)) {
      throw new Error(`${what}: threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}, not a NotificationParseError`, { cause: error })
    }
    assert.ok(error.status === 204 || error.status === 400 || error.status === 413, `${what}: status ${error.status}`)
    assert.ok(error.issues.length > 0 && error.issues.every((i) => i.path.startsWith('$') && i.message.length > 0), `${what}: issues ${JSON.stringify(error.issues)}`)
    if (expected !== undefined) assert.deepEqual({ status: error.status }, expected, `${what}: refused with ${error.status}: ${error.message.slice(0, 300)}`)
    return
  }
  const { events } = actual
  if (expected === undefined) return
  assert.ok('items' in expected, `${what}: gave ${events.length} events, expected a ${(expected as { status: number }).status}`)
  checkEvents(events, expected.items, what)
}

/** One event per item, in order, each keeping its item as it came, with issues only about its own item. */
export function checkEvents(events: readonly CallEvent[], items: readonly unknown[], what: string): void {
  assert.equal(events.length, items.length, `${what}: ${events.length} events for ${items.length} items`)
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!
    assert.ok(EVENT_TYPES.has(event.type), `${what}: event ${i} has type ${String(event.type)}`)
    assert.equal(Object.getPrototypeOf(event), Object.prototype, `${what}: event ${i} has another prototype`)
    assert.ok(sameJson(event.raw, items[i]), `${what}: event ${i} does not keep its item`)
    for (const issue of event.issues) {
      assert.ok(issue.path.startsWith(`$.value[${i}]`), `${what}: event ${i} has an issue about ${issue.path}`)
    }
  }
}

/**
 * Whether two JSON values are equal: the same own keys (in any order) and values. Walks with a stack, not
 * recursion, so that bodies nested 100,000 deep compare too.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  const stack: [unknown, unknown][] = [[a, b]]
  while (stack.length > 0) {
    const [x, y] = stack.pop()!
    if (Object.is(x, y)) continue
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null || Array.isArray(x) !== Array.isArray(y)) return false
    const keys = Object.keys(x)
    if (keys.length !== Object.keys(y).length) return false
    for (const key of keys) {
      if (!Object.hasOwn(y, key)) return false
      stack.push([(x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key]])
    }
  }
  return true
}

/** The own properties of the built-in prototypes a polluting input would change. */
export type PrototypeSnapshot = ReadonlyMap<object, ReadonlyMap<string | symbol, PropertyDescriptor>>

const GUARDED: readonly object[] = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype, Boolean.prototype]

/** Takes a snapshot of the built-in prototypes. */
export function snapshotPrototypes(): PrototypeSnapshot {
  return new Map(GUARDED.map((proto) => [proto, new Map(Reflect.ownKeys(proto).map((key) => [key, Object.getOwnPropertyDescriptor(proto, key)!]))]))
}

/** Fails when a built-in prototype gained, lost or changed a property since `snapshot`, or changed its own prototype. */
export function checkPrototypes(snapshot: PrototypeSnapshot, what: string): void {
  for (const [proto, before] of snapshot) {
    const keys = Reflect.ownKeys(proto)
    assert.equal(keys.length, before.size, `${what}: a built-in prototype gained or lost a property`)
    for (const key of keys) {
      const was = before.get(key)
      const now = Object.getOwnPropertyDescriptor(proto, key)!
      assert.ok(was !== undefined && was.value === now.value && was.get === now.get && was.set === now.set, `${what}: ${String(key)} changed on a built-in prototype`)
    }
  }
  assert.equal(Object.getPrototypeOf(Object.prototype), null, `${what}: Object.prototype got a prototype`)
  assert.equal(Object.getPrototypeOf(Array.prototype), Object.prototype, `${what}: Array.prototype got another prototype`)
}
