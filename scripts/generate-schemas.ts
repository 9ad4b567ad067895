/**
 * Writes the TypeBox resource schemas in `src/schemas/resources/` (v1.0) and `src/schemas/beta/` from
 * Graph's CSDL contract extract. Run with `npm run generate:schemas`; `test/unit/schemas/generated.test.ts`
 * fails when the committed files differ from what this script writes.
 *
 * Usage: node scripts/generate-schemas.ts [--check] [--contract <dir>]
 */
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { contractDir, loadContract, type Contract, type ContractType, type ContractProperty } from './contract.ts'

/** Which file of the schemas folder a Graph type is written to. */
function familyOf(name: string, kind: string): string {
  if (kind === 'EnumType') return 'enums'
  if (name === 'entity') return 'entity'
  if (/identity|Identity/.test(name)) return 'identity'
  if (/^teleconferenceDevice/.test(name)) return 'teleconference-device'
  if (/Operation$/.test(name) || name === 'commsOperation') return 'operation'
  if (/^(mediaConfig|appHostedMediaConfig|serviceHostedMediaConfig|mediaInfo|prompt|mediaPrompt|liveCaptionOptions)$/.test(name)) return 'media-config'
  if (/CallOptions$|^callOptions$/.test(name)) return 'call-options'
  if (/MeetingInfo$|^meetingInfo$|^chatInfo$|^meetingCapability$|^onlineMeetingRestricted$/.test(name)) return 'meeting-info'
  if (/^participant(Joining|Left)Notification$/.test(name)) return 'notification'
  if (/^participant|^invitationParticipantInfo$|^mediaStream$|^recordingInfo$|^removedState$/.test(name)) return 'participant'
  if (/^comms?Notification/.test(name)) return 'notification'
  if (name === 'resultInfo') return 'result-info'
  if (name === 'contentSharingSession') return 'content-sharing'
  return 'call'
}

/** PascalCase name of a Graph type, as exported. */
export function pascal(name: string): string {
  return name[0]!.toUpperCase() + name.slice(1)
}

const short = (fullName: string) => fullName.replace(/^microsoft\.graph\./, '')

interface Emitted {
  name: string
  family: string
  code: string
  deps: Set<string>
}

/** Abstract polymorphic bases: their subtypes must say which they are. */
function abstractBaseOf(contract: Contract, type: ContractType): string | undefined {
  let base = type.baseType ? contract.types[type.baseType] : undefined
  while (base) {
    if (base.abstract && base.name !== 'entity') return base.name
    base = base.baseType ? contract.types[base.baseType] : undefined
  }
  return undefined
}

/*
 * Open types. The contract marks some types `OpenType`: OData lets a value of one carry properties the type
 * does not declare (dynamic properties), and Graph's calling service reads them. Graph's own request bodies
 * rely on it: a PSTN target is an `identitySet` (so tagged) with a `phone`, a user `identity` carries a
 * `tenantId` or an `identityProvider`, a transfer target has an `endpointType`, `languageId` and `region`. A
 * schema of an open type therefore accepts properties it does not know; one of a closed type refuses them,
 * so a misspelt property is still caught wherever the contract says the set of properties is fixed.
 *
 * An open complex type that is concrete and has subtypes here (`identity`, `identitySet`) gets two more
 * rules, so that what is known of its properties is still checked:
 * - its own member of the union (`<Name>Base`) also declares the properties of its subtypes, typed as they
 *   declare them: a value tagged with the base type (as Graph's docs tag every identity set) that carries
 *   `phone` is read by Graph as the `communicationsIdentitySet` property of that name, so `phone` is checked
 *   as an `identity`, not let through as just any dynamic property;
 * - its subtypes need their `@odata.type`: OData reads an untagged value as the type the property declares
 *   (the base), so an untagged value is checked against the base alone. Were the (open) subtypes tried too,
 *   one that lacks a property would accept any value for it (`{ tenantId: 5 }` passes as a phone identity).
 * Entity types are left out of these two: Graph tags each entity it sends with its own type, and bots do not
 * write them.
 */

/** Whether the type is an open, concrete complex type with subtypes in this contract (see above). */
function isOpenBase(contract: Contract, type: ContractType): boolean {
  return type.kind === 'ComplexType' && type.openType === true && !type.abstract && definedDescendants(contract, type).length > 0
}

/** Whether a base of the type is an open base: then the type needs its `@odata.type` (see above). */
function hasOpenBase(contract: Contract, type: ContractType): boolean {
  for (let b = type.baseType ? contract.types[type.baseType] : undefined; b; b = b.baseType ? contract.types[b.baseType] : undefined) {
    if (isOpenBase(contract, b)) return true
  }
  return false
}

/** Whether the type's values must carry their `@odata.type` where a property declares one of its bases. */
function isTagged(contract: Contract, type: ContractType): boolean {
  return type.kind !== 'EnumType' && (abstractBaseOf(contract, type) !== undefined || hasOpenBase(contract, type))
}

/*
 * Declared subtypes. The tag a subtype needs is there to tell the members of its base's union apart; OData
 * reads an untagged value as the type the property declares. So where a property or an action parameter
 * declares the subtype itself (the answer action's `callOptions` is an `incomingCallOptions`, not any
 * `callOptions`), an untagged value is already that subtype: there the schema is `<Name>AsDeclared`, whose
 * `@odata.type` is optional (and still checked when given). Where the abstract or open base is declared, its
 * union and the tag stay.
 */

/** Full names of the tagged types some property or bound-action parameter of the contract declares as such. */
function declaredSubtypes(contract: Contract): Set<string> {
  const declared = [
    ...Object.values(contract.types).flatMap((t) => [...(t.properties ?? []), ...(t.navigationProperties ?? [])]),
    ...Object.values(contract.boundOperations).flatMap((ops) => ops.flatMap((op) => op.parameters)),
  ].map((p) => p.type)
  return new Set(declared.filter((name) => contract.types[name] && isTagged(contract, contract.types[name]!)))
}

/**
 * Properties a value must have beyond what the contract says. The contract's `Nullable="false"` does not say
 * "required": it marks properties that requests leave out (an entity's `id`, which no body creating a call
 * has), so each property here is one without which Graph cannot act on the value at all. The inbound face
 * and the notification decoders require nothing, so only what is sent is narrowed.
 */
const REQUIRED: Record<string, readonly string[]> = {
  // An invitation (a call's target; a redirect, invite or transfer target) names whom to ring by its
  // identity alone: the contract has it non-nullable, every request body of Graph's docs gives it, and Graph
  // refuses an invitation without one.
  invitationParticipantInfo: ['identity'],
}

/** Own and inherited properties, base first, as Graph serialises them. */
function allProperties(contract: Contract, type: ContractType): ContractProperty[] {
  const chain: ContractType[] = []
  for (let t: ContractType | undefined = type; t; t = t.baseType ? contract.types[t.baseType] : undefined) chain.unshift(t)
  const seen = new Map<string, ContractProperty>()
  for (const t of chain) for (const p of [...(t.properties ?? []), ...(t.navigationProperties ?? [])]) seen.set(p.name, p)
  return [...seen.values()]
}

/** An open base's properties followed by those its subtypes add (see "Open types"), each once. */
function withSubtypeProperties(contract: Contract, type: ContractType, descendants: string[]): ContractProperty[] {
  const out = new Map(allProperties(contract, type).map((p) => [p.name, p]))
  for (const d of descendants) {
    for (const p of allProperties(contract, contract.types[`microsoft.graph.${d}`]!)) {
      const known = out.get(p.name)
      if (!known) out.set(p.name, p)
      else if (known.type !== p.type || known.collection !== p.collection || known.nullable !== p.nullable) {
        fail(`${type.name}: subtypes declare ${p.name} differently (${d} has ${p.type}); say which the base takes`)
      }
    }
  }
  return [...out.values()]
}

/** Derived types of a type that this contract defines, transitively. */
function definedDescendants(contract: Contract, type: ContractType): string[] {
  const out: string[] = []
  for (const t of Object.values(contract.types)) {
    if (t.kind === 'EnumType' || t.name === type.name) continue
    for (let b = t.baseType; b; b = contract.types[b]?.baseType ?? null) {
      if (b === `microsoft.graph.${type.name}`) {
        out.push(t.name)
        break
      }
    }
  }
  return out.sort()
}

/** Each Edm type's schema expression and TypeBox type. */
const EDM: Record<string, [string, string]> = {
  'Edm.String': ['Type.String()', 'TString'],
  'Edm.Boolean': ['Type.Boolean()', 'TBoolean'],
  'Edm.Int32': ['Int32()', 'TInteger'],
  'Edm.Int64': ['Int64()', 'TInteger'],
  'Edm.Double': ['Double()', 'TNumber'],
  'Edm.Guid': ['Guid()', 'TString'],
  'Edm.DateTimeOffset': ['DateTimeOffset()', 'TString'],
  'Edm.Duration': ['Duration()', 'TString'],
  'Edm.Stream': ['Stream()', 'TString'],
}

/**
 * A property's schema expression and its declared TypeBox type. The declared types name other schemas by
 * `typeof`, which keeps the published declarations small (inferred ones would inline every nested type).
 */
function propertyType(contract: Contract, p: ContractProperty, deps: Set<string>): [string, string] {
  let value: string
  let type: string
  if (p.type.startsWith('Edm.')) {
    ;[value, type] = EDM[p.type] ?? fail(`no mapping for ${p.type}`)
  } else {
    const target = short(p.type)
    if (!contract.types[p.type]) fail(`${p.type} is referenced but not defined`)
    deps.add(target)
    value = isTagged(contract, contract.types[p.type]!) ? `${pascal(target)}AsDeclared` : pascal(target)
    type = `typeof ${value}`
  }
  if (p.collection) [value, type] = [`Type.Array(${value})`, `TArray<${type}>`]
  if (p.nullable) [value, type] = [`Nullable(${value})`, `TUnion<[${type}, TNull]>`]
  return [value, type]
}

function fail(message: string): never {
  throw new Error(message)
}

function jsdoc(type: ContractType, version: string): string {
  const kind = type.kind === 'EnumType' ? 'enum' : type.kind === 'EntityType' ? 'entity' : 'complex type'
  const poly = type.abstract ? ' (abstract: one of its subtypes, told apart by `@odata.type`)' : ''
  const open = type.openType ? ' (open: it takes properties it does not declare)' : ''
  return `/** Graph ${version} ${kind} \`${type.name}\`${poly}${open}. */`
}

function emitEnum(type: ContractType, version: string): Emitted {
  const members = (type.members ?? []).map((m) => `'${m.name}'`).join(', ')
  const name = pascal(type.name)
  return {
    name: type.name,
    family: 'enums',
    deps: new Set(),
    code: `${jsdoc(type, version)}\nexport const ${name}: TEnum<[${members}]> = Type.Enum([${members}])\n/** Graph ${version} \`${type.name}\` values. */\nexport type ${name} = Static<typeof ${name}>\n`,
  }
}

function emitObject(contract: Contract, type: ContractType, version: string): Emitted {
  const deps = new Set<string>()
  const name = pascal(type.name)
  const discriminator = `'#microsoft.graph.${type.name}'`
  const tagged = abstractBaseOf(contract, type) !== undefined || hasOpenBase(contract, type)
  // `entity` is the root of every Graph entity, not a polymorphic calling type: it stays `{ id }`.
  const descendants = type.name === 'entity' ? [] : definedDescendants(contract, type)
  const openBase = isOpenBase(contract, type)
  const required = new Set(REQUIRED[type.name] ?? [])
  const properties = openBase ? withSubtypeProperties(contract, type, descendants) : allProperties(contract, type)
  for (const r of required) if (!properties.some((p) => p.name === r)) fail(`${type.name} has no property ${r} to require`)
  const lines = [`  '@odata.type': ${tagged ? `ODataType(${discriminator})` : `Type.Optional(ODataType(${discriminator}))`},`]
  const types = [`  '@odata.type': ${tagged ? `TLiteral<${discriminator}>` : `TOptional<TLiteral<${discriminator}>>`}`]
  for (const p of properties) {
    const key = /^[A-Za-z_$][\w$]*$/.test(p.name) ? p.name : `'${p.name}'`
    const [value, declared] = propertyType(contract, p, deps)
    lines.push(required.has(p.name) ? `  ${key}: ${value},` : `  ${key}: Type.Optional(${value}),`)
    types.push(required.has(p.name) ? `  ${key}: ${declared}` : `  ${key}: TOptional<${declared}>`)
  }
  const objectType = `TObject<{\n${types.join('\n')}\n}>`
  // An open type's schema leaves `additionalProperties` out, so that unknown properties are accepted.
  const closing = `}${type.openType ? '' : ', { additionalProperties: false }'})`
  const object = `Type.Object({\n${lines.join('\n')}\n${closing}`
  let code = ''
  if (descendants.length === 0) {
    code = `${jsdoc(type, version)}\nexport const ${name}: ${objectType} = ${object}\n`
  } else {
    for (const d of descendants) deps.add(d)
    const members = descendants.map(pascal)
    if (!type.abstract) {
      // A concrete base is a member of its own union, exported as `<Name>Base`.
      const what = openBase
        ? `Graph ${version} \`${type.name}\` itself (untagged, or tagged as such): an open type, which also takes its subtypes' properties.`
        : `Graph ${version} \`${type.name}\` itself, without its subtypes.`
      code += `/** ${what} */\nexport const ${name}Base: ${objectType} = ${object}\n`
      code += `/** ${what} */\nexport type ${name}Base = Static<typeof ${name}Base>\n`
      members.unshift(`${name}Base`)
    }
    code += `${jsdoc(type, version)}\nexport const ${name}: TUnion<[${members.map((m) => `typeof ${m}`).join(', ')}]> = Type.Union([${members.join(', ')}])\n`
  }
  code += `/** Graph ${version} \`${type.name}\`. */\nexport type ${name} = Static<typeof ${name}>\n`
  if (tagged && declaredSubtypes(contract).has(`microsoft.graph.${type.name}`)) {
    // Declared as itself, the value is this type whether tagged or not (see "Declared subtypes").
    if (descendants.length > 0) fail(`${type.name} is declared as itself and has subtypes; say which of them an untagged value is`)
    const optional = (text: string) => text.replace(/^ {2}'@odata\.type': .*$/m, (line) => line.replace(/ODataType\((.*)\),$/, 'Type.Optional(ODataType($1)),').replace(/(TLiteral<.*>)$/, 'TOptional<$1>'))
    const what = `Graph ${version} \`${type.name}\` where a property or parameter declares that type itself: its \`@odata.type\` may be left out.`
    code += `\n/** ${what} */\nexport const ${name}AsDeclared: ${optional(objectType)} = ${optional(object)}\n`
    code += `/** ${what} */\nexport type ${name}AsDeclared = Static<typeof ${name}AsDeclared>\n`
  }
  return { name: type.name, family: familyOf(type.name, type.kind), deps, code }
}

/** Orders emitted types so that each comes after what it uses. */
function topological(emitted: Map<string, Emitted>): Emitted[] {
  const out: Emitted[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (name: string, trail: string[]) => {
    const s = state.get(name)
    if (s === 'done') return
    if (s === 'visiting') fail(`cycle: ${[...trail, name].join(' -> ')}`)
    state.set(name, 'visiting')
    const e = emitted.get(name) ?? fail(`unknown ${name}`)
    for (const d of [...e.deps].sort()) if (d !== name) visit(d, [...trail, name])
    state.set(name, 'done')
    out.push(e)
  }
  for (const name of [...emitted.keys()].sort()) visit(name, [])
  return out
}

const TYPEBOX_TYPES = ['TArray', 'TBoolean', 'TEnum', 'TInteger', 'TLiteral', 'TNull', 'TNumber', 'TObject', 'TOptional', 'TString', 'TUnion']

const HEADER = '// Generated by scripts/generate-schemas.ts from Graph\'s CSDL. Do not edit: change the script.\n'

/**
 * Renders the family files of one API version. Each schema's type is the plain one written out from it in
 * `types.generated.ts` (see `scripts/generate-validators.ts`), there named with `typePrefix`.
 */
export function renderVersion(contract: Contract, edmImport: string, typePrefix: string): Map<string, string> {
  const version = contract.apiVersion
  const emitted = new Map<string, Emitted>()
  for (const t of Object.values(contract.types)) {
    emitted.set(t.name, t.kind === 'EnumType' ? emitEnum(t, version) : emitObject(contract, t, version))
  }
  const ordered = topological(emitted)
  const families = new Map<string, Emitted[]>()
  for (const e of ordered) families.set(e.family, [...(families.get(e.family) ?? []), e])
  // Families import each other; a cycle between two files would leave a schema undefined at load.
  const familyDeps = new Map<string, Set<string>>()
  for (const e of ordered) for (const d of e.deps) {
    const f = emitted.get(d)!.family
    if (f !== e.family) familyDeps.set(e.family, (familyDeps.get(e.family) ?? new Set()).add(f))
  }
  const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
    [...(familyDeps.get(from) ?? [])].some((f) => f === to || (!seen.has(f) && (seen.add(f), reaches(f, to, seen))))
  for (const [family, deps] of familyDeps) for (const d of deps) if (reaches(d, family)) fail(`files ${family} and ${d} import each other`)
  const files = new Map<string, string>()
  for (const [family, items] of [...families].sort(([a], [b]) => a.localeCompare(b))) {
    const imports = new Map<string, Set<string>>()
    for (const e of items) {
      for (const d of e.deps) {
        const dep = emitted.get(d)!
        if (dep.family === family) continue
        // A property that declares a tagged subtype itself names its `<Name>AsDeclared` schema instead.
        const names = imports.get(dep.family) ?? new Set()
        for (const n of [pascal(d), `${pascal(d)}AsDeclared`]) if (new RegExp(`\\b${n}\\b`).test(e.code)) names.add(n)
        imports.set(dep.family, names)
      }
    }
    // Every type is the plain one written out from its schema: declarations then never load TypeBox's.
    const body = items
      .map((e) => e.code)
      .join('\n')
      .replace(/^export type (\w+) = Static<typeof \1>$/gm, (_, name: string) => `export type ${name} = Types.${typePrefix}${name}`)
    const edmUsed = ['Nullable', 'ODataType', 'Int32', 'Int64', 'Double', 'Guid', 'DateTimeOffset', 'Duration', 'Stream'].filter((h) =>
      new RegExp(`\\b${h}\\(`).test(body),
    )
    const head = [
      HEADER,
      `import { Type, ${TYPEBOX_TYPES.filter((t) => new RegExp(`\\b${t}\\b`).test(body)).map((t) => `type ${t}`).join(', ')} } from 'typebox'`,
      "import type * as Types from '../types.generated.ts'",
      ...(edmUsed.length ? [`import { ${edmUsed.join(', ')} } from '${edmImport}'`] : []),
      ...[...imports].sort(([a], [b]) => a.localeCompare(b)).map(([f, names]) => `import { ${[...names].sort().join(', ')} } from './${f}.ts'`),
    ]
    files.set(`${family}.ts`, `${head.join('\n')}\n\n${body}`)
  }
  const index = [...files.keys()].sort().map((f) => `export * from './${f}'`)
  files.set('index.ts', `${HEADER}${index.join('\n')}\n`)
  return files
}

function write(dir: string, files: Map<string, string>, check: boolean): string[] {
  const stale: string[] = []
  mkdirSync(dir, { recursive: true })
  const existing = new Set(readdirSync(dir).filter((f) => f.endsWith('.ts')))
  for (const [file, text] of files) {
    const path = join(dir, file)
    existing.delete(file)
    let current: string | undefined
    try {
      current = readFileSync(path, 'utf8')
    } catch {}
    if (current === text) continue
    stale.push(path)
    if (!check) writeFileSync(path, text)
  }
  for (const file of existing) {
    stale.push(join(dir, file))
    if (!check) rmSync(join(dir, file))
  }
  return stale
}

if (import.meta.main) {
  const args = process.argv.slice(2)
  const check = args.includes('--check')
  const dir = contractDir(args)
  const root = resolve(import.meta.dirname, '..')
  const stale = [
    ...write(join(root, 'src/schemas/resources'), renderVersion(loadContract(dir, 'v1.0'), '../edm.ts', ''), check),
    ...write(join(root, 'src/schemas/beta'), renderVersion(loadContract(dir, 'beta'), '../edm.ts', 'Beta'), check),
  ]
  if (check && stale.length) {
    console.error(`out of date: ${stale.join(', ')}; run npm run generate:schemas`)
    process.exit(1)
  }
  console.log(check ? 'schemas are up to date' : `wrote ${stale.length} file(s)`)
}
