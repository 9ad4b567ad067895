/**
 * Holds the schemas to the contract's rule for a subtype declared as itself: OData reads an untagged value as
 * the type a property or parameter declares, so where the contract declares a concrete subtype (not its
 * abstract base), its `@odata.type` may be left out; where it declares the base, the tag tells the subtypes
 * apart and stays required.
 */
import { describe, expect, it } from 'vitest'
import * as schemas from '../../src/schemas/index.ts'
import { contractDir, loadContract, type Contract, type ContractType } from '../../scripts/contract.ts'
import { cases, sampleIds } from '../unit/requests/catalogue.ts'
import { issuesOf } from '../unit/requests/issues.ts'

const pascal = (name: string) => name[0]!.toUpperCase() + name.slice(1)
const short = (fullName: string) => fullName.replace(/^microsoft\.graph\./, '')
const json = (v: unknown): any => JSON.parse(JSON.stringify(v))

/** Whether a base of the type is abstract (entity aside) or an open concrete base: its values carry a tag in a union. */
function isTaggedSubtype(contract: Contract, type: ContractType): boolean {
  const hasSubtypes = (name: string) => Object.values(contract.types).some((t) => t.baseType === `microsoft.graph.${name}`)
  for (let b = type.baseType ? contract.types[type.baseType] : undefined; b; b = b.baseType ? contract.types[b.baseType] : undefined) {
    if (b.abstract && b.name !== 'entity') return true
    if (b.kind === 'ComplexType' && b.openType && !b.abstract && hasSubtypes(b.name)) return true
  }
  return false
}

/** The object schemas a property's schema may hold a value as, past null and arrays. */
function members(schema: any): any[] {
  if (Array.isArray(schema.anyOf)) return schema.anyOf.flatMap(members)
  if (schema.type === 'array') return members(schema.items)
  return schema.type === 'object' ? [schema] : []
}

for (const version of ['v1.0', 'beta'] as const) {
  const contract = loadContract(contractDir(), version)
  const exported = (version === 'v1.0' ? schemas : schemas.beta) as Record<string, any>
  const tagged = (name: string) => contract.types[name] !== undefined && contract.types[name]!.kind !== 'EnumType' && isTaggedSubtype(contract, contract.types[name]!)

  describe(`contract: ${version} subtypes declared as themselves`, () => {
    const parameters = Object.entries(contract.boundOperations).flatMap(([binding, ops]) =>
      ops.flatMap((op) => op.parameters.filter((p) => tagged(p.type)).map((p) => [`${short(binding)}.${op.name}`, p.name, p.type] as const)),
    )
    const properties = Object.values(contract.types).flatMap((t) =>
      [...(t.properties ?? []), ...(t.navigationProperties ?? [])].filter((p) => tagged(p.type)).map((p) => [t.name, p.name, p.type] as const),
    )

    it('finds the parameters that declare a subtype itself (answer: callOptions is an incomingCallOptions)', () => {
      expect(parameters).toContainEqual(['call.answer', 'callOptions', 'microsoft.graph.incomingCallOptions'])
    })

    it.each([...parameters, ...properties].map(([, , type]) => type).filter((t, i, all) => all.indexOf(t) === i))('exports %s as declared, its tag optional but checked', (type) => {
      const schema = json(exported[`${pascal(short(type))}AsDeclared`])
      expect(schema.required ?? []).not.toContain('@odata.type')
      expect(schema.properties['@odata.type']).toEqual({ type: 'string', const: `#${type}` })
      // Everything else is the type's own schema, which stays the tagged member of its base's union.
      const own = json(exported[pascal(short(type))])
      expect(own.required).toContain('@odata.type')
      const untagged = ({ required = [], ...rest }: any) => ({ ...rest, required: required.filter((r: string) => r !== '@odata.type') })
      expect(untagged(schema)).toEqual(untagged(own))
    })

    it.each(properties)('%s.%s takes its value untagged', (owner, name) => {
      const schema = json(exported[pascal(owner)])
      for (const object of [schema, ...(schema.anyOf ?? [])].filter((s: any) => s.properties?.[name])) {
        for (const member of members(object.properties[name])) expect(member.required ?? []).not.toContain('@odata.type')
      }
    })

    const builders = cases.filter((c) => (c.apiVersion ?? 'v1.0') === version || (version === 'beta' && !c.apiVersion))
    it.each(parameters)('%s takes its %s untagged', (action, name) => {
      const c = builders.find((b) => b.action === action && (b.apiVersion ?? 'v1.0') === version) ?? builders.find((b) => b.action === action)
      expect(c, `no builder sends ${action}`).toBeDefined()
      expect(issuesOf(() => c!.build(c!.ids.map((id) => sampleIds[id]), { ...(c!.body as object), [name]: {} }))).toEqual([])
    })
  })
}

describe('contract: a subtype where its abstract base is declared', () => {
  it("needs its tag: a call's callOptions is the abstract callOptions", () => {
    const c = cases.find((b) => b.builder === 'createCall')!
    expect(issuesOf(() => c.build([], { ...(c.body as object), callOptions: {} }))).toEqual([
      { path: '$.callOptions["@odata.type"]', message: "is required: expected '#microsoft.graph.outgoingCallOptions'" },
    ])
  })
})
