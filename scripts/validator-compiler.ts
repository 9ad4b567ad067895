/**
 * Compiles the TypeBox schemas (plain JSON Schema underneath) into standalone TypeScript validators, so the
 * request and parse paths never load TypeBox, never compile at run time and never `eval`.
 *
 * Two modes:
 * - `check` (outbound, strict): reports every deviation as an issue with its JSON path; unknown properties
 *   of a closed object (`additionalProperties: false`) are errors; formats and patterns are enforced.
 * - `decode` (inbound, lenient): returns the value with enum values put in their canonical casing and
 *   numeric strings turned into numbers, copying only the objects it changes (the input is never mutated);
 *   unknown properties and unknown enum values are kept; only a wrong JSON type is an issue.
 *
 * Only the JSON Schema keywords below are understood; any other keyword stops the build, so nothing a
 * schema says is ever silently skipped.
 */

type Schema = Record<string, any>
export type Mode = 'check' | 'decode'

const KNOWN_KEYWORDS = new Set([
  'type', 'properties', 'required', 'additionalProperties', 'anyOf', 'enum', 'const', 'items', 'minItems',
  'maxItems', 'uniqueItems', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength',
  'maxLength', 'pattern', 'format', 'description', 'title',
])

/** Regular expressions for the string formats the schemas use. */
const FORMATS: Record<string, [RegExp, string]> = {
  uuid: [/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'a GUID'],
  'date-time': [/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/, 'an RFC 3339 date-time'],
  duration: [
    /^-?P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/,
    'an ISO 8601 duration',
  ],
  // RFC 3986's characters only, and `%` only before two hex digits, as the schema's `uri` format has them.
  uri: [/^[A-Za-z][A-Za-z\d+.-]*:(?:[A-Za-z\d\-._~:/?#[\]@!$&'()*+,;=]|%[\dA-Fa-f]{2})*$/, 'an absolute URI'],
}

const IDENT = /^[A-Za-z_$][\w$]*$/
const prop = (key: string) => (IDENT.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`)
const quoteList = (values: unknown[]) => values.map((v) => `'${String(v)}'`).join(', ')

function isDiscriminated(schema: Schema): boolean {
  return (
    Array.isArray(schema.anyOf) &&
    schema.anyOf.length > 0 &&
    schema.anyOf.every((m: Schema) => m.type === 'object' && typeof m.properties?.['@odata.type']?.const === 'string')
  )
}

function isNullable(schema: Schema): Schema | undefined {
  if (!Array.isArray(schema.anyOf) || schema.anyOf.length !== 2) return undefined
  const [a, b] = schema.anyOf as Schema[]
  if (b?.type === 'null') return a
  if (a?.type === 'null') return b
  return undefined
}

const PATH_OF = [
  'function pathOf(segments: (string | number)[]): string {',
  "  let s = '$'",
  '  for (const k of segments) s += typeof k === \'number\' ? `[${k}]` : /^[A-Za-z_$][\\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`',
  '  return s',
  '}',
]

/** What the strict checks share: the path of the value being checked is always on `P`. */
const CHECK_RUNTIME = [
  ...PATH_OF,
  '',
  'function fail(message: string): void {',
  '  I.push({ path: pathOf(P), message })',
  '}',
]

/** What the lenient decoders share: `P` holds the path of the container being walked, `k` the key in it. */
const DECODE_RUNTIME = [
  'type Key = string | number | undefined',
  'type Decoder = (v: any, k?: Key) => any',
  '',
  ...PATH_OF,
  '',
  '// The issue says what came instead, by its JSON type only: a value may hold what a log must not show.',
  'function fail(message: string, k: Key, v: unknown): void {',
  "  const got = v === undefined ? 'nothing' : v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`",
  '  I.push({ path: pathOf(k === undefined ? P : [...P, k]), message: `${message}, got ${got}` })',
  '}',
  '',
  '// A changed value goes into a shallow copy, made on the first change; spreading defines own properties,',
  '// so a "__proto__" key in the payload stays plain data.',
  'function copied(o: any, v: any): any {',
  '  return o === v ? { ...v } : o',
  '}',
  '',
  '// Graph spells types in other casings too ("#microsoft.graph.Call"): those get the canonical spelling.',
  'function decodeConstant(v: any, k: Key, value: string): any {',
  "  if (typeof v !== 'string') { fail('expected a string', k, v); return v }",
  '  return v !== value && v.toLowerCase() === value.toLowerCase() ? value : v',
  '}',
  '',
  '// An enum value that is not spelled exactly: one in another casing gets the canonical spelling, one this',
  '// version does not know is kept, and anything but a string is an issue.',
  'function decodeEnum(v: any, k: Key, lower: Map<string, string>): any {',
  "  if (typeof v !== 'string') { fail('expected a string', k, v); return v }",
  '  return lower.get(v.toLowerCase()) ?? v',
  '}',
  '',
  '// An enum\'s values by their lowercase spelling, built from one list of them at load.',
  'function byLowercase(...values: string[]): Map<string, string> {',
  '  return new Map(values.map((value) => [value.toLowerCase(), value]))',
  '}',
  '',
  'function decodeArray(v: any, decode: Decoder, k: Key): any {',
  "  if (!Array.isArray(v)) { fail('expected an array', k, v); return v }",
  '  if (k !== undefined) P.push(k)',
  '  let o = v',
  '  for (let i = 0; i < v.length; i++) {',
  '    const y = decode(v[i], i)',
  '    if (y !== v[i]) { if (o === v) o = v.slice(); o[i] = y }',
  '  }',
  '  if (k !== undefined) P.pop()',
  '  return o',
  '}',
]

/**
 * Members the decoders keep as sent, by type. A call's participants, operations, audio routing groups and
 * content-sharing sessions are navigation properties: Graph serves each at its own URL
 * (`/communications/calls/{id}/participants`, ...) and sends none of them inside a call, in a notification
 * or an answer. Decoding them would put their decoders (the audio routing group's among them) in every
 * notification handler's bundle for members that never come.
 */
const DECODE_LEFT_AS_SENT: Readonly<Record<string, readonly string[]>> = {
  Call: ['audioRoutingGroups', 'contentSharingSessions', 'operations', 'participants'],
}

/**
 * Members Graph's own payloads spell in another casing, by type and canonical name: a decoder reads the
 * other spelling when the canonical one is absent or null and puts its value under the canonical name, the member
 * as sent being kept too. Graph's transfer page shows a failure as `"resultInfo": { "code": 500, "subCode": 7000 }`.
 */
const DECODE_ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  ResultInfo: { subcode: 'subCode' },
  BetaResultInfo: { subcode: 'subCode' },
}

/** The values an `enum` or a `const` allows; undefined for any other schema. */
function enumValuesOf(schema: Schema): unknown[] | undefined {
  return schema.enum ?? (schema.const !== undefined ? [schema.const] : undefined)
}

/** The one string a schema allows (an '@odata.type', say), decoded by the shared `decodeConstant`. */
function constantOf(schema: Schema): string | undefined {
  const values = enumValuesOf(schema)
  return values?.length === 1 && typeof values[0] === 'string' ? values[0] : undefined
}

/** Enums with at most this many values are matched by comparisons; larger ones by a Set. */
const MAX_COMPARED_ENUM_VALUES = 12

/** One generated module: functions for the named schemas, exported entry points for the units. */
export class ValidatorCompiler {
  private readonly names = new Map<string, string>()
  private readonly functions = new Map<string, string>()
  private readonly constants: string[] = []
  private readonly constantsByCode = new Map<string, string>()
  private readonly byJson = new Map<string, string>()
  private readonly byBody = new Map<string, string>()
  private anonymous = 0

  private readonly mode: Mode

  constructor(mode: Mode, named: Record<string, unknown>) {
    this.mode = mode
    for (const [name, schema] of Object.entries(named)) {
      if (schema && typeof schema === 'object' && !this.names.has(JSON.stringify(schema))) this.names.set(JSON.stringify(schema), name)
    }
  }

  private constant(code: string): string {
    const known = this.constantsByCode.get(code)
    if (known) return known
    const name = `K${this.constants.length}`
    this.constants.push(`const ${name} = ${code}`)
    this.constantsByCode.set(code, name)
    return name
  }

  /** The function that validates (or decodes) `schema`, generated once per distinct schema. */
  fn(schema: Schema): string {
    const json = JSON.stringify(schema)
    const known = this.byJson.get(json)
    if (known) return known
    const base = this.names.get(json)
    const name = base ? `${this.mode === 'check' ? 'c' : 'd'}${base}` : `${this.mode === 'check' ? 'c' : 'd'}${this.anonymous++}`
    this.byJson.set(json, name)
    for (const key of Object.keys(schema)) if (!KNOWN_KEYWORDS.has(key)) throw new Error(`unsupported keyword "${key}" in ${json.slice(0, 200)}`)
    const body = this.mode === 'check' ? this.checkBody(schema, base) : this.decodeBody(schema, base)
    // Schemas that differ only in their descriptions decode alike: one function serves them all.
    const twin = this.mode === 'decode' ? this.byBody.get(body) : undefined
    if (twin) {
      this.byJson.set(json, twin)
      return twin
    }
    this.byBody.set(body, name)
    const signature = this.mode === 'check' ? '(v: any): any' : '(v: any, k?: Key): any'
    this.functions.set(name, `function ${name}${signature} {\n${body}\n}`)
    return name
  }

  private describe(schema: Schema): string {
    if (schema.description) return schema.description
    if (schema.enum) return `one of ${quoteList(schema.enum)}`
    if (schema.const !== undefined) return `'${schema.const}'`
    if (isDiscriminated(schema)) return `an object whose '@odata.type' is one of ${quoteList(schema.anyOf.map((m: Schema) => m.properties['@odata.type'].const))}`
    const inner = isNullable(schema)
    if (inner) return `${this.describe(inner)} or null`
    switch (schema.type) {
      case 'string':
        if (schema.format && FORMATS[schema.format]) return FORMATS[schema.format]![1]
        return schema.minLength === 1 ? 'a non-empty string' : 'a string'
      case 'integer': return 'an integer'
      case 'number': return 'a number'
      case 'boolean': return 'a boolean'
      case 'null': return 'null'
      case 'array': return schema.items ? `an array of ${this.describe(schema.items).replace(/^(a|an) /, '')}${schema.items.enum ? ' values' : 's'}` : 'an array'
      case 'object': {
        const name = this.names.get(JSON.stringify(schema))
        return name ? `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name} object` : 'an object'
      }
    }
    return 'a value of another shape'
  }

  // ---------------------------------------------------------------- check (outbound, strict)

  private checkBody(schema: Schema, typeName: string | undefined): string {
    const lines: string[] = []
    const fail = (message: string) => `fail(${JSON.stringify(message)})`
    const nullable = isNullable(schema)
    if (nullable) return `  if (v !== null) ${this.fn(nullable)}(v)`
    if (isDiscriminated(schema)) return this.checkDiscriminated(schema)
    if (schema.anyOf) {
      const members = (schema.anyOf as Schema[]).map((m) => this.fn(m))
      return [
        '  const n = I.length',
        ...members.map((m) => `  ${m}(v); if (I.length === n) return; I.length = n`),
        `  ${fail(`expected ${this.describe(schema)}`)}`,
      ].join('\n')
    }
    if (schema.enum) {
      const set = this.constant(`new Set(${JSON.stringify(schema.enum)})`)
      return `  if (!${set}.has(v)) ${fail(`expected ${this.describe(schema)}`)}`
    }
    switch (schema.type) {
      case 'string': {
        lines.push(`  if (typeof v !== 'string') return ${fail(`expected ${this.describe(schema)}`)}`)
        if (schema.const !== undefined) lines.push(`  if (v !== ${JSON.stringify(schema.const)}) return ${fail(`expected '${schema.const}'`)}`)
        if (schema.minLength !== undefined) lines.push(`  if (v.length < ${schema.minLength}) return ${fail(schema.minLength === 1 ? 'expected a non-empty string' : `expected at least ${schema.minLength} characters`)}`)
        if (schema.maxLength !== undefined) lines.push(`  if (v.length > ${schema.maxLength}) return ${fail(`expected at most ${schema.maxLength} characters`)}`)
        if (schema.format !== undefined) {
          const [re, what] = FORMATS[schema.format] ?? (() => { throw new Error(`unsupported format ${schema.format}`) })()
          lines.push(`  if (!${this.constant(String(re))}.test(v)) return ${fail(`expected ${schema.description ?? what}`)}`)
        }
        if (schema.pattern !== undefined) {
          lines.push(`  if (!${this.constant(String(new RegExp(schema.pattern)))}.test(v)) return ${fail(`expected ${schema.description ?? `a string matching ${schema.pattern}`}`)}`)
        }
        return lines.join('\n')
      }
      case 'integer':
      case 'number': {
        const { minimum: min, maximum: max } = schema
        const exMin = schema.exclusiveMinimum
        const range = min !== undefined && max !== undefined ? ` from ${min} to ${max}` : min !== undefined ? ` of at least ${min}` : max !== undefined ? ` of at most ${max}` : exMin !== undefined ? ` greater than ${exMin}` : ''
        const what = `expected ${schema.description ?? `${schema.type === 'integer' ? 'an integer' : 'a number'}${range}`}`
        const test = schema.type === 'integer' ? `typeof v !== 'number' || !Number.isInteger(v)` : `typeof v !== 'number' || !Number.isFinite(v)`
        lines.push(`  if (${test}) return ${fail(what)}`)
        if (min !== undefined) lines.push(`  if (v < ${min}) return ${fail(what)}`)
        if (max !== undefined) lines.push(`  if (v > ${max}) return ${fail(what)}`)
        if (exMin !== undefined) lines.push(`  if (v <= ${exMin}) return ${fail(what)}`)
        if (schema.exclusiveMaximum !== undefined) lines.push(`  if (v >= ${schema.exclusiveMaximum}) return ${fail(what)}`)
        return lines.join('\n')
      }
      case 'boolean':
        return `  if (typeof v !== 'boolean') ${fail('expected a boolean')}`
      case 'null':
        return `  if (v !== null) ${fail('expected null')}`
      case 'array': {
        const item = this.fn(schema.items ?? {})
        lines.push(`  if (!Array.isArray(v)) return ${fail(`expected an array`)}`)
        if (schema.minItems !== undefined) lines.push(`  if (v.length < ${schema.minItems}) return ${fail(`expected at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`)}`)
        if (schema.maxItems !== undefined) lines.push(`  if (v.length > ${schema.maxItems}) return ${fail(`expected at most ${schema.maxItems} item${schema.maxItems === 1 ? '' : 's'}`)}`)
        if (schema.uniqueItems) lines.push(`  const seen = new Set()`)
        lines.push(`  for (let i = 0; i < v.length; i++) {`, `    P.push(i)`, `    ${item}(v[i])`)
        if (schema.uniqueItems) lines.push(`    if (typeof v[i] !== 'object' && seen.has(v[i])) fail('duplicate value ' + JSON.stringify(v[i]))`, `    seen.add(v[i])`)
        lines.push(`    P.pop()`, `  }`)
        return lines.join('\n')
      }
      case 'object':
        return this.checkObject(schema, typeName)
      case undefined:
        if (Object.keys(schema).every((k) => k === 'description' || k === 'title')) return '  // any value'
    }
    throw new Error(`cannot check schema ${JSON.stringify(schema).slice(0, 200)}`)
  }

  private checkObject(schema: Schema, typeName: string | undefined): string {
    const props = Object.entries<Schema>(schema.properties ?? {})
    const required: string[] = schema.required ?? []
    const closed = schema.additionalProperties === false
    const allowed = props.map(([k]) => k)
    const owner = typeName ? ` of ${typeName}` : ''
    const unknownMessage = `is not a property${owner}; expected ${allowed.length <= 12 ? `one of ${allowed.join(', ')}` : 'a known property'}`
    const lines = [
      `  if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(${JSON.stringify(`expected ${typeName ? `an object (${typeName})` : 'an object'}`)})`,
      `  for (const k in v) {`,
      `    if (!Object.hasOwn(v, k)) continue`,
      `    const x = v[k]`,
      // JSON writes no member whose value is undefined: Graph never sees it, so it is as absent (a required one is reported below).
      `    if (x === undefined) continue`,
      `    switch (k) {`,
    ]
    for (const [key, sub] of props) {
      lines.push(`      case ${JSON.stringify(key)}: P.push(k); ${this.fn(sub)}(x); P.pop(); break`)
    }
    lines.push(closed ? `      default: P.push(k); fail(${JSON.stringify(unknownMessage)}); P.pop()` : `      default: break`)
    lines.push(`    }`, `  }`)
    for (const key of required) {
      const what = this.describe(schema.properties[key])
      lines.push(`  if (v${prop(key)} === undefined) { P.push(${JSON.stringify(key)}); fail(${JSON.stringify(`is required: expected ${what}`)}); P.pop() }`)
    }
    return lines.join('\n')
  }

  private checkDiscriminated(schema: Schema): string {
    const members = schema.anyOf as Schema[]
    const byType = members.map((m) => [m.properties['@odata.type'].const as string, this.fn(m)] as const)
    const untyped = members.filter((m) => !(m.required ?? []).includes('@odata.type')).map((m) => this.fn(m))
    const known = quoteList(byType.map(([t]) => t))
    const lines = [
      `  if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(${JSON.stringify(`expected ${this.describe(schema)}`)})`,
      `  const t = v['@odata.type']`,
      `  switch (t) {`,
      ...byType.map(([t, f]) => `    case ${JSON.stringify(t)}: return ${f}(v)`),
      `  }`,
      `  if (t !== undefined) { P.push('@odata.type'); fail(${JSON.stringify(`expected one of ${known}`)}); P.pop(); return }`,
    ]
    if (untyped.length === 0) {
      lines.push(`  P.push('@odata.type'); fail(${JSON.stringify(`is required: expected one of ${known}`)}); P.pop()`)
    } else if (untyped.length === 1) {
      // Only the base may go untagged (the subtypes of an open base need their tag): an untagged value is one.
      lines.push(`  ${untyped[0]}(v)`)
    } else {
      // Without a discriminator any member that allows its absence may match (JSON Schema anyOf): the
      // first that fits wins; if none does, the first one's complaints are the most useful to report.
      lines.push(`  const n = I.length`, `  ${untyped[0]}(v)`, `  if (I.length === n) return`)
      if (untyped.length > 1) {
        lines.push(`  const first = I.splice(n)`)
        for (const f of untyped.slice(1)) lines.push(`  ${f}(v); if (I.length === n) return; I.length = n`)
        lines.push(`  I.push(...first)`)
      }
    }
    return lines.join('\n')
  }

  // ---------------------------------------------------------------- decode (inbound, lenient)

  // Every decoder takes the value and the key it sits under in its parent (`k`, undefined at the top): a
  // value that decodes (the common case) costs no path bookkeeping; only a failure, or a container whose
  // children are decoded, puts `k` on the path.
  private decodeBody(schema: Schema, name: string | undefined): string {
    const fail = (message: string) => `fail(${JSON.stringify(message)}, k, v)`
    const nullable = isNullable(schema)
    if (nullable) return `  return v === null ? v : ${this.fn(nullable)}(v, k)`
    if (isDiscriminated(schema)) return this.decodeDiscriminated(schema)
    if (schema.anyOf) {
      const members = (schema.anyOf as Schema[]).map((m) => this.fn(m))
      return ['  const n = I.length', '  let r', ...members.map((m) => `  r = ${m}(v, k); if (I.length === n) return r; I.length = n`), `  ${fail(`expected ${this.describe(schema)}`)}`, '  return v'].join('\n')
    }
    const constant = constantOf(schema)
    if (constant !== undefined) return `  return decodeConstant(v, k, ${JSON.stringify(constant)})`
    const enumValues = enumValuesOf(schema)
    if (enumValues) {
      // Graph sends some enum values in other casing ("Completed"): match case-insensitively, keep the
      // canonical spelling, and keep a value this version does not know rather than reject it.
      // Up to a dozen values are compared directly: a Set would first hash the freshly parsed string (about
      // 200 instructions for a call's `state`, "established"), while a comparison with a literal of another
      // length is over at once.
      const exact = enumValues.length <= MAX_COMPARED_ENUM_VALUES ? enumValues.map((e) => `v === ${JSON.stringify(e)}`).join(' || ') : `${this.constant(`new Set(${JSON.stringify(enumValues)})`)}.has(v)`
      // A value spelled exactly is a string, so only the others need the type check `decodeEnum` makes.
      if (enumValues.every((e) => typeof e === 'string')) return `  return ${exact} ? v : decodeEnum(v, k, ${this.constant(`byLowercase(${enumValues.map((e) => JSON.stringify(e)).join(', ')})`)})`
      const lower = this.constant(`new Map(${JSON.stringify(enumValues.map((e) => [String(e).toLowerCase(), e]))})`)
      return [`  if (typeof v !== 'string') { ${fail('expected a string')}; return v }`, `  return ${exact} ? v : (${lower}.get(v.toLowerCase()) ?? v)`].join('\n')
    }
    switch (schema.type) {
      case 'string':
        return `  if (typeof v !== 'string') ${fail('expected a string')}\n  return v`
      case 'integer':
      case 'number': {
        // Graph sends some numbers as strings ("code": "200"); a numeric string becomes its number.
        const pattern = schema.type === 'integer' ? String(/^-?\d+$/) : String(/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/)
        const re = this.constant(pattern)
        const what = schema.type === 'integer' ? 'an integer' : 'a number'
        // A fraction where an integer belongs is kept, and said, as `toInboundSchema` would refuse it.
        return [
          schema.type === 'integer' ? `  if (typeof v === 'number' && Number.isInteger(v)) return v` : `  if (typeof v === 'number') return v`,
          `  if (typeof v === 'string' && ${re}.test(v)) return Number(v)`,
          `  ${fail(`expected ${what}`)}`,
          `  return v`,
        ].join('\n')
      }
      case 'boolean':
        return `  if (typeof v !== 'boolean') ${fail('expected a boolean')}\n  return v`
      case 'null':
        return `  if (v !== null) ${fail('expected null')}\n  return v`
      case 'array':
        return `  return decodeArray(v, ${this.fn(schema.items ?? {})}, k)`
      case 'object': {
        // Each known property is read by name: monomorphic loads that V8 inlines, far cheaper than a
        // table walked by one loop. The object's own key goes on the path once, for all its properties.
        const lines = [
          `  if (typeof v !== 'object' || v === null || Array.isArray(v)) { ${fail('expected an object')}; return v }`,
          `  if (k !== undefined) P.push(k)`,
          `  let o = v`,
          `  let x, y`,
        ]
        const leftAsSent = new Set(DECODE_LEFT_AS_SENT[name ?? ''] ?? [])
        for (const [key, sub] of Object.entries<Schema>(schema.properties ?? {})) {
          if (leftAsSent.has(key)) continue
          // A name Object.prototype has would be read from the prototype when the payload lacks it.
          if (key in Object.prototype) throw new Error(`cannot decode property ${JSON.stringify(key)}: Object.prototype has it`)
          // A member that is null is kept as null, whatever the schema says: Graph sends `"id": null` for a
          // participant in its own roster example, and the inbound face (`toInboundSchema`) admits it too.
          // Only a null `@odata.type` is an issue, as unions of Graph types narrow on it. `!= null` is
          // written rather than two strict comparisons: it costs about the same and 57 bytes less gzipped.
          const present = key === '@odata.type' ? '!== undefined' : '!= null'
          lines.push(`  if ((x = v${prop(key)}) ${present} && (y = ${this.decodeExpression(sub, JSON.stringify(key))}) !== x) (o = copied(o, v))${prop(key)} = y`)
        }
        for (const [key, alias] of Object.entries(DECODE_ALIASES[name ?? ''] ?? {})) {
          const sub = schema.properties?.[key]
          if (sub === undefined) throw new Error(`cannot alias ${alias} to ${key}: ${name} has no such property`)
          lines.push(`  if (v${prop(key)} == null && (x = v${prop(alias)}) != null) (o = copied(o, v))${prop(key)} = ${this.decodeExpression(sub, JSON.stringify(alias))}`)
        }
        lines.push(`  if (k !== undefined) P.pop()`, `  return o`)
        return lines.join('\n')
      }
      case undefined:
        if (Object.keys(schema).every((k) => k === 'description' || k === 'title')) return '  return v'
    }
    throw new Error(`cannot decode schema ${JSON.stringify(schema).slice(0, 200)}`)
  }

  /**
   * The expression that decodes a property's value `x`, never null (its key in the parent is `key`): a
   * constant is written in place, which spares a function per property of every type.
   */
  private decodeExpression(schema: Schema, key: string): string {
    const inner = isNullable(schema)
    if (inner) return this.decodeExpression(inner, key)
    const constant = constantOf(schema)
    if (constant !== undefined) return `decodeConstant(x, ${key}, ${JSON.stringify(constant)})`
    return `${this.fn(schema)}(x, ${key})`
  }

  private decodeDiscriminated(schema: Schema): string {
    const members = schema.anyOf as Schema[]
    const fns = members.map((m) => this.fn(m))
    const entries = members.map((m, i) => [String(m.properties['@odata.type'].const).toLowerCase(), fns[i]!] as const)
    const table = this.constant(`new Map<string, Decoder>([${entries.map(([t, f]) => `[${JSON.stringify(t)}, ${f}]`).join(', ')}])`)
    // Graph's own spelling is matched by a switch (no lowercasing, no hashing of the fresh string); other
    // casings through the lowercase table. Without a known '@odata.type', the value is kept if any member
    // fits it (JSON Schema anyOf); else the first member's complaints are reported.
    const exact = members.map((m, i) => `    case ${JSON.stringify(String(m.properties['@odata.type'].const))}: return ${fns[i]}(v, k)`)
    return [
      `  if (typeof v !== 'object' || v === null || Array.isArray(v)) { fail('expected an object', k, v); return v }`,
      `  const t = v['@odata.type']`,
      `  switch (t) {`,
      ...exact,
      `  }`,
      `  const f = typeof t === 'string' ? ${table}.get(t.toLowerCase()) : undefined`,
      `  if (f) return f(v, k)`,
      `  const n = I.length`,
      `  const r0 = ${fns[0]}(v, k)`,
      `  if (I.length === n) return r0`,
      ...(fns.length > 1
        ? [`  const first = I.splice(n)`, `  let r`, ...fns.slice(1).map((f) => `  r = ${f}(v, k); if (I.length === n) return r; I.length = n`), `  I.push(...first)`]
        : []),
      // Nothing fits: the first member's decoding (canonical enums, numbers) is still the best reading.
      `  return r0`,
    ].join('\n')
  }

  /** Renders the module with one exported entry point per unit. */
  render(header: string, units: Record<string, Schema>): string {
    const exports: string[] = []
    for (const [unit, schema] of Object.entries(units)) {
      const f = this.fn(schema)
      if (this.mode === 'check') {
        exports.push(
          `/** Checks a value against the strict \`${unit}\` schema; returns every issue found (none when valid). */`,
          `export function validate${unit}(value: unknown): Issue[] {`,
          `  P = []`,
          `  I = []`,
          `  ${f}(value)`,
          `  const issues = I`,
          `  I = []`,
          `  return issues`,
          `}`,
        )
      } else {
        exports.push(
          `/** Decodes a value leniently as \`${unit}\`, adding an issue for each wrong JSON type, at paths below \`at\`. */`,
          `export function decode${unit}(value: unknown, issues: Issue[], at: (string | number)[] = []): unknown {`,
          `  P = at`,
          `  I = issues`,
          `  return ${f}(value, undefined)`,
          `}`,
        )
      }
    }
    return [
      header,
      `import type { Issue } from '../errors.ts'`,
      '',
      'let P: (string | number)[] = []',
      'let I: Issue[] = []',
      '',
      ...(this.mode === 'check' ? CHECK_RUNTIME : DECODE_RUNTIME),
      '',
      ...this.constants,
      '',
      ...[...this.functions.values()].reverse(),
      '',
      ...exports,
      '',
    ].join('\n')
  }
}
