/**
 * Every exported schema under one name, as the generated modules name them: v1.0 resources, then the
 * actions' parameters, then the beta resources as `Beta<Name>`. The first name of a given JSON is the one
 * a nested schema is written by, so a beta type that is v1.0's goes by v1.0's name.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import * as resources from '../src/schemas/resources/index.ts'
import * as actions from '../src/schemas/actions/index.ts'
import * as betaResources from '../src/schemas/beta/index.ts'

/** One exported schema: its generated name, where it is exported, the schema, the JSDoc of its type in the source, and whether it is a request's parameters. */
export interface NamedSchema {
  readonly name: string
  /** The folder of `src/schemas` whose index exports it, and the name it is exported by there. */
  readonly exported: { readonly from: 'resources' | 'actions' | 'beta'; readonly as: string }
  readonly schema: Record<string, any>
  readonly doc: string
  readonly isParams: boolean
}

const schemas = resolve(import.meta.dirname, '../src/schemas')

/** The exported schemas, in naming order. */
export function namedSchemas(): NamedSchema[] {
  const groups: [NamedSchema['exported']['from'], Record<string, unknown>, string][] = [
    ['resources', resources, ''],
    ['actions', actions, ''],
    ['beta', betaResources, 'Beta'],
  ]
  return groups.flatMap(([dir, module, prefix]) => {
    const docs = docsIn(join(schemas, dir))
    return Object.entries(module).map(([name, schema]) => ({
      name: prefix + name,
      exported: { from: dir, as: name },
      schema: schema as Record<string, any>,
      doc: docs.get(name) ?? `Graph's \`${name}\`.`,
      // Every action's parameters are typed `Outbound<...>`: a bot may write an optional member as `undefined`.
      isParams: dir === 'actions' && name.endsWith('Params'),
    }))
  })
}

/** The schemas as the validator compiler takes them: by name. */
export function schemasByName(): Record<string, unknown> {
  return Object.fromEntries(namedSchemas().map((s) => [s.name, s.schema]))
}

/** The JSDoc text above each `export type` (else `export const`) of the files in `dir`, by name. */
function docsIn(dir: string): Map<string, string> {
  const docs = new Map<string, string>()
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(dir, file), 'utf8')
    for (const kind of ['type', 'const']) {
      for (const m of text.matchAll(new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export ${kind} (\\w+)\\b`, 'g'))) {
        const doc = m[1]!.split('\n').map((l) => l.replace(/^\s*\* ?/, '').trimEnd()).join('\n').trim()
        if (!docs.has(m[2]!)) docs.set(m[2]!, doc)
      }
    }
  }
  return docs
}
