/**
 * The build step that gives a bundled namespace's members their values back: what the declaration bundler
 * writes for `export * as beta` over names that are each a schema and a type, and that once rewritten, code
 * using `beta.X` as a value type-checks against it.
 */
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { restoreNamespaceValues } from '../../../scripts/namespace-values.ts'

// What the bundler writes: the values declared at the top, the namespace re-exporting the types alone.
const bundled = `declare const CallState: readonly ['ringing', 'established'];
type CallState = 'ringing' | 'established';
declare function answer(): void;
type OnlyAType = { id: string };
type index_CallState = CallState;
type index_OnlyAType = OnlyAType;
declare namespace index {
  export type { index_CallState as CallState, index_OnlyAType as OnlyAType };
}
export { index as beta };
`

/** The type errors of `usage` compiled against the declarations `declarations` (as `./lib.d.ts`). */
function typeErrors(declarations: string, usage: string): string[] {
  const files = new Map([['/lib.d.ts', declarations], ['/use.ts', usage]])
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, types: [], lib: ['lib.es2022.d.ts'] }
  const host = ts.createCompilerHost(options)
  const readFile = host.readFile.bind(host)
  host.readFile = (name) => files.get(name) ?? readFile(name)
  host.fileExists = (name) => files.has(name) || ts.sys.fileExists(name)
  const getSourceFile = host.getSourceFile.bind(host)
  host.getSourceFile = (name, version) => (files.has(name) ? ts.createSourceFile(name, files.get(name)!, version) : getSourceFile(name, version))
  const program = ts.createProgram(['/use.ts'], options, host)
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
}

const usage = `import { beta } from './lib'
const values: readonly string[] = beta.CallState
const state: beta.CallState = 'ringing'
const only: beta.OnlyAType = { id: 'x' }
export { values, state, only }
`

describe('restoreNamespaceValues', () => {
  it('reproduces the fault: the namespace has the types only', () => {
    expect(typeErrors(bundled, usage)).toEqual(["Cannot use namespace 'beta' as a value."])
  })

  it('declares the value of each re-exported name that has one, and exports the namespace members as values and types', () => {
    const { code, restored } = restoreNamespaceValues(bundled)
    expect(restored).toBe(1)
    expect(code).toContain('type index_CallState = CallState;\ndeclare const index_CallState: typeof CallState;')
    expect(code).not.toContain('declare const index_OnlyAType')
    expect(code).toContain('  export { index_CallState as CallState, index_OnlyAType as OnlyAType };')
    expect(typeErrors(code, usage)).toEqual([])
  })

  it('leaves declarations without such a namespace as they are, and is idempotent', () => {
    const plain = 'declare const a: 1;\ntype a = 1;\nexport { a };\n'
    expect(restoreNamespaceValues(plain)).toEqual({ code: plain, restored: 0 })
    const once = restoreNamespaceValues(bundled).code
    expect(restoreNamespaceValues(once)).toEqual({ code: once, restored: 0 })
  })
})
