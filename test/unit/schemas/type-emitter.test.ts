import { Type } from 'typebox'
import { describe, expect, it } from 'vitest'
import { TypeEmitter, type TypeEntry } from '../../../scripts/type-emitter.ts'

const Mode = Type.Enum(['oneToOne', 'multicast'])
const closed = { additionalProperties: false } as const
const Group = Type.Object({ '@odata.type': Type.Optional(Type.Literal('#microsoft.graph.group')), mode: Mode, receivers: Type.Optional(Type.Union([Type.Array(Type.String()), Type.Null()])) }, closed)
const entries: TypeEntry[] = [
  { name: 'Mode', schema: Mode, doc: 'A routing mode.' },
  { name: 'Group', schema: Group, doc: 'A group.' },
  { name: 'SameGroup', schema: Type.Object(Group.properties, closed), doc: 'The same JSON under a second name.' },
  { name: 'GroupParams', schema: Group, doc: 'A request body.', wrapper: 'Outbound' },
  { name: 'MuteParams', schema: Type.Object({ clientContext: Type.String() }, closed), doc: 'Another body.', wrapper: 'Outbound' },
  { name: 'Holder', schema: Type.Object({ body: Type.Object({ clientContext: Type.String() }, closed) }, closed), doc: 'Holds one.' },
]

describe('the plain types written out from the schemas', () => {
  const emitter = new TypeEmitter(entries)

  it('write each kind as TypeScript, naming a nested schema that has a name', () => {
    expect(emitter.declaration(entries[1]!)).toBe(
      [
        '/** A group. */',
        'export type Group = {',
        "  '@odata.type'?: '#microsoft.graph.group'",
        '  mode: Mode',
        '  receivers?: string[] | null',
        '}',
        '',
      ].join('\n'),
    )
    expect(emitter.declaration(entries[0]!)).toBe("/** A routing mode. */\nexport type Mode = 'oneToOne' | 'multicast'\n")
  })

  it('alias a second name of the same JSON, and wrap a request body without lending it its name', () => {
    expect(emitter.declaration(entries[2]!)).toBe('/** The same JSON under a second name. */\nexport type SameGroup = Group\n')
    expect(emitter.declaration(entries[3]!)).toBe('/** A request body. */\nexport type GroupParams = Outbound<Group>\n')
    expect(emitter.declaration(entries[4]!)).toBe('/** Another body. */\nexport type MuteParams = Outbound<{\n  clientContext: string\n}>\n')
    // A wrapped type is not its schema's static type, so the same JSON elsewhere is written in place.
    expect(emitter.declaration(entries[5]!)).toBe('/** Holds one. */\nexport type Holder = {\n  body: {\n    clientContext: string\n  }\n}\n')
  })

  it('give an open type (additionalProperties left out) an index signature, and type nothing else loosely', () => {
    const open = { name: 'Identity', schema: Type.Object({ id: Type.Optional(Type.String()) }), doc: 'An identity.' }
    expect(new TypeEmitter([open]).declaration(open)).toBe('/** An identity. */\nexport type Identity = {\n  id?: string\n  [key: string]: unknown\n}\n')
    const typed = { name: 'Typed', schema: Type.Object({ id: Type.String() }, { additionalProperties: Type.String() }), doc: 'Typed extras.' }
    expect(() => new TypeEmitter([typed]).declaration(typed)).toThrow('no TypeScript type for additionalProperties')
  })

  it('refuse a kind they cannot type, rather than type it loosely', () => {
    const unknown = { name: 'Any', schema: Type.Any(), doc: 'Anything.' }
    expect(() => new TypeEmitter([unknown]).declaration(unknown)).toThrow('no TypeScript type for a schema of kind Any')
  })

  it('refuse an object whose required list says otherwise than its optional markers', () => {
    const schema = Type.Object({ a: Type.String() })
    ;(schema as { required: string[] }).required = []
    const broken = { name: 'Broken', schema, doc: 'Broken.' }
    expect(() => new TypeEmitter([broken]).declaration(broken)).toThrow("property a: its optional marker and the object's required list disagree")
  })
})
