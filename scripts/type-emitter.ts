/**
 * Writes the static type of each TypeBox schema as plain TypeScript, the type `Static<typeof schema>` would
 * give, so that declarations which only need the types never load TypeBox's own (a one-line
 * `import type ... from 'typebox'` costs a user's `tsc` seconds and hundreds of MB without `skipLibCheck`).
 *
 * A schema nested in another is written by name when it is the JSON of a named object, enum or union (the
 * first such name, as the validators name them), else in place. Only the kinds below are understood; any
 * other stops the build, so no schema is ever typed loosely.
 */

type Schema = Record<string, any>

/** One type to write: its name, its schema, its JSDoc text, and a generic to wrap it in (`Outbound`). */
export interface TypeEntry {
  readonly name: string
  readonly schema: Schema
  readonly doc: string
  readonly wrapper?: string | undefined
}

const IDENT = /^[A-Za-z_$][\w$]*$/
const INDENT = '  '

const kindOf = (schema: Schema): unknown => schema['~kind']
const literal = (value: unknown): string => (typeof value === 'string' ? `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'` : String(value))
const key = (name: string): string => (IDENT.test(name) ? name : literal(name))

/** Types TypeBox schemas as TypeScript, naming the nested schemas that are the JSON of an entry. */
export class TypeEmitter {
  // JSON text of a named composite schema -> the name it is written by.
  readonly #names = new Map<string, string>()

  constructor(entries: readonly TypeEntry[]) {
    for (const e of entries) {
      // A wrapped type is not its schema's static type, so nothing nested is written by its name.
      if (e.wrapper !== undefined || !isComposite(e.schema)) continue
      const json = JSON.stringify(e.schema)
      if (!this.#names.has(json)) this.#names.set(json, e.name)
    }
  }

  /** The declaration of one entry: an alias of the first entry with the same JSON, else the type in full. */
  declaration(entry: TypeEntry): string {
    const named = isComposite(entry.schema) ? this.#names.get(JSON.stringify(entry.schema)) : undefined
    const body = named !== undefined && named !== entry.name ? named : this.#type(entry.schema, '')
    const type = entry.wrapper ? `${entry.wrapper}<${body}>` : body
    return `${jsdoc(entry.doc)}export type ${entry.name} = ${type}\n`
  }

  #type(schema: Schema, indent: string): string {
    switch (kindOf(schema)) {
      case 'String':
        return 'string'
      case 'Integer':
      case 'Number':
        return 'number'
      case 'Boolean':
        return 'boolean'
      case 'Null':
        return 'null'
      case 'Literal':
        return literal(schema.const)
      case 'Enum':
        return (schema.enum as unknown[]).map(literal).join(' | ')
      case 'Union':
        return (schema.anyOf as Schema[]).map((m) => this.#nested(m, indent)).join(' | ')
      case 'Array': {
        const item = this.#nested(schema.items, indent)
        return /[|&]/.test(item) && !/^[\w.]+$/.test(item) ? `(${item})[]` : `${item}[]`
      }
      case 'Object':
        return this.#object(schema, indent)
      default:
        throw new Error(`no TypeScript type for a schema of kind ${String(kindOf(schema))}: ${JSON.stringify(schema).slice(0, 200)}`)
    }
  }

  /** A schema inside another: its name when it has one. */
  #nested(schema: Schema, indent: string): string {
    if (isComposite(schema)) {
      const named = this.#names.get(JSON.stringify(schema))
      if (named !== undefined) return named
    }
    return this.#type(schema, indent)
  }

  #object(schema: Schema, indent: string): string {
    const properties = Object.entries((schema.properties ?? {}) as Record<string, Schema>)
    if (properties.length === 0) return '{}'
    const required = new Set<string>(schema.required ?? [])
    const inner = indent + INDENT
    const lines = properties.map(([name, property]) => {
      const optional = property['~optional'] === true
      // TypeBox types a property as optional by its marker; the JSON's `required` must say the same.
      if (optional === required.has(name)) throw new Error(`property ${name}: its optional marker and the object's required list disagree`)
      return `${inner}${key(name)}${optional ? '?' : ''}: ${this.#nested(property, inner)}`
    })
    // An open type (its schema leaves `additionalProperties` out) takes properties it does not declare, as
    // its validator does: Graph's own examples send them (`identityProvider` in an identity). TypeBox's
    // `Static` has no way to say so; this is the one place the plain types go past it.
    if (schema.additionalProperties === undefined) lines.push(`${inner}[key: string]: unknown`)
    else if (schema.additionalProperties !== false) throw new Error(`no TypeScript type for additionalProperties ${JSON.stringify(schema.additionalProperties)}`)
    return `{\n${lines.join('\n')}\n${indent}}`
  }
}

/** Objects, enums and unions get names; a primitive or an array is clearer written in place. */
function isComposite(schema: Schema): boolean {
  const kind = kindOf(schema)
  return kind === 'Object' || kind === 'Enum' || kind === 'Union'
}

function jsdoc(text: string): string {
  return text.includes('\n') ? `/**\n${text.split('\n').map((l) => ` * ${l}`.trimEnd()).join('\n')}\n */\n` : `/** ${text} */\n`
}
