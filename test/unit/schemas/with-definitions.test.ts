import { describe, expect, it } from 'vitest'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import { Value } from 'typebox/value'
import * as schemas from '../../../src/schemas/index.ts'
import { beta, Call, CommsNotifications, CreateCallParams, IdentitySet, toInboundSchema, withDefinitions } from '../../../src/schemas/index.ts'
import { createCallExamples } from '../requests/docs-examples.ts'

type Json = Record<string, any>

const plain = (schema: unknown): Json => JSON.parse(JSON.stringify(schema))

/** `document` with every `$ref` replaced by its definition, and the definitions taken away. */
function dereferenced(document: Json, keyword = '$defs'): Json {
  const definitions: Json = document[keyword] ?? {}
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk)
    if (typeof node !== 'object' || node === null) return node
    const { $ref } = node as { $ref?: string }
    if ($ref !== undefined) {
      const name = $ref.slice(`#/${keyword}/`.length)
      if (!$ref.startsWith(`#/${keyword}/`) || !(name in definitions)) throw new Error(`dangling ${$ref}`)
      return walk(definitions[name])
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value)]))
  }
  const { [keyword]: _, ...root } = document
  return walk(root) as Json
}

/**
 * A schema with each `anyOf` that is a member of an `anyOf` and has no other keyword spread into it: the same
 * schema, in one spelling (the lenient face adds `null` to a member's `anyOf`, or around its reference).
 */
function flatAnyOf(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(flatAnyOf)
  if (typeof node !== 'object' || node === null) return node
  const out = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, flatAnyOf(value)])) as Json
  if (Array.isArray(out.anyOf)) out.anyOf = out.anyOf.flatMap((branch: Json) => (Object.keys(branch).length === 1 && Array.isArray(branch.anyOf) ? branch.anyOf : [branch]))
  return out
}

/** The names every `$ref` of a document points at. */
function referencedNames(document: Json): Set<string> {
  const names = new Set<string>()
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk)
    if (typeof node !== 'object' || node === null) return
    const ref = (node as { $ref?: unknown }).$ref
    if (typeof ref === 'string') names.add(ref.replace(/^#\/\$defs\//, ''))
    Object.values(node).forEach(walk)
  }
  walk(document)
  return names
}

const exported = [
  ...Object.entries(schemas).filter(([name, value]) => name !== 'beta' && typeof value === 'object' && value !== null),
  ...Object.entries(beta).map(([name, value]) => [`beta.${name}`, value] as const),
] as [string, object][]

const ajv2020 = () => addFormats.default(new Ajv2020({ strict: false, allErrors: true }))

describe('withDefinitions', () => {
  it('writes every exported schema so that, with its references followed, it is the schema written whole', () => {
    expect(exported.length).toBeGreaterThan(150)
    const differing = exported.filter(([, schema]) => JSON.stringify(dereferenced(withDefinitions(schema))) !== JSON.stringify(plain(schema)))
    expect(differing.map(([name]) => name)).toEqual([])
  })

  it('defines exactly what it refers to, each calling type once', () => {
    const document = withDefinitions(Call)
    const definitions = document.$defs as Json
    expect(Object.keys(definitions).sort()).toEqual([...referencedNames(document)].sort())
    expect(Object.keys(definitions)).toEqual(expect.arrayContaining(['IdentitySet', 'Identity', 'ParticipantInfo', 'MediaConfig', 'ResultInfo']))
    // The top itself is written in place, not as a reference to `Call`.
    expect(document.$ref).toBeUndefined()
    expect(definitions.Call).toBeUndefined()
    expect(document.type).toBe('object')
  })

  it('makes Call a twentieth of its size written whole', () => {
    const whole = JSON.stringify(Call).length
    const shared = JSON.stringify(withDefinitions(Call)).length
    expect(whole).toBeGreaterThan(500_000)
    expect(shared * 20).toBeLessThan(whole)
    expect(JSON.stringify(withDefinitions(CreateCallParams)).length * 10).toBeLessThan(JSON.stringify(CreateCallParams).length)
  })

  it('leaves a schema that names no other type as it is, and does not change its input', () => {
    expect(withDefinitions(schemas.CallState)).toEqual(plain(schemas.CallState))
    const before = JSON.stringify(IdentitySet)
    withDefinitions(IdentitySet)
    expect(JSON.stringify(IdentitySet)).toBe(before)
  })

  it('gives the same text for the same schema', () => {
    expect(JSON.stringify(withDefinitions(beta.Call))).toBe(JSON.stringify(withDefinitions(beta.Call)))
  })

  it('validates with Ajv as TypeBox validates the schema: the docs examples of Create call, and broken ones', () => {
    const validate = ajv2020().compile(withDefinitions(CreateCallParams))
    const [first, ...others] = Object.values(createCallExamples) as Json[]
    const broken: Json[] = [
      { ...first, callbackUri: 'http://bot.contoso.com/callback' },
      { ...first, targets: [{ identity: { user: { id: 5 } } }] },
      { ...first, mediaConfig: { blob: 'no @odata.type' } },
      { ...first, state: 'established' },
      { ...first, requestedModalities: [] },
    ]
    const samples = [first, ...others, ...broken]
    const verdicts = samples.map((sample) => [validate(sample), Value.Check(CreateCallParams, sample)])
    expect(verdicts.map(([ajv, typebox]) => ajv === typebox)).toEqual(samples.map(() => true))
    expect(verdicts.slice(-broken.length).map(([ajv]) => ajv)).toEqual(broken.map(() => false))
    expect(verdicts.some(([ajv]) => ajv)).toBe(true)
  })

  it('puts the definitions under `definitions` for draft-07 tools', () => {
    const document = withDefinitions(Call, { keyword: 'definitions' })
    expect(document.$defs).toBeUndefined()
    expect(JSON.stringify(dereferenced(document, 'definitions'))).toBe(JSON.stringify(plain(Call)))
    const validate = addFormats.default(new Ajv({ strict: false })).compile(document)
    expect(validate({ '@odata.type': '#microsoft.graph.call', source: { identity: { user: { id: 'u1', displayName: 'Ann' } } } })).toBe(true)
    expect(validate({ source: { identity: { user: { id: 5 } } } })).toBe(false)
  })

  it('keeps its references through toInboundSchema, whose lenient face then takes what Graph really sends', () => {
    const inbound = toInboundSchema(withDefinitions(Call))
    expect(JSON.stringify(flatAnyOf(dereferenced(inbound)))).toBe(JSON.stringify(flatAnyOf(toInboundSchema(Call))))
    const real = {
      '@odata.type': '#microsoft.graph.call',
      '@odata.etag': 'W/"5445"',
      state: 'Established',
      resultInfo: { code: '200', subcode: 5000 },
      source: { identity: { user: { id: null, displayName: 'Ann' } } },
      newFieldFromTheFuture: true,
    }
    const ajv = ajv2020()
    expect(ajv.compile(withDefinitions(Call))(real)).toBe(false)
    const lenient = ajv.compile(inbound)
    expect(lenient(real)).toBe(true)
    expect(lenient({ source: { identity: { user: { id: 5 } } } })).toBe(false)
  })

  it('writes a notifications body, a route schema, with its one named type', () => {
    expect(Object.keys(withDefinitions(CommsNotifications).$defs as Json)).toEqual(['CommsNotification'])
  })
})
