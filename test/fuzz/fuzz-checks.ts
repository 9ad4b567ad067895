/**
 * Every fuzz check by name: the random properties (fast-check, run with a seed and a count), the
 * exhaustive sweeps over the seeds (every truncation offset, every path, every object), and the extreme
 * bodies (100,000 levels deep, huge strings and arrays). The fuzz tests run them with a fixed seed and CI
 * counts; `scripts/fuzz-long.ts` runs them with more.
 */
import fc from 'fast-check'
import { createTestSigner } from '../../src/testing/test-signer.ts'
import { checkHandler, checkHeaders, checkParse, checkParseObject, handlerUnderTest, type HandlerUnderTest } from './fuzz-cases.ts'
import { literal, nestedText, nodesOf, replaceNode, textOf, treeOf, type JsonNode } from './json-tree.ts'
import { anyBody, BAD_BYTES, mutatedBytes, mutatedText, mutatedTree, randomBody } from './mutations.ts'
import { snapshotPrototypes } from './oracle.ts'
import { seedBodies } from './seed-bodies.ts'

/** The seed every CI run uses, so that a failure replays. */
export const CI_SEED = 20_261_123

/** How a check is run. */
export interface FuzzSettings {
  readonly seed: number
  /** How many cases a random property runs; sweeps and extreme bodies run in full whatever this is. */
  readonly runs: number
}

/** A named check; `run` resolves to the number of cases it ran, or rejects with the first failure. */
export interface FuzzCheck {
  readonly name: string
  /** The count of cases a CI run uses (random properties only). */
  readonly ciRuns?: number
  run(settings: FuzzSettings): Promise<number>
}

const APP_ID = 'fuzz-bot-app-id'
const MAX_BYTES = 1024 * 1024
/** The body limits the properties try: the default, and small ones so that 413 is reached often. */
const maxBytesArb = fc.constantFrom(MAX_BYTES, 64 * 1024, 4096)

async function property<T>(settings: FuzzSettings, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void | Promise<void>): Promise<number> {
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      await predicate(value)
    }),
    { seed: settings.seed, numRuns: settings.runs },
  )
  return settings.runs
}

/** A handler that verifies tokens signed by a test signer, and a few signed tokens to send it. */
async function verifiedHandler(maxBytes = MAX_BYTES): Promise<{ subject: HandlerUnderTest; tokens: string[] }> {
  const signer = await createTestSigner({ appId: APP_ID })
  const subject = handlerUnderTest({ appId: APP_ID, maxBytes, verify: { openIdConfigurationUrl: signer.openIdConfigurationUrl, fetch: signer.fetch } }, signer.tenantId)
  // Signing is slow next to parsing: a handful of distinct tokens serve every case.
  const tokens = await Promise.all(Array.from({ length: 8 }, (_, i) => signer.authorizationHeader({ jti: `fuzz-${i}` })))
  return { subject, tokens }
}

/** The random properties of `parseNotifications`. */
export const parseProperties: readonly FuzzCheck[] = [
  {
    name: 'parseNotifications: mutated seed bodies as text',
    ciRuns: 1_000,
    run: (settings) => {
      const snapshot = snapshotPrototypes()
      return property(settings, fc.tuple(mutatedText, maxBytesArb), ([text, maxBytes]) => checkParse(text, snapshot, { maxBytes }))
    },
  },
  {
    name: 'parseNotifications: mutated seed bodies as bytes (invalid UTF-8, byte-order marks)',
    ciRuns: 1_000,
    run: (settings) => {
      const snapshot = snapshotPrototypes()
      return property(settings, fc.tuple(mutatedBytes, maxBytesArb), ([bytes, maxBytes]) => checkParse(bytes, snapshot, { maxBytes }))
    },
  },
  {
    name: 'parseNotifications: mutated seed bodies already parsed',
    ciRuns: 1_000,
    run: (settings) => {
      const snapshot = snapshotPrototypes()
      return property(settings, mutatedTree, (text) => checkParseObject(text, snapshot))
    },
  },
  {
    name: 'parseNotifications: random JSON and random notification-shaped bodies',
    ciRuns: 1_000,
    run: (settings) => {
      const snapshot = snapshotPrototypes()
      return property(settings, randomBody, (text) => {
        checkParse(text, snapshot)
        checkParseObject(text, snapshot)
      })
    },
  },
]

/** The random properties of the web handler, with and without token verification. */
export const handlerProperties: readonly FuzzCheck[] = [
  {
    name: 'createNotificationHandler (verify: false): mutated and random bodies',
    ciRuns: 1_000,
    run: (settings) => {
      const snapshot = snapshotPrototypes()
      const subjects = new Map([MAX_BYTES, 64 * 1024, 4096].map((maxBytes) => [maxBytes, handlerUnderTest({ appId: APP_ID, verify: false, maxBytes })]))
      return property(settings, fc.tuple(anyBody, maxBytesArb), ([body, maxBytes]) => checkHandler(subjects.get(maxBytes)!, body, snapshot, maxBytes))
    },
  },
  {
    name: "createNotificationHandler (Graph's token verified): mutated and random bodies with a signed token",
    ciRuns: 600,
    run: async (settings) => {
      const snapshot = snapshotPrototypes()
      const { subject, tokens } = await verifiedHandler()
      return property(settings, fc.tuple(anyBody, fc.nat({ max: tokens.length - 1 })), ([body, i]) =>
        checkHandler(subject, body, snapshot, MAX_BYTES, { authorization: tokens[i] }),
      )
    },
  },
  {
    name: "createNotificationHandler (Graph's token verified): broken tokens and content types",
    ciRuns: 600,
    run: async (settings) => {
      const snapshot = snapshotPrototypes()
      const { subject, tokens } = await verifiedHandler()
      const body = seedBodies()[0]!.text
      const token = tokens[0]!.slice('Bearer '.length)
      const authorization = fc.oneof(
        // The signed token with one character of its header or claims changed (never the signature's last,
        // whose spare bits some decoders ignore), or cut short.
        fc.tuple(fc.nat({ max: token.lastIndexOf('.') - 1 }), fc.constantFrom('A', '_', '-', '.', '=', ' ', '\u00e9')).map(([i, c]) => `Bearer ${token.slice(0, i)}${c === token[i] ? 'B' : c}${token.slice(i + 1)}`),
        fc.nat({ max: token.length - 1 }).map((n) => `Bearer ${token.slice(0, n)}`),
        fc.constantFrom('', 'Bearer', 'Bearer ', `bearer  ${token}`, `Basic ${token}`, `Bearer ${token}.${token}`, `Bearer ${'a'.repeat(100_000)}`, 'Bearer a.b.c', 'Bearer e30.e30.', 'Bearer eyJhbGciOiJub25lIn0.e30.'),
        fc.string({ unit: 'binary-ascii', maxLength: 200 }).map((s) => `Bearer ${s}`),
      )
      const contentType = fc.oneof(
        fc.constantFrom('application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/problem+json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', ''),
        fc.string({ unit: 'binary-ascii', maxLength: 60 }).filter((s) => !/[\r\n\0]/.test(s)),
      )
      return property(settings, fc.tuple(authorization, contentType), async ([header, type]) => {
        // Header values cannot hold every character; what Headers refuses never reaches a handler.
        if (!isHeaderValue(header) || !isHeaderValue(type)) return
        const status = await checkHeaders(subject, body, snapshot, { authorization: header, contentType: type })
        // The scheme is case-insensitive and may be followed by more spaces: only the token itself must be intact.
        if (status === 202 && header.replace(/^bearer\s+/i, '').trim() !== token) throw new Error(`a changed token was accepted: ${header.slice(0, 80)}`)
      })
    },
  },
]

function isHeaderValue(value: string): boolean {
  try {
    new Headers({ x: value })
    return true
  } catch {
    return false
  }
}

const WRONG_VALUES: readonly JsonNode[] = [null, true, 0, -1.5, '', 'x', [], {}, [[]], [{}], { value: [] }].map(literal)
const POLLUTING_ENTRIES: readonly (readonly [string, JsonNode])[] = [
  ['__proto__', treeOf({ polluted: 'yes', state: 'established' })],
  ['constructor', treeOf({ prototype: { polluted: 'yes' } })],
  ['prototype', treeOf({ polluted: 'yes' })],
]

/**
 * Checks every change `changesOf` lists for each node of each seed body (as text, and parsed when
 * `parsedToo`); resolves to the number of cases.
 */
function sweepSeedNodes(changesOf: (node: JsonNode) => (() => JsonNode)[], parsedToo: boolean): number {
  const snapshot = snapshotPrototypes()
  let cases = 0
  for (const { text } of seedBodies()) {
    const tree = treeOf(JSON.parse(text))
    for (const node of nodesOf(tree)) {
      for (const change of changesOf(node)) {
        const mutated = textOf(replaceNode(tree, node, change))
        checkParse(mutated, snapshot)
        cases++
        if (parsedToo) {
          checkParseObject(mutated, snapshot)
          cases++
        }
      }
    }
  }
  return cases
}

/** The exhaustive sweeps over every seed body. */
export const sweeps: readonly FuzzCheck[] = [
  {
    name: 'every seed cut at every offset, as text and as bytes',
    run: async () => {
      const snapshot = snapshotPrototypes()
      let cases = 0
      for (const { text } of seedBodies()) {
        const bytes = new TextEncoder().encode(text)
        for (let i = 0; i <= text.length; i++, cases++) checkParse(text.slice(0, i), snapshot)
        for (let i = 0; i <= bytes.length; i++, cases++) checkParse(bytes.subarray(0, i), snapshot)
      }
      return cases
    },
  },
  {
    name: 'every value of every seed replaced by each wrong type, as text and parsed',
    run: async () => sweepSeedNodes(() => WRONG_VALUES.map((wrong) => () => wrong), true),
  },
  {
    name: 'every object of every seed given a __proto__, constructor or prototype key, first and last, as text and parsed',
    run: async () =>
      sweepSeedNodes((node) => {
        if (node.kind !== 'object') return []
        return POLLUTING_ENTRIES.flatMap((entry) => [[entry, ...node.entries], [...node.entries, entry]]).map((entries) => () => ({ kind: 'object', entries }))
      }, true),
  },
  {
    name: 'every key of every seed written twice (the first or the second wrong)',
    run: async () =>
      sweepSeedNodes((node) => {
        if (node.kind !== 'object') return []
        return node.entries.flatMap(([key, value], i) =>
          [[[key, literal(42)], [key, value]] as const, [[key, value], [key, literal(42)]] as const].map((pair) => () => ({
            kind: 'object' as const,
            entries: [...node.entries.slice(0, i), ...pair, ...node.entries.slice(i + 1)],
          })),
        )
      }, false),
  },
  {
    name: 'the handler (verify: false) given every seed cut at every 7th byte',
    run: async () => {
      const snapshot = snapshotPrototypes()
      const subject = handlerUnderTest({ appId: APP_ID, verify: false })
      let cases = 0
      for (const { text } of seedBodies()) {
        const bytes = new TextEncoder().encode(text)
        for (let i = 0; i <= bytes.length; i += 7, cases++) await checkHandler(subject, bytes.subarray(0, i), snapshot, MAX_BYTES)
        await checkHandler(subject, bytes, snapshot, MAX_BYTES)
        cases++
      }
      return cases
    },
  },
]

/**
 * The bound of one extreme body: the slowest (300,000 items) takes some 2 s on an idle 2-core machine, and
 * a walk quadratic in the depth takes minutes over a body 100,000 levels deep.
 */
export const EXTREME_CASE_BOUND_MS = 30_000

const DEEP = 100_000
const item = (resourceData: string) => `{"changeType":"updated","resourceUrl":"/communications/calls/c-1","resourceData":${resourceData}}`

/** Extreme bodies: each must end in events or a typed error, without a RangeError, within the case bound. */
export const extremeBodies: readonly { readonly name: string; readonly body: () => string | Uint8Array; readonly maxBytes?: number }[] = [
  { name: `arrays ${DEEP} deep as the body`, body: () => nestedText(DEEP, 'array') },
  { name: `objects ${DEEP} deep as the body`, body: () => nestedText(DEEP, 'object') },
  { name: `arrays ${DEEP} deep as an item`, body: () => `{"value":[${nestedText(DEEP, 'array')}]}` },
  { name: `objects ${DEEP} deep as resourceData`, body: () => `{"value":[${item(nestedText(DEEP, 'object'))}]}` },
  { name: `objects ${DEEP} deep inside a call's source`, body: () => `{"value":[${item(`{"@odata.type":"#microsoft.graph.call","state":"established","source":${nestedText(DEEP, 'object')}}`)}]}` },
  { name: `arrays ${DEEP} deep as participants`, body: () => `{"value":[{"changeType":"updated","resourceUrl":"/communications/calls/c-1/participants","resourceData":${nestedText(DEEP, 'array')}}]}` },
  { name: `${DEEP} deep and unclosed`, body: () => '{"value":['.concat('['.repeat(DEEP)) },
  { name: 'a 900 KB string as resourceUrl', body: () => `{"value":[{"changeType":"updated","resourceUrl":"/communications/calls/${'x'.repeat(900_000)}"}]}` },
  { name: 'a string one byte over the limit', body: () => `{"value":[],"x":"${'x'.repeat(1024 * 1024 - 18)}"}` },
  { name: 'exactly at the limit', body: () => `{"value":[],"x":"${'x'.repeat(1024 * 1024 - 19)}"}` },
  { name: '300,000 items', body: () => `{"value":[${Array(300_000).fill('0').join(',')}]}` },
  { name: '100,000 empty notifications', body: () => `{"value":[${Array(100_000).fill('{}').join(',')}]}` },
  { name: '30,000 participants in one item', body: () => `{"value":[{"changeType":"updated","resourceUrl":"/communications/calls/c/participants","resourceData":[${Array(30_000).fill('{"id":"p","info":{"identity":{"user":{"id":"u"}}}}').join(',')}]}]}` },
  { name: 'an object with 100,000 keys', body: () => `{"value":[],${Array.from({ length: 100_000 }, (_, i) => `"k${i}":${i}`).join(',')}}` },
  { name: '10,000 duplicate value keys', body: () => `{${Array(10_000).fill('"value":[{}]').join(',')}}` },
  { name: 'invalid UTF-8 after 1 MB of spaces', body: () => concatBytes(new Uint8Array(1000_000).fill(0x20), Uint8Array.from(BAD_BYTES[0]!)) },
  { name: 'a thousand byte-order marks', body: () => new Uint8Array(3000).map((_, i) => [0xef, 0xbb, 0xbf][i % 3]!) },
  { name: 'NUL bytes', body: () => new Uint8Array(4096) },
]

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}
