/**
 * JSON as a tree that can hold what a parsed object cannot: the same key twice, a `__proto__` key written
 * in the text, and raw literal text. The fuzzers mutate seed bodies in this form and write them back out.
 */

/** One node: an object (its entries in order, keys may repeat), an array, or literal JSON text. */
export type JsonNode =
  | { readonly kind: 'object'; readonly entries: readonly (readonly [key: string, value: JsonNode])[] }
  | { readonly kind: 'array'; readonly items: readonly JsonNode[] }
  | { readonly kind: 'literal'; readonly text: string }

/** The tree of a JSON value. */
export function treeOf(value: unknown): JsonNode {
  if (Array.isArray(value)) return { kind: 'array', items: value.map(treeOf) }
  if (typeof value === 'object' && value !== null) return { kind: 'object', entries: Object.entries(value).map(([k, v]) => [k, treeOf(v)] as const) }
  return { kind: 'literal', text: JSON.stringify(value) ?? 'null' }
}

/** A literal node for any JSON value (its text as `JSON.stringify` writes it). */
export function literal(value: unknown): JsonNode {
  return { kind: 'literal', text: JSON.stringify(value) ?? 'null' }
}

/** Writes a tree as JSON text (without recursion, so a tree nested deeper than the stack still writes). */
export function textOf(root: JsonNode): string {
  const out: string[] = []
  const stack: (JsonNode | string)[] = [root]
  while (stack.length > 0) {
    const next = stack.pop()!
    if (typeof next === 'string') {
      out.push(next)
      continue
    }
    if (next.kind === 'literal') out.push(next.text)
    else if (next.kind === 'array') {
      out.push('[')
      stack.push(']')
      for (let i = next.items.length - 1; i >= 0; i--) {
        stack.push(next.items[i]!)
        if (i > 0) stack.push(',')
      }
    } else {
      out.push('{')
      stack.push('}')
      for (let i = next.entries.length - 1; i >= 0; i--) {
        const [key, value] = next.entries[i]!
        stack.push(value)
        stack.push(`${JSON.stringify(key)}:`)
        if (i > 0) stack.push(',')
      }
    }
  }
  return out.join('')
}

/** Every node of a tree, depth first, the root first: what a mutation picks its place from. */
export function nodesOf(root: JsonNode): JsonNode[] {
  const nodes: JsonNode[] = []
  const stack = [root]
  while (stack.length > 0) {
    const node = stack.pop()!
    nodes.push(node)
    if (node.kind === 'array') for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]!)
    else if (node.kind === 'object') for (let i = node.entries.length - 1; i >= 0; i--) stack.push(node.entries[i]![1])
  }
  return nodes
}

/** The tree with `target` (found by identity) replaced by what `replace` makes of it. */
export function replaceNode(root: JsonNode, target: JsonNode, replace: (node: JsonNode) => JsonNode): JsonNode {
  if (root === target) return replace(root)
  if (root.kind === 'array') return { kind: 'array', items: root.items.map((item) => replaceNode(item, target, replace)) }
  if (root.kind === 'object') return { kind: 'object', entries: root.entries.map(([k, v]) => [k, replaceNode(v, target, replace)] as const) }
  return root
}

/** A value nested `depth` levels deep in arrays (`[[[...]]]`) or objects (`{"a":{"a":...}}`), as text. */
export function nestedText(depth: number, shape: 'array' | 'object', innermost = 'null'): string {
  return shape === 'array' ? `${'['.repeat(depth)}${innermost}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}${innermost}${'}'.repeat(depth)}`
}
