/** What a notification's `resourceUrl` points at. */
export interface ResourceTarget {
  /** `call` for `.../calls/{id}`, else the kind of the child collection. */
  readonly kind: 'call' | 'participants' | 'operation' | 'contentSharingSession' | 'other'
  /** The call id, as it appears in the URL. */
  readonly callId: string
  /** The child's id (`.../operations/{id}`), when the URL names one. */
  readonly childId: string | undefined
  /** The child collection: a known one in lowercase (`contentsharingsessions`), another as written; `''` for the call. */
  readonly collection: string
}

// The strings searched for below are written in place, not named as constants: V8 compiles cheaper code
// for a literal it knows, and a bundler turns a top-level `const` into a `var`, which V8 cannot take for
// fixed (a `startsWith` of the prefix then costs about 300 instructions more).
const CANONICAL_PREFIX_LENGTH = 22
const COMMUNICATIONS_CALLS = 'communications/calls/'
const APP_CALLS = 'app/calls/'
const SLASH = 47
const LOWER_C = 99
const LOWER_O = 111
const LOWER_P = 112

const KIND = { participants: 'participants', operations: 'operation', contentsharingsessions: 'contentSharingSession' } as const
type KnownCollection = keyof typeof KIND

/**
 * Reads `/communications/calls/{id}[/{collection}[/{childId}]]`, the legacy `/app/calls/...` and absolute
 * Graph URLs, in any casing. Returns `undefined` when the URL names no call.
 */
export function resourceTarget(url: string): ResourceTarget | undefined {
  // Each string operation costs far more than the characters it reads, so the form nearly every
  // notification has (Graph's own spelling, no query, no fragment) is read with the fewest; any other form,
  // or any doubt, goes the general way.
  if (url.slice(0, 22) === '/communications/calls/' && url.indexOf('?') < 0 && url.indexOf('#') < 0) {
    const target = canonicalTarget(url)
    if (target !== undefined) return target
  }
  return anyResourceTarget(url)
}

/**
 * `/communications/calls/{id}`, `.../{collection}` or `.../{collection}/{childId}` with a known collection
 * in lowercase and no query, fragment or trailing slash (checked by the caller for the first two); else
 * `undefined`, and the general reader decides.
 */
function canonicalTarget(url: string): ResourceTarget | undefined {
  const start = CANONICAL_PREFIX_LENGTH
  const callEnd = url.indexOf('/', start)
  if (callEnd < 0) return start < url.length ? { kind: 'call', callId: url.slice(start), childId: undefined, collection: '' } : undefined
  if (callEnd === start) return undefined
  const from = callEnd + 1
  // The first letter names the only candidate, and one comparison confirms it.
  let known: KnownCollection
  let kind: 'participants' | 'operation' | 'contentSharingSession'
  switch (url.charCodeAt(from)) {
    case LOWER_C:
      if (url.slice(from, from + 22) !== 'contentsharingsessions') return undefined
      known = 'contentsharingsessions'
      kind = 'contentSharingSession'
      break
    case LOWER_P:
      if (url.slice(from, from + 12) !== 'participants') return undefined
      known = 'participants'
      kind = 'participants'
      break
    case LOWER_O:
      if (url.slice(from, from + 10) !== 'operations') return undefined
      known = 'operations'
      kind = 'operation'
      break
    default:
      return undefined
  }
  const collectionEnd = from + known.length
  const callId = url.slice(start, callEnd)
  // `participants` is the roster with or without a participant id; the others need their child's id.
  if (collectionEnd === url.length) return { kind: kind === 'participants' ? kind : 'other', callId, childId: undefined, collection: known }
  const childStart = collectionEnd + 1
  // `participantsX`, a trailing slash or a deeper path: not this form.
  if (url.charCodeAt(collectionEnd) !== SLASH || childStart === url.length || url.indexOf('/', childStart) >= 0) return undefined
  return { kind, callId, childId: url.slice(childStart), collection: known }
}

/** Reads any form `resourceTarget` accepts, with no shortcut: the reference its fast path must agree with. */
export function anyResourceTarget(url: string): ResourceTarget | undefined {
  let start: number
  // Graph writes the path this way; only other spellings pay for lowercasing.
  if (url.startsWith('/communications/calls/')) start = CANONICAL_PREFIX_LENGTH
  else {
    const lower = url.toLowerCase()
    start = segmentStart(lower, COMMUNICATIONS_CALLS)
    if (start < 0) start = segmentStart(lower, APP_CALLS)
    if (start < 0) return undefined
  }
  const end = pathEnd(url, start)
  const callEnd = segmentEnd(url, start, end)
  if (callEnd === start) return undefined
  const callId = url.slice(start, callEnd)
  if (callEnd >= end) return { kind: 'call', callId, childId: undefined, collection: '' }
  const from = callEnd + 1
  const collectionEnd = segmentEnd(url, from, end)
  if (collectionEnd === from) return undefined
  const known = knownCollection(url, from, collectionEnd)
  const collection = known ?? url.slice(from, collectionEnd)
  const childEnd = collectionEnd >= end ? end : segmentEnd(url, collectionEnd + 1, end)
  const childId = childEnd > collectionEnd + 1 ? url.slice(collectionEnd + 1, childEnd) : undefined
  let kind: ResourceTarget['kind'] = 'other'
  // `participants` is the roster with or without a participant id; the others need their child's id.
  if (known !== undefined && childEnd >= end && (childId !== undefined || known === 'participants')) kind = KIND[known]
  return { kind, callId, childId, collection }
}

/** The collection named at `url[from, to)` when it is one with events, in any casing. */
function knownCollection(url: string, from: number, to: number): KnownCollection | undefined {
  // Graph writes these names in lowercase; only other spellings pay for lowercasing. The three differ in length.
  switch (to - from) {
    case 12:
      return url.startsWith('participants', from) || url.slice(from, to).toLowerCase() === 'participants' ? 'participants' : undefined
    case 10:
      return url.startsWith('operations', from) || url.slice(from, to).toLowerCase() === 'operations' ? 'operations' : undefined
    case 22:
      return url.startsWith('contentsharingsessions', from) || url.slice(from, to).toLowerCase() === 'contentsharingsessions' ? 'contentsharingsessions' : undefined
  }
  return undefined
}

/** Where the path after `prefix` starts, when `prefix` begins a path segment; -1 when absent. */
function segmentStart(lower: string, prefix: string): number {
  let at = lower.indexOf(prefix)
  while (at > 0 && lower.charCodeAt(at - 1) !== SLASH) at = lower.indexOf(prefix, at + 1)
  return at < 0 ? -1 : at + prefix.length
}

/** The end of the path: before a query or fragment, and before one trailing slash. */
function pathEnd(url: string, start: number): number {
  let end = url.length
  const query = url.indexOf('?', start)
  if (query >= 0) end = query
  const fragment = url.indexOf('#', start)
  if (fragment >= 0 && fragment < end) end = fragment
  if (end > start && url.charCodeAt(end - 1) === SLASH) end--
  return end
}

/** Where the segment starting at `from` ends: its next slash, or `end`. */
function segmentEnd(url: string, from: number, end: number): number {
  const slash = url.indexOf('/', from)
  return slash < 0 || slash > end ? end : slash
}
