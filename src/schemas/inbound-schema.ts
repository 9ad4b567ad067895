/**
 * The inbound (lenient) face of a schema as plain JSON Schema: what a callback endpoint should accept from
 * Graph. It matches what the notification parser's decoders accept: unknown properties allowed, nothing
 * required, enum values in any casing and values a version does not know yet, integers also as numeric
 * strings, and no string formats (Graph's own values do not always meet them).
 */
type JsonSchema = Record<string, unknown>

/** Returns a new JSON Schema: the lenient face of `schema` (the input is not changed). */
export function toInboundSchema(schema: object): JsonSchema {
  return lenient(JSON.parse(JSON.stringify(schema)))
}

function lenient(s: any): any {
  if (Array.isArray(s)) return s.map(lenient)
  if (typeof s !== 'object' || s === null) return s
  if (Array.isArray(s.enum) || (s.type === 'string' && s.const !== undefined)) {
    // Any string: known values in any casing, and values Graph adds later, are kept.
    return { type: 'string', ...(s.description ? { description: s.description } : {}) }
  }
  if (s.type === 'integer' || s.type === 'number') {
    return { anyOf: [{ type: s.type }, { type: 'string', pattern: s.type === 'integer' ? '^-?\\d+$' : '^-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?$' }] }
  }
  if (s.type === 'string') return { type: 'string' }
  const out: any = {}
  for (const [k, v] of Object.entries(s)) {
    if (k === 'required' || k === 'additionalProperties' || k === 'minItems' || k === 'maxItems' || k === 'uniqueItems') continue
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([p, ps]) => [p, lenient(ps)])) : lenient(v)
  }
  return out
}
