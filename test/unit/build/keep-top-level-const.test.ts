/**
 * The build step that gives a bundle's top-level bindings back their `const`: what it rewrites, what it
 * leaves, that rewritten code runs as before, and that a real bundle of the notifications entry parses every
 * fixture exactly as the sources do.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { runInNewContext } from 'node:vm'
import { build } from 'esbuild'
import { afterAll, describe, expect, it } from 'vitest'
import { keepTopLevelConst } from '../../../scripts/keep-top-level-const.ts'
import { parseNotifications } from '../../../src/notifications/index.ts'

const root = join(import.meta.dirname, '../../..')

/** Asserts that the rewritten code holds each of the lines. */
function expectLines(code: string, lines: readonly string[]): void {
  for (const line of lines) expect(code).toContain(line)
}

describe('keepTopLevelConst', () => {
  it('makes an unassigned top-level var const, and leaves assigned, uninitialised and nested ones', () => {
    const code = [
      'var kept = 1;',
      'var counted = 0;',
      'counted++;',
      'var later;',
      'var [first, second] = [1, 2];',
      'var destructured = 0;',
      '[destructured] = [3];',
      'var looped = 0;',
      'for (looped of [1]) ;',
      'var shadowed = 0;',
      'function inner() { var nested = 1; let shadowed; shadowed = nested; return shadowed }',
    ].join('\n')
    expectLines(keepTopLevelConst(code).code, [
      'const kept = 1;',
      'const [first, second] = [1, 2];',
      'var counted = 0;',
      'var later;',
      'var destructured = 0;',
      'var looped = 0;',
      // A local of the same name is assigned, so the top-level one is left alone too.
      'var shadowed = 0;',
      'var nested = 1;',
    ])
  })

  it('turns function declarations into consts placed first, so code before them still finds them', () => {
    const code = [
      "'use strict';",
      "var table = new Map([['answer', answer]]);",
      "var result = table.get('answer')() + twice(1);",
      'function answer() { return 40 }',
      'async function later() { return 1 }',
      'function twice(n) { return n * 2 }',
      'function replaced() { return 1 }',
      'replaced = () => 2;',
      'result;',
    ].join('\n')
    const { code: out, converted } = keepTopLevelConst(code)
    expect(out.startsWith("'use strict';\nconst answer = () => { return 40 };\n")).toBe(true)
    expect(out).toContain('const later = async () => { return 1 };')
    expect(out).toContain('function replaced() { return 1 }\nreplaced = () => 2;')
    expect(out).not.toMatch(/^function (answer|twice)/m)
    // answer, later, twice, table and result.
    expect(converted).toBe(5)
    expect(runInNewContext(out)).toBe(42)
    expect(runInNewContext(code)).toBe(42)
  })

  it('keeps a function expression where an arrow would differ: this, arguments, new, extends, prototype, generators', () => {
    const code = [
      'function usesThis() { return this }',
      'function usesArguments() { return arguments.length }',
      'function withNestedThis() { return [1].map(function () { return this }) }',
      'function withArrowThis() { return () => this }',
      'function Built() {}',
      'function Extended() {}',
      'function Prototyped() {}',
      'function* counted() { yield 1 }',
      'new Built();',
      'class Child extends Extended {}',
      'Prototyped.prototype.x = 1;',
    ].join('\n')
    expectLines(keepTopLevelConst(code).code, [
      'const usesThis = function () { return this };',
      'const usesArguments = function () { return arguments.length };',
      'const withArrowThis = function () { return () => this };',
      'const Built = function () {};',
      'const Extended = function () {};',
      'const Prototyped = function () {};',
      'const counted = function* () { yield 1 };',
      // The nested function has its own `this`, so the outer one can be an arrow.
      'const withNestedThis = () => { return [1].map(function () { return this }) };',
    ])
  })

  it('keeps a function name bound to the function inside it (recursion, .name)', () => {
    const out = keepTopLevelConst('function count(n) { return n === 0 ? count.name : count(n - 1) }\ncount(3);').code
    expect(out).toContain('const count = (n) => ')
    expect(runInNewContext(out)).toBe('count')
  })
})

describe('a bundle of graph-calling/notifications after keepTopLevelConst', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'graph-calling-const-'))
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))

  it('parses every fixture exactly as the sources do', async () => {
    const result = await build({
      entryPoints: [join(root, 'src/notifications/index.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node22',
      packages: 'external',
      write: false,
      logLevel: 'silent',
    })
    const bundled = result.outputFiles[0]!.text
    const { code, converted } = keepTopLevelConst(bundled)
    // The decoders' tables and helpers alone are well over a hundred bindings.
    expect(converted).toBeGreaterThan(100)
    expect(code).not.toMatch(/^function /m)
    const file = join(scratch, 'notifications.mjs')
    writeFileSync(file, code)
    const built = (await import(pathToFileURL(file).href)) as { parseNotifications: typeof parseNotifications }

    const dir = join(root, 'test/fixtures/notifications')
    let bodies = 0
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const fixture = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { receivedAt: string; cases: { body: unknown }[] }
      const receivedAt = new Date(fixture.receivedAt)
      for (const { body } of fixture.cases) {
        const text = JSON.stringify(body)
        expect(built.parseNotifications(text, { receivedAt })).toEqual(parseNotifications(text, { receivedAt }))
        bodies++
      }
    }
    expect(bodies).toBeGreaterThan(20)
  })
})
