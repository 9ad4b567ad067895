/**
 * Gives the bundled declarations' namespaces back their values. A module re-exported as a namespace
 * (`export * as beta from './beta/index.ts'`) whose names are each a schema and a type (`export const Call`
 * and `export type Call`) comes out of the declaration bundler as `declare namespace beta { export type {
 * Call } }`, over a `type beta_Call = Call` alias: the type alone, so `Value.Check(beta.Call, x)` fails to
 * type-check though it runs. For each such alias of a name that also has a value, this adds the value's
 * declaration (`declare const beta_Call: typeof Call`) and makes the namespace export both. Run by the
 * build (`npm run build`, after tsup has written the declarations): `node scripts/namespace-values.ts <dir>`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import ts from 'typescript'

/** The rewritten declarations and how many namespace members got their value back. */
export interface RestoredValues {
  readonly code: string
  readonly restored: number
}

/** Rewrites one declaration file's text. */
export function restoreNamespaceValues(code: string, fileName = 'index.d.ts'): RestoredValues {
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const values = new Set<string>()
  const aliases = new Map<string, { target: string; end: number }>()
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) values.add(declaration.name.text)
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      values.add(statement.name.text)
    } else if (ts.isTypeAliasDeclaration(statement) && !statement.typeParameters && ts.isTypeReferenceNode(statement.type) && ts.isIdentifier(statement.type.typeName) && !statement.type.typeArguments) {
      aliases.set(statement.name.text, { target: statement.type.typeName.text, end: statement.end })
    }
  }
  const edits: { at: number; remove: number; text: string }[] = []
  for (const statement of file.statements) {
    if (!ts.isModuleDeclaration(statement) || !statement.body || !ts.isModuleBlock(statement.body)) continue
    for (const member of statement.body.statements) {
      if (!ts.isExportDeclaration(member) || !member.isTypeOnly || member.moduleSpecifier || !member.exportClause || !ts.isNamedExports(member.exportClause)) continue
      let restoredHere = 0
      for (const specifier of member.exportClause.elements) {
        const local = (specifier.propertyName ?? specifier.name).text
        const alias = aliases.get(local)
        if (alias === undefined || !values.has(alias.target) || values.has(local)) continue
        edits.push({ at: alias.end, remove: 0, text: `\ndeclare const ${local}: typeof ${alias.target};` })
        values.add(local)
        restoredHere++
      }
      // `export type { ... }` becomes `export { ... }`: a name that is a type only is still exported as one.
      if (restoredHere > 0) {
        const typeKeyword = member.getChildren(file).find((child) => child.kind === ts.SyntaxKind.TypeKeyword)!
        edits.push({ at: typeKeyword.getStart(file), remove: typeKeyword.getEnd() - typeKeyword.getStart(file) + 1, text: '' })
      }
    }
  }
  let out = code
  for (const edit of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, edit.at) + edit.text + out.slice(edit.at + edit.remove)
  return { code: out, restored: edits.filter((e) => e.text !== '').length }
}

/** Rewrites every `.d.ts` and `.d.cts` file of `dir`; returns how many namespace members got their value back. */
export function restoreNamespaceValuesIn(dir: string): number {
  let restored = 0
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.d.ts') || n.endsWith('.d.cts'))) {
    const path = join(dir, name)
    const result = restoreNamespaceValues(readFileSync(path, 'utf8'), name)
    if (result.restored > 0) writeFileSync(path, result.code)
    restored += result.restored
  }
  return restored
}

if (import.meta.main) console.log(`namespace members given their values: ${restoreNamespaceValuesIn(resolve(process.argv[2] ?? 'dist'))}`)
