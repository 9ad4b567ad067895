/**
 * The fuzzers' inputs, as fast-check arbitraries: seed bodies mutated at a random place (wrong types,
 * keys deleted or repeated, `__proto__` / `constructor` / `prototype` keys, deep nesting, huge strings and
 * arrays), then cut or spliced as text, then broken as bytes (invalid UTF-8, byte-order marks); and bodies
 * built from scratch, from random JSON to random notification-shaped items.
 */
import fc from 'fast-check'
import { literal, nestedText, nodesOf, replaceNode, textOf, treeOf, type JsonNode } from './json-tree.ts'
import { seedBodies } from './seed-bodies.ts'

const seeds = seedBodies()
const seedTrees = seeds.map((seed) => treeOf(JSON.parse(seed.text)))

/** Literal text JSON.parse reads in surprising ways: huge and tiny numbers, escaped lone surrogates, NUL. */
const ODD_LITERALS = ['1e999', '-1e999', '-0', '123456789012345678901234567890', '1e-400', '"\\ud800"', '"\\udc00x"', '"\\u0000"', '"\\u2028"', '""']

/** A value of the wrong type, or an odd value of the right one. */
const oddValue: fc.Arbitrary<JsonNode> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 2 ** 53 + 1, '', 'x', [], {}, [[]], [null], { '': null }).map(literal),
  fc.constantFrom(...ODD_LITERALS).map((text): JsonNode => ({ kind: 'literal', text })),
  fc.jsonValue({ maxDepth: 3 }).map(literal),
  fc.string({ unit: 'binary', maxLength: 40 }).map(literal),
  // The seeds' own values in other places: a call where a participant belongs, and so on.
  fc.nat().map((n) => {
    const nodes = nodesOf(seedTrees[n % seedTrees.length]!)
    return nodes[(n >> 5) % nodes.length]!
  }),
)

/** Keys that would reach a prototype if an object were built from the text naively. */
const pollutingEntry: fc.Arbitrary<readonly [string, JsonNode]> = fc.constantFrom(
  ['__proto__', treeOf({ polluted: 'yes', state: 'established', '@odata.type': '#microsoft.graph.call' })] as const,
  ['__proto__', literal(null)] as const,
  ['__proto__', literal([])] as const,
  ['constructor', treeOf({ prototype: { polluted: 'yes' } })] as const,
  ['prototype', treeOf({ polluted: 'yes' })] as const,
  ['toString', literal('not a function')] as const,
  ['hasOwnProperty', literal(1)] as const,
)

/** One change to the tree, at the node `at` picks (modulo the node count). */
type TreeMutation =
  | { kind: 'replace'; at: number; value: JsonNode }
  | { kind: 'delete-key'; at: number; which: number }
  | { kind: 'repeat-key'; at: number; which: number; value: JsonNode; before: boolean }
  | { kind: 'add-key'; at: number; entry: readonly [string, JsonNode] }
  | { kind: 'nest'; at: number; depth: number; shape: 'array' | 'object' }
  | { kind: 'huge-string'; at: number; length: number }
  | { kind: 'huge-array'; at: number; length: number; item: string }
  | { kind: 'repeat-items'; times: number }

const at = fc.nat()
const treeMutation: fc.Arbitrary<TreeMutation> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('replace' as const), at, value: oddValue }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete-key' as const), at, which: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('repeat-key' as const), at, which: fc.nat(), value: oddValue, before: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('add-key' as const), at, entry: pollutingEntry }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('nest' as const), at, depth: fc.integer({ min: 1, max: 3_000 }), shape: fc.constantFrom('array' as const, 'object' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('huge-string' as const), at, length: fc.integer({ min: 1_000, max: 60_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('huge-array' as const), at, length: fc.integer({ min: 100, max: 10_000 }), item: fc.constantFrom('0', 'null', '{}', '"x"', '[]') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('repeat-items' as const), times: fc.integer({ min: 2, max: 30 }) }) },
)

/** Applies one mutation; a mutation that needs an object where there is none changes nothing. */
function mutateTree(tree: JsonNode, mutation: TreeMutation): JsonNode {
  if (mutation.kind === 'repeat-items') return repeatItems(tree, mutation.times)
  const nodes = nodesOf(tree)
  const target = nodes[mutation.at % nodes.length]!
  switch (mutation.kind) {
    case 'replace':
      return replaceNode(tree, target, () => mutation.value)
    case 'nest':
      return replaceNode(tree, target, () => ({ kind: 'literal', text: nestedText(mutation.depth, mutation.shape) }))
    case 'huge-string':
      return replaceNode(tree, target, () => ({ kind: 'literal', text: `"${'x'.repeat(mutation.length)}"` }))
    case 'huge-array':
      return replaceNode(tree, target, () => ({ kind: 'literal', text: `[${Array(mutation.length).fill(mutation.item).join(',')}]` }))
  }
  if (target.kind !== 'object') return tree
  const entries = [...target.entries]
  if (mutation.kind === 'add-key') entries.splice(entries.length === 0 ? 0 : mutation.at % (entries.length + 1), 0, mutation.entry)
  else if (entries.length === 0) return tree
  else if (mutation.kind === 'delete-key') entries.splice(mutation.which % entries.length, 1)
  else {
    const i = mutation.which % entries.length
    entries.splice(mutation.before ? i : i + 1, 0, [entries[i]![0], mutation.value])
  }
  return replaceNode(tree, target, () => ({ kind: 'object', entries }))
}

/** The body with its `value[]` items repeated: many items in one body. */
function repeatItems(tree: JsonNode, times: number): JsonNode {
  if (tree.kind !== 'object') return tree
  const entries = tree.entries.map(([key, value]) =>
    key === 'value' && value.kind === 'array' ? ([key, { kind: 'array', items: Array.from({ length: times }, () => value.items).flat() }] as const) : ([key, value] as const),
  )
  return { kind: 'object', entries }
}

/** One change to the text, at `at` (modulo the length). */
type TextMutation = { kind: 'truncate'; at: number } | { kind: 'insert'; at: number; text: string } | { kind: 'delete'; at: number; length: number }

const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at }),
  fc.record({ kind: fc.constant('insert' as const), at, text: fc.oneof(fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '\ufeff', '\ud800', '\u0000', ' ', 'null'), fc.string({ unit: 'binary', maxLength: 8 })) }),
  fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 16 }) }),
)

function mutateText(text: string, mutation: TextMutation): string {
  const i = text.length === 0 ? 0 : mutation.at % (text.length + 1)
  if (mutation.kind === 'truncate') return text.slice(0, i)
  if (mutation.kind === 'insert') return text.slice(0, i) + mutation.text + text.slice(i)
  return text.slice(0, i) + text.slice(i + mutation.length)
}

/** Byte sequences that are not UTF-8, and byte-order marks. */
export const BAD_BYTES: readonly (readonly number[])[] = [
  [0xff],
  [0xfe],
  [0x80],
  [0xc0, 0x80],
  [0xc3],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
]

/** One change to the bytes. */
type ByteMutation = { kind: 'insert'; at: number; bytes: readonly number[] } | { kind: 'prefix'; bytes: readonly number[] } | { kind: 'flip'; at: number; bit: number } | { kind: 'truncate'; at: number }

const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at, bytes: fc.constantFrom(...BAD_BYTES) }),
  fc.record({ kind: fc.constant('prefix' as const), bytes: fc.constantFrom([0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb]) }),
  fc.record({ kind: fc.constant('flip' as const), at, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at }),
)

function mutateBytes(bytes: Uint8Array, mutation: ByteMutation): Uint8Array {
  if (mutation.kind === 'prefix') return concat(Uint8Array.from(mutation.bytes), bytes)
  const i = bytes.length === 0 ? 0 : mutation.at % (bytes.length + 1)
  if (mutation.kind === 'truncate') return bytes.slice(0, i)
  if (mutation.kind === 'insert') return concat(bytes.subarray(0, i), Uint8Array.from(mutation.bytes), bytes.subarray(i))
  const flipped = bytes.slice()
  if (i < flipped.length) flipped[i]! ^= 1 << mutation.bit
  return flipped
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

const pickSeed = fc.nat({ max: seedTrees.length - 1 })

/** A seed body after one to four changes to its structure. */
export const mutatedTree: fc.Arbitrary<string> = fc
  .tuple(pickSeed, fc.array(treeMutation, { minLength: 1, maxLength: 4 }))
  .map(([seed, mutations]) => textOf(mutations.reduce(mutateTree, seedTrees[seed]!)))

/** A seed body as text after structural changes, then possibly cut or spliced. */
export const mutatedText: fc.Arbitrary<string> = fc
  .tuple(mutatedTree, fc.array(textMutation, { maxLength: 2 }))
  .map(([text, mutations]) => mutations.reduce(mutateText, text))

/** A mutated seed body as bytes, possibly with invalid UTF-8 or byte-order marks. */
export const mutatedBytes: fc.Arbitrary<Uint8Array> = fc
  .tuple(mutatedText, fc.array(byteMutation, { maxLength: 3 }))
  .map(([text, mutations]) => mutations.reduce(mutateBytes, new TextEncoder().encode(text)))

const resourceUrl = fc.oneof(
  fc.constantFrom(
    '/communications/calls/57DAB8B1894C409AB240BD8BEAE78896',
    '/communications/calls/57DAB8B1894C409AB240BD8BEAE78896/participants',
    '/communications/calls/57DAB8B1894C409AB240BD8BEAE78896/participants/p-1',
    '/communications/calls/57DAB8B1894C409AB240BD8BEAE78896/operations/op-1',
    '/communications/calls/57DAB8B1894C409AB240BD8BEAE78896/contentsharingsessions/s-1',
    '/app/calls/57DAB8B1894C409AB240BD8BEAE78896',
    'https://graph.microsoft.com/v1.0/communications/calls/x/operations/y?z#w',
    '/COMMUNICATIONS/CALLS//',
    '/communications/calls/',
    '',
  ),
  fc.webPath(),
  fc.string({ unit: 'binary', maxLength: 60 }),
)
const odataType = fc.constantFrom(
  '#microsoft.graph.call',
  '#microsoft.graph.participant',
  '#microsoft.graph.commsOperation',
  '#microsoft.graph.playPromptOperation',
  '#microsoft.graph.contentSharingSession',
  '#microsoft.graph.participantJoiningNotification',
  '#Microsoft.Graph.ParticipantLeftNotification',
  '#microsoft.graph.somethingNew',
)
/** Data shaped a little like Graph's: known type names and field names with random values. */
const resourceData = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    {
      '@odata.type': odataType,
      state: fc.oneof(fc.constantFrom('incoming', 'establishing', 'established', 'terminated', 'ESTABLISHED'), fc.jsonValue({ maxDepth: 1 })),
      status: fc.oneof(fc.constantFrom('completed', 'Failed', 'running'), fc.jsonValue({ maxDepth: 1 })),
      resultInfo: fc.jsonValue({ maxDepth: 2 }),
      participants: fc.jsonValue({ maxDepth: 2 }),
      call: fc.jsonValue({ maxDepth: 2 }),
      applicationMetadata: fc.jsonValue({ maxDepth: 3 }),
    },
    { requiredKeys: ['@odata.type'] },
  ),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
)
const notificationItem = fc.oneof(
  { weight: 4, arbitrary: fc.record({ changeType: fc.oneof(fc.constantFrom('created', 'updated', 'deleted', 'Deleted'), fc.jsonValue({ maxDepth: 1 })), resourceUrl, resourceData }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
)

/** A body from scratch: random JSON, or an envelope of random notification-shaped items. */
export const randomBody: fc.Arbitrary<string> = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.record({ '@odata.type': fc.constant('#microsoft.graph.commsNotifications'), value: fc.array(notificationItem, { maxLength: 12 }) }).map((body) => JSON.stringify(body)),
)

/** A mutated body in every form the parser takes: text, bytes, or already parsed. */
export const anyBody: fc.Arbitrary<string | Uint8Array> = fc.oneof(mutatedText, mutatedBytes, randomBody)
