/**
 * Imports point one way (folder = concept = subpath export). This test reads every source file and fails
 * on an import that crosses a boundary the architecture does not allow.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const src = resolve(import.meta.dirname, '../../src')

/** The concept a source file belongs to: its first folder under src, or the file itself at the top. */
function conceptOf(file: string): string {
  const rel = relative(src, file).replaceAll('\\', '/')
  if (rel.startsWith('notifications/verify/')) return 'notifications/verify'
  if (rel.startsWith('adapters/')) return `adapters/${rel.split('/')[1]!.replace(/\.ts$/, '')}`
  return rel.includes('/') ? rel.split('/')[0]! : rel.replace(/\.ts$/, '')
}

/** What each concept may import: other concepts, and packages (`pkg:<name>`, `node:*`). */
const allowed: Record<string, string[]> = {
  errors: [],
  schemas: ['pkg:typebox'],
  requests: ['schemas', 'errors'],
  transport: ['errors', 'requests', 'pkg:undici', 'node:*'],
  // The client decodes Graph's answers with the notification decoders (never the verifier or jose).
  client: ['requests', 'transport', 'schemas', 'errors', 'notifications', 'node:*'],
  notifications: ['notifications/verify', 'schemas', 'errors'],
  'notifications/verify': ['notifications', 'schemas', 'errors', 'pkg:jose'],
  'adapters/web': ['notifications', 'notifications/verify', 'errors', 'schemas'],
  'adapters/node': ['adapters/web', 'errors', 'node:*'],
  index: ['client', 'transport', 'requests', 'schemas', 'errors', 'notifications'],
  // The testing kit uses the library only through its public entry modules.
  testing: ['entry:index', 'entry:requests', 'entry:notifications', 'entry:schemas', 'entry:types', 'entry:web', 'entry:node', 'errors', 'pkg:msw', 'pkg:undici', 'pkg:jose', 'node:*'],
}

const entries: Record<string, string> = {
  'index.ts': 'entry:index',
  'requests/index.ts': 'entry:requests',
  'notifications/index.ts': 'entry:notifications',
  'schemas/index.ts': 'entry:schemas',
  'schemas/types.ts': 'entry:types',
  'adapters/web.ts': 'entry:web',
  'adapters/node.ts': 'entry:node',
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : []
  })
}

function importsOf(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push((m[1] ?? m[2])!)
  return out
}

/** Imports that load a module at import time: not `import type`, not `import()`. */
function staticImportsOf(text: string): string[] {
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)(?!\s+type\s)\s[^'"]*?from\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!)
}

describe('import directions', () => {
  const violations: string[] = []
  for (const file of files(src)) {
    const from = conceptOf(file)
    const rules = allowed[from]
    if (!rules) {
      violations.push(`${relative(src, file)}: folder "${from}" has no import rule`)
      continue
    }
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      let target: string
      if (spec.startsWith('.')) {
        const abs = resolve(dirname(file), spec)
        const rel = relative(src, abs).replaceAll('\\', '/')
        const concept = conceptOf(abs)
        if (concept === from) continue
        target = from === 'testing' ? (entries[rel] ?? concept) : concept
      } else if (spec.startsWith('node:')) target = 'node:*'
      else target = `pkg:${spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]}`
      const ok = rules.includes(target) || (target === 'notifications/verify' && rules.includes('notifications'))
      if (!ok) violations.push(`${relative(src, file)} imports ${spec} (${target}), which ${from} may not`)
    }
  }

  it('every import follows the architecture', () => {
    expect(violations).toEqual([])
  })

  it('the client takes only the decoders from notifications, so a client never loads the verifier', () => {
    const bad = files(src)
      .filter((f) => conceptOf(f) === 'client')
      .flatMap((f) => importsOf(readFileSync(f, 'utf8')).filter((s) => s.startsWith('.') && conceptOf(resolve(dirname(f), s)).startsWith('notifications')).map((s) => `${relative(src, f)}: ${s}`))
      .filter((line) => !line.endsWith('/notifications/decoders.generated.ts'))
    expect(bad).toEqual([])
  })

  it('only graph-calling/schemas loads the schemas at run time (elsewhere they are types only)', () => {
    const bad: string[] = []
    for (const file of files(src)) {
      if (['schemas', 'testing'].includes(conceptOf(file))) continue
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(import|export)(\s+type)?\s[^'"]*?from\s*['"](\.[^'"]+)['"]/g)) {
        if (!m[2] && conceptOf(resolve(dirname(file), m[3]!)) === 'schemas') bad.push(`${relative(src, file)}: ${m[3]}`)
      }
    }
    expect(bad).toEqual([])
  })

  it('outside graph-calling/schemas, types come from the modules without TypeBox, so no other entry declares with TypeBox', () => {
    const typeBoxFree = ['types.generated.ts', 'types.ts', 'inbound.ts', 'outbound.ts'].map((f) => join(src, 'schemas', f))
    const bad = files(src)
      .filter((f) => conceptOf(f) !== 'schemas')
      .flatMap((f) => importsOf(readFileSync(f, 'utf8')).filter((s) => s.startsWith('.')).map((s) => [f, resolve(dirname(f), s)] as const))
      .filter(([, target]) => conceptOf(target) === 'schemas' && !typeBoxFree.includes(target))
      .map(([f, target]) => `${relative(src, f)}: ${relative(src, target)}`)
    expect(bad).toEqual([])
  })

  it('the parse path never loads TypeBox or jose, and web never loads node:* or undici', () => {
    const bad = files(src)
      .filter((f) => ['notifications', 'notifications/verify', 'adapters/web', 'requests'].includes(conceptOf(f)))
      .flatMap((f) => staticImportsOf(readFileSync(f, 'utf8')).filter((s) => /^(typebox|jose|undici)(\/|$)|^node:/.test(s)).map((s) => `${relative(src, f)}: ${s}`))
    expect(bad).toEqual([])
  })
})
