/**
 * Makes the built bundles' top-level bindings `const` where nothing in the file assigns them. V8 folds a
 * module's `const` into the compiled code, but loads and checks any other binding on every use, and at each
 * inlined call checks that a function declaration's name still holds the same function. esbuild writes
 * every top-level `const` and `let` of a bundle as `var`, by design and with no option. Together these cost
 * 80 to 280 instructions per parsed notification (content sharing to an incoming call). The sources have no `var` and the bundles no third-party
 * code, so each such `var` was a `const`, or a `let` nothing assigns. A name assigned anywhere in the file,
 * even a local of the same name, is left alone. Run by the build (`tsup.config.ts`);
 * `node scripts/keep-top-level-const.ts <dir>` rewrites a folder.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import ts from 'typescript'

/** The rewritten code and how many top-level bindings became `const`. */
export interface KeptConst {
  readonly code: string
  readonly converted: number
}

/**
 * Rewrites one bundle's code. A top-level `var` whose names are all initialised and never assigned becomes
 * `const`. A top-level function declaration whose name is never assigned becomes a `const` holding the same
 * function, moved to where the file's own code starts, so it exists before any statement runs, as the
 * hoisted declaration did.
 */
export function keepTopLevelConst(code: string, fileName = 'bundle.js'): KeptConst {
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS)
  const assigned = assignedNames(file)
  const constructed = constructedNames(file)
  const declaredAtTop = new Map<string, number>()
  const declare = (name: string) => declaredAtTop.set(name, (declaredAtTop.get(name) ?? 0) + 1)
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) for (const name of boundNames(declaration.name)) declare(name)
    } else if (ts.isFunctionDeclaration(statement) && statement.name) declare(statement.name.text)
  }
  const isFixed = (name: string) => !assigned.has(name) && declaredAtTop.get(name) === 1
  const edits: Edit[] = []
  const hoisted: string[] = []
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      const list = statement.declarationList
      if ((list.flags & ts.NodeFlags.BlockScoped) !== 0) continue
      if (list.declarations.every((d) => d.initializer !== undefined && boundNames(d.name).every(isFixed))) {
        const start = list.getStart(file)
        edits.push({ start, end: start + 'var'.length, text: 'const' })
      }
    } else if (isPlainFunction(statement) && isFixed(statement.name.text)) {
      hoisted.push(`const ${statement.name.text} = ${functionValue(statement, file, constructed)};\n`)
      edits.push({ start: statement.getStart(file), end: statement.end, text: '' })
    }
  }
  if (hoisted.length > 0) {
    const first = file.statements.find((s) => !ts.isImportDeclaration(s) && !isDirective(s))
    const at = first ? first.getStart(file) : code.length
    edits.push({ start: at, end: at, text: hoisted.join('') })
  }
  // From the end, so that earlier offsets stay right; where an insertion and a replacement start at the same
  // place, the replacement goes first, so that the insertion lands before it.
  edits.sort((a, b) => b.start - a.start || b.end - a.end)
  let out = code
  for (const edit of edits) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end)
  return { code: out, converted: edits.length - (hoisted.length > 0 ? 1 : 0) }
}

/**
 * The function as a value. An arrow function when it can be one (no `this`, `arguments`, `super` or
 * `new.target`, not a generator, never constructed): minified, it is no longer than the declaration was,
 * where a `function` expression is longer. The value takes the binding's name either way.
 */
function functionValue(declaration: ts.FunctionDeclaration & { name: ts.Identifier }, file: ts.SourceFile, constructed: Set<string>): string {
  const code = file.text
  const body = declaration.body!
  if (!declaration.asteriskToken && !constructed.has(declaration.name.text) && !usesOwnReceiver(declaration)) {
    const isAsync = (declaration.modifiers ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)
    const parameters = code.slice(declaration.parameters.pos, declaration.parameters.end)
    return `${isAsync ? 'async ' : ''}(${parameters}) => ${code.slice(body.getStart(file), body.end)}`
  }
  return `${code.slice(declaration.getStart(file), declaration.name.getStart(file))}${code.slice(declaration.name.end, declaration.end)}`
}

/**
 * Whether a function reads what an arrow function would not have: its own `this`, `arguments`, `super` or
 * `new.target` (`import.meta` counts too, which only keeps a function expression where an arrow would do).
 */
function usesOwnReceiver(declaration: ts.FunctionDeclaration): boolean {
  let uses = false
  const visit = (node: ts.Node): void => {
    if (uses) return
    // A nested function or class has its own; an arrow function shares the outer one.
    if (node !== declaration && (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isClassLike(node) || ts.isMethodDeclaration(node) || ts.isAccessor(node) || ts.isConstructorDeclaration(node))) return
    if (node.kind === ts.SyntaxKind.ThisKeyword || node.kind === ts.SyntaxKind.SuperKeyword || ts.isMetaProperty(node) || (ts.isIdentifier(node) && node.text === 'arguments')) {
      uses = true
      return
    }
    ts.forEachChild(node, visit)
  }
  visit(declaration)
  return uses
}

/** Names the file uses as constructors: `new Name`, `extends Name`, `Name.prototype`. */
function constructedNames(file: ts.SourceFile): Set<string> {
  const names = new Set<string>()
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) names.add(node.expression.text)
    if (ts.isExpressionWithTypeArguments(node) && ts.isHeritageClause(node.parent) && ts.isIdentifier(node.expression)) names.add(node.expression.text)
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'prototype' && ts.isIdentifier(node.expression)) names.add(node.expression.text)
    ts.forEachChild(node, visit)
  }
  visit(file)
  return names
}

/** Text to put in place of `code[start, end)`. */
interface Edit {
  readonly start: number
  readonly end: number
  readonly text: string
}

/** A named function declaration with a body and no modifier but `async` (no `export`, no `default`). */
function isPlainFunction(statement: ts.Statement): statement is ts.FunctionDeclaration & { name: ts.Identifier } {
  if (!ts.isFunctionDeclaration(statement) || !statement.name || !statement.body) return false
  return (statement.modifiers ?? []).every((m) => m.kind === ts.SyntaxKind.AsyncKeyword)
}

/** A directive such as `'use strict'`, which must stay first. */
function isDirective(statement: ts.Statement): boolean {
  return ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression)
}

/** Every identifier the file writes to: assignments (`=`, `+=`, ...), `++`/`--`, and `for (x of/in ...)` targets. */
function assignedNames(file: ts.SourceFile): Set<string> {
  const names = new Set<string>()
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && isAssignmentOperator(node.operatorToken.kind)) targetNames(node.left, names)
    else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && isIncrementOrDecrement(node.operator)) {
      targetNames(node.operand, names)
    } else if ((ts.isForInStatement(node) || ts.isForOfStatement(node)) && !ts.isVariableDeclarationList(node.initializer)) {
      targetNames(node.initializer, names)
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return names
}

/** The identifiers an assignment target writes, through destructuring patterns. */
function targetNames(target: ts.Node, names: Set<string>): void {
  if (ts.isIdentifier(target)) names.add(target.text)
  else if (ts.isParenthesizedExpression(target)) targetNames(target.expression, names)
  else if (ts.isShorthandPropertyAssignment(target)) names.add(target.name.text)
  else if (ts.isPropertyAssignment(target)) targetNames(target.initializer, names)
  else if (ts.isSpreadElement(target) || ts.isSpreadAssignment(target)) targetNames(target.expression, names)
  else if (ts.isBinaryExpression(target) && target.operatorToken.kind === ts.SyntaxKind.EqualsToken) targetNames(target.left, names)
  else if (ts.isArrayLiteralExpression(target)) for (const element of target.elements) targetNames(element, names)
  else if (ts.isObjectLiteralExpression(target)) for (const property of target.properties) targetNames(property, names)
}

/** The names a declaration binds, through destructuring patterns. */
function boundNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text]
  const names: string[] = []
  for (const element of name.elements) if (!ts.isOmittedExpression(element)) names.push(...boundNames(element.name))
  return names
}

function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment
}

function isIncrementOrDecrement(operator: ts.SyntaxKind): boolean {
  return operator === ts.SyntaxKind.PlusPlusToken || operator === ts.SyntaxKind.MinusMinusToken
}

/** Rewrites every `.js` and `.cjs` file directly in `dir`; returns how many bindings became `const`. */
export function keepTopLevelConstIn(dir: string): number {
  let converted = 0
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.js') && !name.endsWith('.cjs')) continue
    const path = join(dir, name)
    const result = keepTopLevelConst(readFileSync(path, 'utf8'), name)
    if (result.converted > 0) writeFileSync(path, result.code)
    converted += result.converted
  }
  return converted
}

if (import.meta.main) {
  const dir = resolve(process.argv[2] ?? 'dist')
  console.log(`keep-top-level-const: ${keepTopLevelConstIn(dir)} top-level bindings in ${dir} are const`)
}
