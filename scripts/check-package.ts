/**
 * Packs the tarball, lints it with publint and @arethetypeswrong/cli, then installs it in a scratch folder
 * and loads every subpath export there with both `import` and `require`. Exits non-zero on any failure.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const bin = (name: string) => join(root, 'node_modules/.bin', name)
const run = (cmd: string, args: string[], cwd = root) => execFileSync(cmd, args, { cwd, stdio: 'inherit' })

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
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball, `msw@${pkg.devDependencies.msw}`], scratch)

  const names = subpaths.map((s) => (s === '.' ? pkg.name : `${pkg.name}/${s.slice(2)}`))
  const esm = names.map((n) => `{ const m = await import('${n}'); if (!Object.keys(m).length && '${n}' !== '${pkg.name}/testing') throw new Error('${n}: no exports'); console.log('import  ${n}:', Object.keys(m).length, 'exports') }`)
  const cjs = names.map((n) => `{ const m = require('${n}'); console.log('require ${n}:', Object.keys(m).length, 'exports') }`)
  writeFileSync(join(scratch, 'esm.mjs'), esm.join('\n'))
  writeFileSync(join(scratch, 'cjs.cjs'), cjs.join('\n'))
  run(bin('node'), ['esm.mjs'], scratch)
  run(bin('node'), ['cjs.cjs'], scratch)
  console.log(`package check passed: ${names.length} subpaths loaded with import and require`)
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
