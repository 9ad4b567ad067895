/**
 * The inbound (lenient) face of a schema as plain JSON Schema: what Graph sends as the notification
 * parser's decoders read it without an issue: unknown properties allowed, nothing required, enum values in any casing and values a version does not know yet, integers also as numeric
 * strings, `null` for any member but `@odata.type`, and no string formats (Graph's own values do not always meet them).
 * The parser still reads, with issues, what this refuses, so a callback route that checks a body with it
 * would refuse a whole batch for one odd item: there, check the envelope only. Validate with type coercion off: a validator that coerces (Fastify's Ajv does by default) turns a null
 * into "" and a one-item array into its item before the parser sees them.
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
    // Every member may be null but `@odata.type`, which says what the value is (the decoders note a null one).
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([p, ps]) => [p, p === '@odata.type' ? lenient(ps) : orNull(lenient(ps))])) : lenient(v)
  }
  return out
}

const NULL = { type: 'null' }

/**
 * A member's schema that also takes `null`: Graph sends null for members its contract says never are
 * (a participant's `id`, in Graph's own example), and the decoders keep it, noting an issue.
 */
function orNull(s: any): any {
  if (s.type === 'null') return s
  if (Array.isArray(s.anyOf)) return s.anyOf.some((branch: any) => branch.type === 'null') ? s : { ...s, anyOf: [...s.anyOf, NULL] }
  return { anyOf: [s, NULL] }
}
