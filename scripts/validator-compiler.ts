/**
 * Compiles the TypeBox schemas (plain JSON Schema underneath) into standalone TypeScript validators, so the
 * request and parse paths never load TypeBox, never compile at run time and never `eval`.
 *
 * Two modes:
 * - `check` (outbound, strict): reports every deviation as an issue with its JSON path; unknown properties
 *   are errors; formats and patterns are enforced.
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
  uri: [/^[A-Za-z][A-Za-z\d+.-]*:[^\s]*$/, 'an absolute URI'],
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

/** One generated module: functions for the named schemas, exported entry points for the units. */
export class ValidatorCompiler {
  private readonly names = new Map<string, string>()
  private readonly functions = new Map<string, string>()
  private readonly constants: string[] = []
  private readonly byJson = new Map<string, string>()
  private anonymous = 0

  private readonly mode: Mode

  constructor(mode: Mode, named: Record<string, unknown>) {
    this.mode = mode
    for (const [name, schema] of Object.entries(named)) {
      if (schema && typeof schema === 'object' && !this.names.has(JSON.stringify(schema))) this.names.set(JSON.stringify(schema), name)
    }
  }

  private constant(code: string): string {
    const name = `K${this.constants.length}`
    this.constants.push(`const ${name} = ${code}`)
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
    const body = this.mode === 'check' ? this.checkBody(schema, base) : this.decodeBody(schema)
    this.functions.set(name, `function ${name}(v: any): any {\n${body}\n}`)
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

  private decodeBody(schema: Schema): string {
    const fail = (message: string) => `fail(${JSON.stringify(message)})`
    const nullable = isNullable(schema)
    if (nullable) return `  return v === null ? v : ${this.fn(nullable)}(v)`
    if (isDiscriminated(schema)) return this.decodeDiscriminated(schema)
    if (schema.anyOf) {
      const members = (schema.anyOf as Schema[]).map((m) => this.fn(m))
      return ['  const n = I.length', '  let r', ...members.map((m) => `  r = ${m}(v); if (I.length === n) return r; I.length = n`), `  ${fail(`expected ${this.describe(schema)}`)}`, '  return v'].join('\n')
    }
    const enumValues: unknown[] | undefined = schema.enum ?? (schema.const !== undefined ? [schema.const] : undefined)
    if (enumValues) {
      // Graph sends some enum values in other casing ("Completed"): match case-insensitively, keep the
      // canonical spelling, and keep a value this version does not know rather than reject it.
      // A few values are compared directly: a Set would first hash each freshly parsed string.
      const exact = enumValues.length <= 4 ? enumValues.map((e) => `v === ${JSON.stringify(e)}`).join(' || ') : `${this.constant(`new Set(${JSON.stringify(enumValues)})`)}.has(v)`
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
        return [
          `  if (typeof v === 'number') return v`,
          `  if (typeof v === 'string' && ${re}.test(v)) return Number(v)`,
          `  ${fail(`expected ${what}`)}`,
          `  return v`,
        ].join('\n')
      }
      case 'boolean':
        return `  if (typeof v !== 'boolean') ${fail('expected a boolean')}\n  return v`
      case 'null':
        return `  if (v !== null) ${fail('expected null')}\n  return v`
      case 'array': {
        const item = this.fn(schema.items ?? {})
        return [
          `  if (!Array.isArray(v)) { ${fail('expected an array')}; return v }`,
          `  let o = v`,
          `  for (let i = 0; i < v.length; i++) {`,
          `    P.push(i)`,
          `    const y = ${item}(v[i])`,
          `    P.pop()`,
          `    if (y !== v[i]) { if (o === v) o = v.slice(); o[i] = y }`,
          `  }`,
          `  return o`,
        ].join('\n')
      }
      case 'object': {
        // Each known property is read by name: far cheaper than walking every key of the payload, and
        // unknown properties are kept as they are anyway. A changed value goes into a shallow copy;
        // spreading defines own properties, so a "__proto__" key in the payload stays plain data.
        const lines = [
          `  if (typeof v !== 'object' || v === null || Array.isArray(v)) { ${fail('expected an object')}; return v }`,
          `  let o = v`,
          `  let x, y`,
        ]
        for (const [key, sub] of Object.entries<Schema>(schema.properties ?? {})) {
          // A name Object.prototype has would be read from the prototype when the payload lacks it.
          if (key in Object.prototype) throw new Error(`cannot decode property ${JSON.stringify(key)}: Object.prototype has it`)
          const k = JSON.stringify(key)
          lines.push(
            `  x = v${prop(key)}`,
            `  if (x !== undefined) { P.push(${k}); y = ${this.fn(sub)}(x); P.pop(); if (y !== x) { if (o === v) o = { ...v }; o${prop(key)} = y } }`,
          )
        }
        lines.push(`  return o`)
        return lines.join('\n')
      }
      case undefined:
        if (Object.keys(schema).every((k) => k === 'description' || k === 'title')) return '  return v'
    }
    throw new Error(`cannot decode schema ${JSON.stringify(schema).slice(0, 200)}`)
  }

  private decodeDiscriminated(schema: Schema): string {
    const members = schema.anyOf as Schema[]
    const fns = members.map((m) => this.fn(m))
    const entries = members.map((m, i) => [String(m.properties['@odata.type'].const).toLowerCase(), fns[i]!] as const)
    const table = this.constant(`new Map<string, (v: any) => any>([${entries.map(([t, f]) => `[${JSON.stringify(t)}, ${f}]`).join(', ')}])`)
    // Graph's own spelling is matched by a switch (no lowercasing, no hashing of the fresh string); other
    // casings through the lowercase table. Without a known '@odata.type', the value is kept if any member
    // fits it (JSON Schema anyOf); else the first member's complaints are reported.
    const exact = members.map((m, i) => `    case ${JSON.stringify(String(m.properties['@odata.type'].const))}: return ${fns[i]}(v)`)
    return [
      `  if (typeof v !== 'object' || v === null || Array.isArray(v)) { fail('expected an object'); return v }`,
      `  const t = v['@odata.type']`,
      `  switch (t) {`,
      ...exact,
      `  }`,
      `  const f = typeof t === 'string' ? ${table}.get(t.toLowerCase()) : undefined`,
      `  if (f) return f(v)`,
      `  const n = I.length`,
      `  const r0 = ${fns[0]}(v)`,
      `  if (I.length === n) return r0`,
      ...(fns.length > 1
        ? [`  const first = I.splice(n)`, `  let r`, ...fns.slice(1).map((f) => `  r = ${f}(v); if (I.length === n) return r; I.length = n`), `  I.push(...first)`]
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
          `  return ${f}(value)`,
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
      'function pathOf(segments: (string | number)[]): string {',
      "  let s = '$'",
      '  for (const k of segments) s += typeof k === \'number\' ? `[${k}]` : /^[A-Za-z_$][\\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`',
      '  return s',
      '}',
      '',
      'function fail(message: string): void {',
      '  I.push({ path: pathOf(P), message })',
      '}',
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
