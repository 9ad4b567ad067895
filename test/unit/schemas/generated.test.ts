import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../..')
const node = join(root, 'node_modules/.bin/node')

// The generated schemas and validators are committed (so a build needs no contract and no TypeBox
// compiler); these checks fail when they drift from what the generators write today.
describe('generated code is up to date', () => {
  it('schemas match the CSDL contract generator', () => {
    expect(execFileSync(node, ['scripts/generate-schemas.ts', '--check'], { cwd: root, encoding: 'utf8' })).toContain('up to date')
  })

  it('validators match the schemas', () => {
    expect(execFileSync(node, ['scripts/generate-validators.ts', '--check'], { cwd: root, encoding: 'utf8' })).toContain('up to date')
  })

  it('the request and parse paths never load TypeBox', async () => {
    const { readFileSync } = await import('node:fs')
    for (const file of ['src/requests/validators.generated.ts', 'src/notifications/decoders.generated.ts']) {
      const text = readFileSync(join(root, file), 'utf8')
      expect(text).not.toMatch(/from ['"]typebox/)
      expect(text).not.toMatch(/\beval\(|new Function\(/)
    }
  })
})
