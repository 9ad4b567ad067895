/**
 * Packs the tarball, lints it with publint and @arethetypeswrong/cli, then installs it in a scratch folder,
 * loads every subpath export there with both `import` and `require`, and type-checks every self-contained
 * TypeScript example of the README against it under the strictest settings a user may have
 * (`exactOptionalPropertyTypes`, `noUncheckedIndexedAccess`). Exits non-zero on any failure.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const bin = (name: string) => join(root, 'node_modules/.bin', name)
const run = (cmd: string, args: string[], cwd = root) => execFileSync(cmd, args, { cwd, stdio: 'inherit' })

/** A user's strictest settings, as `@tsconfig/strictest` has them (less the rule on index signatures, a style). */
const STRICTEST = {
  target: 'ES2023',
  lib: ['ES2023', 'DOM'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  moduleDetection: 'force',
  types: ['node'],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  skipLibCheck: true,
  noEmit: true,
}

/** What the README's examples take as given. */
const READER_NAMES = `export {}
declare global {
  const callId: string
  const tenantId: string
  const appId: string
  const appSecret: string
  const token: string
  const callbackUri: string
  const prompts: import('graph-calling/requests').PlayablePrompt[]
  const client: import('graph-calling').CallingClient
  function answerCall(callId: string, call: unknown): Promise<unknown>
  function startRecording(callId: string): void
  function expect(value: unknown): { toEqual(expected: unknown): void }
}
`

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const subpaths = Object.keys(pkg.exports).filter((k) => k !== './package.json')
const scratch = mkdtempSync(join(tmpdir(), 'graph-calling-pack-'))
try {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' }))
  const tarball = join(scratch, packed[0].filename)
  console.log(`packed ${packed[0].filename}: ${packed[0].entryCount} files, ${(packed[0].size / 1024).toFixed(1)} KiB`)

  run(bin('publint'), ['run', tarball, '--strict'])
  // node10 resolution predates `exports` and cannot see subpaths; the node16 profile checks every modern resolver.
  run(bin('attw'), [tarball, '--profile', 'node16', '--format', 'table-flipped'])

  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }))
  const devVersion = (name: string) => `${name}@${pkg.devDependencies[name]}`
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball, ...['msw', '@azure/identity', '@types/node', 'ajv'].map(devVersion)], scratch)

  const names = subpaths.map((s) => (s === '.' ? pkg.name : `${pkg.name}/${s.slice(2)}`))
  // `graph-calling/types` holds types only: its modules load and export nothing.
  const TYPES_ONLY = [`${pkg.name}/types`]
  const esm = names.map((n) => `{ const m = await import('${n}'); if (!Object.keys(m).length && !${JSON.stringify(TYPES_ONLY)}.includes('${n}')) throw new Error('${n}: no exports'); console.log('import  ${n}:', Object.keys(m).length, 'exports') }`)
  const cjs = names.map((n) => `{ const m = require('${n}'); console.log('require ${n}:', Object.keys(m).length, 'exports') }`)
  writeFileSync(join(scratch, 'esm.mjs'), esm.join('\n'))
  writeFileSync(join(scratch, 'cjs.cjs'), cjs.join('\n'))
  run(bin('node'), ['esm.mjs'], scratch)
  run(bin('node'), ['cjs.cjs'], scratch)
  const lean = checkDeclarationsLoadNoTypeBox(join(scratch, 'node_modules', pkg.name))
  const examples = typeCheckReadmeExamples(scratch)
  console.log(`package check passed: ${names.length} subpaths loaded with import and require, ${lean} of them declared without TypeBox, ${examples} README examples type-checked`)
} finally {
  rmSync(scratch, { recursive: true, force: true })
}

/**
 * Follows the imports of each subpath's declarations (ESM and CJS) through the installed package and fails
 * when one but `graph-calling/schemas`'s reaches `typebox`: TypeBox's own declarations cost a user's `tsc`
 * seconds and hundreds of MB when `skipLibCheck` is off. Returns how many subpaths were checked.
 */
function checkDeclarationsLoadNoTypeBox(installed: string): number {
  const entries = Object.entries(pkg.exports as Record<string, { import: { types: string }; require: { types: string } }>).filter(
    ([subpath]) => subpath !== './package.json' && subpath !== './schemas',
  )
  for (const [subpath, conditions] of entries) {
    for (const start of [conditions.import.types, conditions.require.types]) {
      const seen = new Set<string>()
      const path: string[] = []
      const visit = (file: string): void => {
        if (seen.has(file)) return
        seen.add(file)
        path.push(file.slice(installed.length + 1))
        const text = readFileSync(file, 'utf8')
        for (const [, spec] of text.matchAll(/(?:from|import)\s*['"]([^'"]+)['"]/g)) {
          if (spec === 'typebox' || spec!.startsWith('typebox/')) throw new Error(`${subpath}: its declarations load TypeBox's (${path.join(' -> ')})`)
          // tsup writes `./chunk.js` for the `.d.ts` beside it, `./chunk.cjs` for the `.d.cts`.
          if (spec!.startsWith('.')) visit(join(dirname(file), spec!.replace(/\.js$/, '.d.ts').replace(/\.cjs$/, '.d.cts')))
        }
        path.pop()
      }
      visit(join(installed, start))
    }
  }
  return entries.length
}

/**
 * Writes each README example that starts with an import into `scratch/readme`, with declarations for the
 * names the examples leave to the reader (`callId`, `client`, ...), and type-checks them against the
 * installed package. Returns how many there were.
 */
function typeCheckReadmeExamples(scratch: string): number {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((code) => code.startsWith('import'))
  const dir = join(scratch, 'readme')
  mkdirSync(dir)
  examples.forEach((code, i) => writeFileSync(join(dir, `example-${i + 1}.ts`), code))
  writeFileSync(join(dir, 'left-to-the-reader.d.ts'), READER_NAMES)
  writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify({ compilerOptions: STRICTEST, include: ['readme'] }, null, 2))
  run(bin('tsc'), ['-p', join(scratch, 'tsconfig.json')], scratch)
  return examples.length
}
