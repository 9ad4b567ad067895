/**
 * A schema as one JSON Schema document with each named calling type in it written once, under `$defs`, and
 * referred to by `$ref`: the exported schemas write every type they hold out in full (`Call` repeats
 * `IdentitySet` for each of its participants), which a validator that compiles JSON Schema pays for.
 */
import * as resources from './resources/index.ts'
import * as actions from './actions/index.ts'
import * as beta from './beta/index.ts'

type JsonSchema = Record<string, unknown>

/** Options of `withDefinitions`. */
export interface WithDefinitionsOptions {
  /**
   * Where the definitions go, as `$ref` reaches them: `$defs` (JSON Schema 2019-09 and later, Ajv's
   * `ajv/dist/2020`) or `definitions` (draft-07 and OpenAPI 3.0 tools).
   * @default '$defs'
   */
  keyword?: '$defs' | 'definitions' | undefined
}

// Built on first use: only a program that asks for definitions pays for naming every schema.
let names: Map<object, string> | undefined

/**
 * Each exported schema object by its name, as `graph-calling/types` names it: v1.0's resources and actions
 * first, then beta's as `Beta<Name>`; a beta schema that is v1.0's own object keeps v1.0's name.
 */
function schemaNames(): Map<object, string> {
  if (names) return names
  names = new Map()
  const groups: [Record<string, unknown>, string][] = [[resources, ''], [actions, ''], [beta, 'Beta']]
  for (const [module, prefix] of groups) {
    for (const [name, schema] of Object.entries(module)) {
      if (typeof schema === 'object' && schema !== null && !names.has(schema)) names.set(schema, prefix + name)
    }
  }
  return names
}

/**
 * Returns a new JSON Schema for `schema` in which every exported calling type below the top (`IdentitySet`,
 * `ParticipantInfo`, `MediaPrompt`, ...) is written once under `$defs` and used through `$ref`: `Call` is
 * about 1/20 of its size whole. The input is not changed. For the lenient face, pass the result to
 * `toInboundSchema`, which keeps the references and makes each definition lenient.
 */
export function withDefinitions(schema: object, options: WithDefinitionsOptions = {}): JsonSchema {
  const keyword = options.keyword ?? '$defs'
  const known = schemaNames()
  const definitions: Record<string, unknown> = {}
  const written = new Set<string>()

  const copy = (node: unknown, isTop: boolean): unknown => {
    if (Array.isArray(node)) return node.map((item) => copy(item, false))
    if (typeof node !== 'object' || node === null) return node
    const name = isTop ? undefined : known.get(node)
    if (name !== undefined) {
      // Marked before it is written, so a type that holds itself refers to its definition.
      if (!written.has(name)) {
        written.add(name)
        definitions[name] = copy(node, true)
      }
      return { $ref: `#/${keyword}/${name}` }
    }
    const out: Record<string, unknown> = {}
    // What `JSON.stringify` writes: the enumerable string keys, but for undefined and functions (TypeBox's
    // own markers are not enumerable).
    for (const [key, value] of Object.entries(node)) {
      if (value !== undefined && typeof value !== 'function') out[key] = copy(value, false)
    }
    return out
  }

  const root = copy(schema, true) as JsonSchema
  if (written.size === 0) return root
  // Sorted, so that one schema always gives the same text.
  const sorted = Object.fromEntries(Object.keys(definitions).sort().map((name) => [name, definitions[name]]))
  return { ...root, [keyword]: sorted }
}
