/**
 * Holds the schemas to Graph's CSDL contract: every type, property, enum member and type mapping of
 * v1.0 (top level) and beta (`beta` namespace), and the parameters of the call actions.
 */
import { describe, expect, it } from 'vitest'
import * as schemas from '../../src/schemas/index.ts'
import { contractDir, loadContract, type Contract, type ContractOperation, type ContractProperty, type ContractType } from '../../scripts/contract.ts'
import { Duration } from '../../src/schemas/edm.ts'
import { contractExceptions } from './exceptions.ts'
import { cases, sampleIds } from '../unit/requests/catalogue.ts'

/** The pattern `Edm.Duration`'s schema carries. */
const DURATION_PATTERN = (Duration() as { pattern?: string }).pattern

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
      // A pattern: JSON Schema's `duration` format refuses the fractions and sign Edm.Duration allows.
      return { type: 'string', pattern: DURATION_PATTERN, description: 'an ISO 8601 duration' }
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

/** A concrete open complex type with subtypes: its own member declares their properties too. */
function isOpenBase(contract: Contract, type: ContractType): boolean {
  return type.kind === 'ComplexType' && type.openType === true && !type.abstract && descendants(contract, type.name).length > 0
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
  const expected = (p: ContractProperty) => faithful(p, exported)

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
    const props = new Map(allProperties(contract, t).map((p) => [p.name, p]))
    // An open base's own member also declares (as they do) the properties of its subtypes.
    if (isOpenBase(contract, t)) for (const d of subtypes) for (const p of allProperties(contract, contract.types[`microsoft.graph.${d}`]!)) if (!props.has(p.name)) props.set(p.name, p)
    expect(Object.keys(own.properties).sort()).toEqual(['@odata.type', ...props.keys()].sort())
    expect(own.properties['@odata.type']).toEqual({ type: 'string', const: `#microsoft.graph.${t.name}` })
    // An open type takes properties it does not declare; a closed one refuses them.
    expect({ [t.name]: own.additionalProperties }).toEqual({ [t.name]: t.openType ? undefined : false })
    for (const p of props.values()) expect({ [p.name]: own.properties[p.name] }).toEqual({ [p.name]: expected(p) })
    // Only subtypes of abstract or open bases must say which they are; every Graph property is optional but
    // for the few the exceptions list.
    const tagged = (() => {
      for (let b = t.baseType; b; b = contract.types[b]?.baseType ?? null) {
        if ((contract.types[b]?.abstract && short(b) !== 'entity') || isOpenBase(contract, contract.types[b]!)) return true
      }
      return false
    })()
    const required = [...(tagged ? ['@odata.type'] : []), ...Object.keys(contractExceptions.requiredProperties[t.name] ?? {})]
    expect([...(own.required ?? [])].sort()).toEqual(required.sort())
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

/** The contract type a property or parameter has: its type name, and whether it is a collection or nullable. */
type Declared = Pick<ContractProperty, 'type' | 'collection' | 'nullable'>

function isSelfOrDescendant(contract: Contract, name: string, base: string): boolean {
  for (let t: string | null | undefined = name; t; t = contract.types[t]?.baseType) if (t === base) return true
  return false
}

function primitiveProblem(s: any, type: string): string | undefined {
  const INT32 = [-2147483648, 2147483647]
  const ok: Record<string, () => boolean> = {
    'Edm.String': () => s.type === 'string' || (Array.isArray(s.enum) && s.enum.every((v: unknown) => typeof v === 'string')),
    'Edm.Boolean': () => s.type === 'boolean',
    'Edm.Int32': () => s.type === 'integer' && s.minimum >= INT32[0]! && s.maximum <= INT32[1]!,
    'Edm.Int64': () => s.type === 'integer',
    'Edm.Double': () => s.type === 'number' || s.type === 'integer',
    'Edm.Guid': () => s.type === 'string' && s.format === 'uuid',
    'Edm.DateTimeOffset': () => s.type === 'string' && s.format === 'date-time',
    'Edm.Duration': () => s.type === 'string' && s.pattern === DURATION_PATTERN,
  }
  return ok[type]?.() ? undefined : `accepts what ${type} does not (${JSON.stringify(s).slice(0, 120)})`
}

/**
 * Every way `schema` accepts a value that the contract's `declared` type does not: a null where the
 * contract has none, an unknown property, an enum value or `@odata.type` the contract lacks, a wider
 * number range. None means the schema is the contract's type or a narrowing of it.
 */
function widenings(contract: Contract, schema: any, declared: Declared, at: string): string[] {
  const s = json(schema)
  if (Array.isArray(s.anyOf) && s.anyOf.length === 2 && s.anyOf.some((m: any) => m.type === 'null')) {
    const rest = declared.nullable ? [] : [`${at}: accepts null, which the contract does not`]
    return [...rest, ...widenings(contract, s.anyOf.find((m: any) => m.type !== 'null'), { ...declared, nullable: false }, at)]
  }
  if (declared.collection) {
    if (s.type !== 'array') return [`${at}: expected an array schema`]
    return widenings(contract, s.items, { type: declared.type, collection: false, nullable: false }, `${at}[]`)
  }
  if (declared.type.startsWith('Edm.')) {
    const problem = primitiveProblem(s, declared.type)
    return problem ? [`${at}: ${problem}`] : []
  }
  const type = contract.types[declared.type]
  if (!type) return [`${at}: ${declared.type} is not in the contract`]
  if (type.kind === 'EnumType') {
    const values: unknown[] | undefined = s.enum ?? (s.const !== undefined ? [s.const] : undefined)
    if (!values) return [`${at}: expected an enum of ${type.name}`]
    return values.filter((v) => !type.members!.some((m) => m.name === v)).map((v) => `${at}: ${JSON.stringify(v)} is not a ${type.name} member`)
  }
  return ((s.anyOf ?? [s]) as any[]).flatMap((member) => {
    if (member.type !== 'object') return [`${at}: expected an object schema`]
    const odata: string | undefined = member.properties?.['@odata.type']?.const
    const name = odata ? `microsoft.graph.${odata.replace('#microsoft.graph.', '')}` : declared.type
    if (!isSelfOrDescendant(contract, name, declared.type)) return [`${at}: ${name} is not a ${declared.type}`]
    const type = contract.types[name]!
    // An open type takes properties it does not declare (the contract's own rule); a closed one must not.
    if (member.additionalProperties !== false && !type.openType) return [`${at}: expected a closed object schema`]
    if (!odata && type.abstract) return [`${at}: ${name} is abstract, so its @odata.type must be given`]
    const known = new Map(allProperties(contract, type).map((p) => [p.name, p]))
    // What an open type's subtypes declare, the schema must map as they do.
    if (type.openType) for (const d of descendants(contract, type.name)) for (const p of allProperties(contract, contract.types[`microsoft.graph.${d}`]!)) if (!known.has(p.name)) known.set(p.name, p)
    return Object.entries<any>(member.properties ?? {}).flatMap(([key, sub]) => {
      if (key === '@odata.type') return []
      const p = known.get(key)
      return p ? widenings(contract, sub, p, `${at}.${key}`) : type.openType ? [] : [`${at}.${key}: not a property of ${short(name)}`]
    })
  })
}

/**
 * What a type is made of, member by member: an Edm type's name, an enum's members, or a complex or entity
 * type's properties (each with its own make-up, transitively), its subtypes' make-up and whether it is open
 * or abstract. A type met again further down stands for itself by name (the contract's types nest in cycles).
 */
function typeShape(contract: Contract, name: string, seen: ReadonlySet<string> = new Set()): unknown {
  if (name.startsWith('Edm.')) return name
  const type = contract.types[name]
  if (!type) return `unknown ${name}`
  if (type.kind === 'EnumType') return { enum: type.members!.map((m) => m.name) }
  if (seen.has(name)) return { ref: name }
  const inner = new Set([...seen, name])
  const members = allProperties(contract, type)
    .map((p) => ({ name: p.name, collection: p.collection, nullable: p.nullable, type: typeShape(contract, p.type, inner) }))
    .sort((a, b) => a.name.localeCompare(b.name))
  const subtypes = descendants(contract, type.name)
    .sort()
    .map((d) => ({ [d]: typeShape(contract, `microsoft.graph.${d}`, inner) }))
  return { name, open: type.openType === true, abstract: type.abstract === true, members, subtypes }
}

/** An operation's parameters and the make-up of each one's type, to compare an action across versions. */
function signature(contract: Contract, op: ContractOperation | undefined): string {
  return JSON.stringify(op?.parameters.map(({ name, type, collection, nullable, optional }) => ({ name, collection, nullable, optional, type: typeShape(contract, type) })))
}

/** The schema that maps a contract property or parameter exactly, from the exported schemas of its version. */
function faithful(p: Declared, exported: Record<string, any>): unknown {
  // A tagged subtype declared as itself is faithfully its `AsDeclared` schema, whose tag may be left out.
  const name = pascal(short(p.type))
  let s: unknown = p.type.startsWith('Edm.') ? edmSchema(p.type) : json(exported[`${name}AsDeclared`] ?? exported[name])
  if (p.collection) s = { type: 'array', items: s }
  if (p.nullable) s = { anyOf: [s, { type: 'null' }] }
  return s
}

/** Each bound operation, by `<binding>.<name>` (`call.answer`, `participant[].invite`), with its parameter schema. */
function operations(contract: Contract): Map<string, ContractOperation> {
  return new Map(
    Object.entries(contract.boundOperations).flatMap(([binding, ops]) => ops.map((op) => [`${short(binding)}.${op.name}`, op] as const)),
  )
}

const { beta: betaSchemas } = schemas
/** The body schema of every v1.0 action (null: the action takes no parameters). */
const v1Params: Record<string, unknown> = {
  'call.answer': schemas.AnswerParams,
  'call.reject': schemas.RejectParams,
  'call.redirect': schemas.RedirectParams,
  'call.transfer': schemas.TransferParams,
  'call.keepAlive': null,
  'call.playPrompt': schemas.PlayPromptParams,
  'call.recordResponse': schemas.RecordResponseParams,
  'call.subscribeToTone': schemas.ClientContextParams,
  'call.sendDtmfTones': schemas.SendDtmfTonesParams,
  'call.cancelMediaProcessing': schemas.ClientContextParams,
  'call.mute': schemas.ClientContextParams,
  'call.unmute': schemas.ClientContextParams,
  'call.changeScreenSharingRole': schemas.ChangeScreenSharingRoleParams,
  'call.updateRecordingStatus': schemas.UpdateRecordingStatusParams,
  'call.addLargeGalleryView': schemas.ClientContextParams,
  'call[].logTeleconferenceDeviceQuality': schemas.LogTeleconferenceDeviceQualityParams,
  'participant[].invite': schemas.InviteParams,
  'participant.mute': schemas.ClientContextParams,
  'participant.startHoldMusic': schemas.StartHoldMusicParams,
  'participant.stopHoldMusic': schemas.ClientContextParams,
}
/** The body schema of every beta-only action, and of the beta versions of actions with more parameters in beta. */
const betaParams: Record<string, unknown> = {
  'call.answer': schemas.BetaAnswerParams,
  'call.transfer': schemas.BetaTransferParams,
  'call[].logTeleconferenceDeviceQuality': schemas.BetaLogTeleconferenceDeviceQualityParams,
  'participant[].invite': schemas.BetaInviteParams,
  'participant.startHoldMusic': schemas.BetaStartHoldMusicParams,
  'call.playPrompt': schemas.BetaPlayPromptParams,
  'call.record': schemas.BetaRecordParams,
  'call.recordResponse': schemas.BetaRecordResponseParams,
  'call.redirect': schemas.BetaRedirectParams,
  'call.startRecording': schemas.ClientContextParams,
  'call.stopRecording': schemas.ClientContextParams,
  'call.startTranscription': schemas.BetaTranscriptionParams,
  'call.stopTranscription': schemas.BetaTranscriptionParams,
  'participant[].admitAllFromLobby': schemas.ClientContextParams,
  'participant[].muteAll': schemas.BetaMuteAllParams,
  'participant.admitFromLobby': schemas.ClientContextParams,
  'participant.removeFromLobby': schemas.ClientContextParams,
}

function checkParameters(version: 'v1.0' | 'beta', table: Record<string, unknown>, exported: Record<string, any>) {
  const contract = loadContract(contractDir(), version)
  const ops = operations(contract)
  const stricter = (action: string, param: string) => contractExceptions.stricterParameters[action]?.[param] ?? contractExceptions.stricterParameters['*']?.[param]

  it.each(Object.keys(table))(`${version} %s takes exactly the contract parameters, each the contract's type or a narrowing of it`, (action) => {
    const op = ops.get(action)
    expect(op, `${action} is not a ${version} bound operation`).toBeDefined()
    const schema = table[action] === null ? null : json(table[action])
    if (schema === null) return expect(op!.parameters).toEqual([])
    expect(schema.additionalProperties).toBe(false)
    expect(Object.keys(schema.properties).sort()).toEqual(op!.parameters.map((p) => p.name).sort())
    for (const p of op!.parameters) {
      expect(widenings(contract, schema.properties[p.name], p, `$.${p.name}`)).toEqual([])
      const required = (schema.required ?? []).includes(p.name)
      // A parameter the contract requires (not optional, not nullable) is required here too, unless the
      // docs say what happens without it (listed with its reason).
      const optional = contractExceptions.optionalParameters[action]?.[p.name] !== undefined
      if (!p.optional && !p.nullable) expect({ [p.name]: required }).toEqual({ [p.name]: !optional })
      // Anything narrower than the contract is listed in the exceptions with its reason, and only that.
      const asContract = required === (!p.optional && !p.nullable) && JSON.stringify(schema.properties[p.name]) === JSON.stringify(faithful(p, exported))
      expect({ [p.name]: stricter(action, p.name) !== undefined }).toEqual({ [p.name]: !asContract })
    }
  })
}

describe('contract: action parameters', () => {
  checkParameters('v1.0', v1Params, schemas as Record<string, any>)
  checkParameters('beta', betaParams, betaSchemas as Record<string, any>)

  it('every v1.0 action has a parameter schema', () => {
    expect([...operations(loadContract(contractDir(), 'v1.0')).keys()].sort()).toEqual(Object.keys(v1Params).sort())
  })

  it('every beta action has a beta parameter schema, or takes what its v1.0 version takes, member for member', () => {
    const v1Contract = loadContract(contractDir(), 'v1.0')
    const betaContract = loadContract(contractDir(), 'beta')
    const v1 = operations(v1Contract)
    const uncovered = [...operations(betaContract)].filter(([key, op]) => !(key in betaParams) && signature(betaContract, op) !== signature(v1Contract, v1.get(key)))
    expect(uncovered.map(([key]) => key)).toEqual([])
  })

  it('tells apart an action whose parameter types gained members, however deep', () => {
    const v1Contract = loadContract(contractDir(), 'v1.0')
    const betaContract = loadContract(contractDir(), 'beta')
    const v1 = operations(v1Contract)
    const beta = operations(betaContract)
    // Same parameter names and type names, different members: a member one level down, in a subtype, two levels down.
    for (const key of ['call.transfer', 'call.answer', 'participant.startHoldMusic', 'call[].logTeleconferenceDeviceQuality']) {
      expect(JSON.stringify(beta.get(key)!.parameters.map(({ name, type }) => [name, type]))).toBe(JSON.stringify(v1.get(key)!.parameters.map(({ name, type }) => [name, type])))
      expect({ [key]: signature(betaContract, beta.get(key)) === signature(v1Contract, v1.get(key)) }).toEqual({ [key]: false })
    }
    // Unchanged through and through: the same signature in both.
    for (const key of ['call.keepAlive', 'call.sendDtmfTones', 'call.changeScreenSharingRole']) {
      expect({ [key]: signature(betaContract, beta.get(key)) }).toEqual({ [key]: signature(v1Contract, v1.get(key)) })
    }
  })

  it('every exception names a parameter of an action that exists', () => {
    const params = new Map<string, Set<string>>()
    for (const version of ['v1.0', 'beta'] as const) {
      for (const [key, op] of operations(loadContract(contractDir(), version))) params.set(key, new Set([...(params.get(key) ?? []), ...op.parameters.map((p) => p.name)]))
    }
    const anywhere = (name: string) => [...params.values()].some((names) => names.has(name))
    const stale = Object.entries(contractExceptions.stricterParameters).flatMap(([action, rules]) =>
      Object.keys(rules)
        .filter((name) => (action === '*' ? !anywhere(name) : !params.get(action)?.has(name)))
        .map((name) => `${action} ${name}`),
    )
    expect(stale).toEqual([])
  })

  it('the body of Create call is a call, with only properties the contract gives a call (or narrowings of them)', () => {
    const contract = loadContract(contractDir(), 'v1.0')
    expect(widenings(contract, schemas.CreateCallParams, { type: 'microsoft.graph.call', collection: false, nullable: false }, '$')).toEqual([])
  })

  it('the body of the beta Create call is a beta call, with only properties the beta contract gives a call (or narrowings of them)', () => {
    const contract = loadContract(contractDir(), 'beta')
    expect(widenings(contract, schemas.BetaCreateCallParams, { type: 'microsoft.graph.call', collection: false, nullable: false }, '$')).toEqual([])
    expect(Object.keys(json(schemas.BetaCreateCallParams).properties)).toEqual(expect.arrayContaining(['ringingTimeoutInSeconds']))
  })

  it('what the body of Create call leaves out of a call, or narrows, is listed with the reason', () => {
    const contract = loadContract(contractDir(), 'v1.0')
    const properties = allProperties(contract, contract.types['microsoft.graph.call']!)
    const body = json(schemas.CreateCallParams)
    const omitted = properties.filter((p) => !(p.name in body.properties)).map((p) => p.name)
    const asContract = (p: ContractProperty) => !(body.required ?? []).includes(p.name) && JSON.stringify(body.properties[p.name]) === JSON.stringify(faithful(p, schemas))
    const narrowed = properties.filter((p) => p.name in body.properties && !asContract(p)).map((p) => p.name)
    expect(omitted.sort()).toEqual([...contractExceptions.createCall.omitted.properties].sort())
    expect(narrowed.sort()).toEqual(Object.keys(contractExceptions.createCall.narrowed).sort())
  })

  it('what the body of the beta Create call leaves out of a beta call is listed with the reason: only what Graph sets', () => {
    const contract = loadContract(contractDir(), 'beta')
    const properties = allProperties(contract, contract.types['microsoft.graph.call']!)
    const body = json(schemas.BetaCreateCallParams)
    const omitted = properties.filter((p) => !(p.name in body.properties)).map((p) => p.name)
    const listed = [...contractExceptions.createCall.omitted.properties, ...contractExceptions.createCall.betaOmitted.properties]
    // v1.0's navigation collections are not in beta's call type.
    expect(omitted.sort()).toEqual(listed.filter((name) => properties.some((p) => p.name === name)).sort())
  })

  it('finds a widening when there is one', () => {
    const contract = loadContract(contractDir(), 'v1.0')
    const declared = { type: 'microsoft.graph.invitationParticipantInfo', collection: false, nullable: false }
    expect(widenings(contract, { anyOf: [schemas.InvitationParticipantInfo, { type: 'null' }] }, declared, '$')).toEqual(['$: accepts null, which the contract does not'])
    // v1.0's invitationParticipantInfo is open: beta's endpointType is one of the properties it may carry.
    expect(widenings(contract, betaSchemas.InvitationParticipantInfo, declared, '$')).toEqual([])
    const info = { type: 'microsoft.graph.participantInfo', collection: false, nullable: false }
    expect(widenings(contract, betaSchemas.ParticipantInfo, info, '$')).toEqual(['$.nonAnonymizedIdentity: not a property of participantInfo', '$.platformId: not a property of participantInfo'])
    const identity = { type: 'microsoft.graph.identitySet', collection: false, nullable: false }
    const phoneAsText = { ...json(schemas.IdentitySetBase), properties: { ...json(schemas.IdentitySetBase).properties, phone: { type: 'string' } } }
    expect(widenings(contract, phoneAsText, identity, '$')).toEqual(['$.phone: expected an object schema'])
    expect(widenings(contract, schemas.CallState, { type: 'microsoft.graph.callState', collection: false, nullable: false }, '$')).toEqual([])
    expect(widenings(contract, betaSchemas.CallState, { type: 'microsoft.graph.callState', collection: false, nullable: false }, '$')).toEqual(['$: "ringing" is not a callState member'])
    expect(widenings(contract, { type: 'integer' }, { type: 'Edm.Int32', collection: false, nullable: false }, '$')).toEqual([expect.stringMatching(/^\$: accepts what Edm.Int32 does not/)])
  })
})

describe('contract: builders', () => {
  /** Where Graph expects a bound action, for the sample ids. */
  const pathOf = (key: string) => {
    const [binding, name] = [key.slice(0, key.lastIndexOf('.')), key.slice(key.lastIndexOf('.') + 1)]
    const base = { call: '/communications/calls/c1', 'call[]': '/communications/calls', participant: '/communications/calls/c1/participants/p1', 'participant[]': '/communications/calls/c1/participants' }[binding]
    return `${base}/${name}`
  }
  const actionCases = cases.filter((c) => c.action !== undefined)

  it.each(actionCases.map((c) => [c.builder, c.action!, c] as const))('%s sends %s where its binding says', (_, action, c) => {
    expect(operations(loadContract(contractDir(), c.apiVersion ?? 'v1.0')).has(action)).toBe(true)
    expect(c.method).toBe('POST')
    expect(c.build(c.ids.map((name) => sampleIds[name])).path).toBe(pathOf(action))
  })

  it.each(actionCases.map((c) => [c.builder, c.action!, c] as const))('%s is decoded as the type %s returns', (_, action, c) => {
    const contract = loadContract(contractDir(), c.apiVersion ?? 'v1.0')
    const returned = operations(contract).get(action)!.returnType
    const expected = returned === null ? undefined : isSelfOrDescendant(contract, returned.type, 'microsoft.graph.commsOperation') ? 'CommsOperation' : pascal(short(returned.type))
    expect(c.build(c.ids.map((name) => sampleIds[name])).resultType).toBe(expected)
  })

  it('every v1.0 action has a v1.0 builder, and every beta action a beta one (or the v1.0 one, taking the same parameters)', () => {
    const v1 = actionCases.filter((c) => !c.apiVersion).map((c) => c.action!)
    const beta = new Set<string>(actionCases.filter((c) => c.apiVersion === 'beta').map((c) => c.action!))
    expect([...operations(loadContract(contractDir(), 'v1.0')).keys()].sort()).toEqual([...v1].sort())
    const missing = [...operations(loadContract(contractDir(), 'beta')).keys()].filter((key) => !beta.has(key) && !(key in v1Params && !(key in betaParams)))
    expect(missing).toEqual([])
  })
})
