/**
 * Holds the schemas to Graph's CSDL contract: every type, property, enum member and type mapping of
 * v1.0 (top level) and beta (`beta` namespace), and the parameters of the call actions.
 */
import { describe, expect, it } from 'vitest'
import * as schemas from '../../src/schemas/index.ts'
import { contractDir, loadContract, type Contract, type ContractProperty, type ContractType } from '../../scripts/contract.ts'
import { contractExceptions } from './exceptions.ts'

const pascal = (name: string) => name[0]!.toUpperCase() + name.slice(1)
const short = (fullName: string) => fullName.replace(/^microsoft\.graph\./, '')
const json = (v: unknown) => JSON.parse(JSON.stringify(v))

function edmSchema(type: string): unknown {
  switch (type) {
    case 'Edm.String':
    case 'Edm.Stream':
      return { type: 'string' }
    case 'Edm.Boolean':
      return { type: 'boolean' }
    case 'Edm.Int32':
      return { type: 'integer', minimum: -2147483648, maximum: 2147483647 }
    case 'Edm.Int64':
      return { type: 'integer' }
    case 'Edm.Double':
      return { type: 'number' }
    case 'Edm.Guid':
      return { type: 'string', format: 'uuid' }
    case 'Edm.DateTimeOffset':
      return { type: 'string', format: 'date-time' }
    case 'Edm.Duration':
      return { type: 'string', format: 'duration' }
  }
  throw new Error(`no mapping expected for ${type}`)
}

function allProperties(contract: Contract, type: ContractType): ContractProperty[] {
  const out = new Map<string, ContractProperty>()
  const chain: ContractType[] = []
  for (let t: ContractType | undefined = type; t; t = t.baseType ? contract.types[t.baseType] : undefined) chain.unshift(t)
  for (const t of chain) for (const p of [...(t.properties ?? []), ...(t.navigationProperties ?? [])]) out.set(p.name, p)
  return [...out.values()]
}

function descendants(contract: Contract, name: string): string[] {
  return Object.values(contract.types)
    .filter((t) => {
      for (let b = t.baseType; b; b = contract.types[b]?.baseType ?? null) if (b === `microsoft.graph.${name}`) return true
      return false
    })
    .map((t) => t.name)
}

function checkVersion(version: 'v1.0' | 'beta', exported: Record<string, any>) {
  const contract = loadContract(contractDir(), version)
  const types = Object.values(contract.types)

  /** The JSON Schema a property of this contract type must have. */
  const expected = (p: ContractProperty) => {
    let s: unknown = p.type.startsWith('Edm.') ? edmSchema(p.type) : json(exported[pascal(short(p.type))])
    if (p.collection) s = { type: 'array', items: s }
    if (p.nullable) s = { anyOf: [s, { type: 'null' }] }
    return s
  }

  it(`has every ${version} type`, () => {
    const missing = types.map((t) => pascal(t.name)).filter((n) => exported[n] === undefined)
    expect(missing).toEqual([])
    expect(types.length).toBeGreaterThan(version === 'v1.0' ? 79 : 93)
  })

  it.each(types.filter((t) => t.kind === 'EnumType').map((t) => [t.name, t] as const))(`${version} enum %s has every member`, (_, t) => {
    expect(json(exported[pascal(t.name)])).toEqual({ enum: t.members!.map((m) => m.name) })
  })

  const objects = types.filter((t) => t.kind !== 'EnumType')
  it.each(objects.map((t) => [t.name, t] as const))(`${version} type %s has every property, mapped faithfully`, (_, t) => {
    const subtypes = t.name === 'entity' ? [] : descendants(contract, t.name)
    const union = json(exported[pascal(t.name)])
    let own = union
    if (subtypes.length > 0) {
      // A polymorphic type is the union of itself (when concrete) and every subtype.
      const members = [...(t.abstract ? [] : [`${pascal(t.name)}Base`]), ...subtypes.sort().map(pascal)]
      expect(union).toEqual({ anyOf: members.map((m) => json(exported[m])) })
      if (t.abstract) return
      own = json(exported[`${pascal(t.name)}Base`])
    }
    const props = allProperties(contract, t)
    expect(Object.keys(own.properties).sort()).toEqual(['@odata.type', ...props.map((p) => p.name)].sort())
    expect(own.properties['@odata.type']).toEqual({ type: 'string', const: `#microsoft.graph.${t.name}` })
    expect(own.additionalProperties).toBe(false)
    for (const p of props) expect({ [p.name]: own.properties[p.name] }).toEqual({ [p.name]: expected(p) })
    // Only subtypes of abstract bases must say which they are; every Graph property is optional.
    const abstractBase = (() => {
      for (let b = t.baseType; b; b = contract.types[b]?.baseType ?? null) if (contract.types[b]?.abstract && short(b) !== 'entity') return true
      return false
    })()
    expect(own.required ?? []).toEqual(abstractBase ? ['@odata.type'] : [])
  })
}

describe('contract: v1.0', () => checkVersion('v1.0', schemas as Record<string, any>))
describe('contract: beta', () => checkVersion('beta', schemas.beta as Record<string, any>))

describe('contract: beta is kept apart', () => {
  it('the top level has no beta-only type, property or member', () => {
    expect((schemas as any).CallDisposition).toBeUndefined()
    expect(json(schemas.CallState).enum).not.toContain('ringing')
    expect(json(schemas.beta.CallState).enum).toContain('ringing')
    expect(Object.keys(json(schemas.Call).properties ?? {})).not.toContain('answeredBy')
  })

  it('fills in exactly the beta types the extract could not read', () => {
    expect(Object.keys(loadContract(contractDir(), 'beta').filledIn).map(short).sort()).toEqual([...contractExceptions.betaFilledIn].sort())
  })
})

describe('contract: call action parameters', () => {
  const contract = loadContract(contractDir(), 'v1.0')
  const actions = Object.fromEntries(contract.boundOperations['microsoft.graph.call']!.map((op) => [op.name, op]))
  const params: Record<string, any> = { answer: schemas.AnswerParams, reject: schemas.RejectParams, redirect: schemas.RedirectParams }

  it.each(Object.keys(params))('%s takes exactly the contract parameters', (name) => {
    const op = actions[name]!
    const schema = json(params[name])
    expect(Object.keys(schema.properties).sort()).toEqual(op.parameters.map((p) => p.name).sort())
    for (const p of op.parameters) {
      const required = (schema.required ?? []).includes(p.name)
      const stricter = contractExceptions.stricterParameters[name]?.[p.name]
      // A parameter the contract requires (not optional, not nullable) is required here too; anything
      // stricter than the contract is listed in the exceptions with its reason.
      if (!p.optional && !p.nullable) expect({ [p.name]: required }).toEqual({ [p.name]: true })
      else if (required) expect({ [p.name]: stricter }).toEqual({ [p.name]: expect.any(String) })
    }
  })
})
