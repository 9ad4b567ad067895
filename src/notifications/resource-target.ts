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

const CANONICAL_PREFIX_LENGTH = 22
const COMMUNICATIONS_CALLS = 'communications/calls/'
const APP_CALLS = 'app/calls/'
const SLASH = 47

/**
 * Matches (the empty string at the start) every URL that is not in Graph's own spelling, which nearly every
 * notification has: `/communications/calls/{id}`, its roster `.../participants`, its content-sharing
 * sessions `.../contentsharingsessions` (the session then in `resourceData`), or
 * `.../{participants|operations|contentsharingsessions}/{childId}`, in lowercase, without a query, a
 * fragment or a trailing slash. It is written as the negation because a failed match leaves RegExp's
 * record of the last match alone, where a match writes the subject into it (about 100 instructions more).
 */
const NOT_CANONICAL = /^(?!\/communications\/calls\/[^/?#]+(?:\/(?:participants|contentsharingsessions)(?:\/[^/?#]+)?|\/operations\/[^/?#]+)?$)/

const KIND = { participants: 'participants', operations: 'operation', contentsharingsessions: 'contentSharingSession' } as const
type KnownCollection = keyof typeof KIND

/**
 * Reads `/communications/calls/{id}[/{collection}[/{childId}]]`, the legacy `/app/calls/...` and absolute
 * Graph URLs, in any casing. Returns `undefined` when the URL names no call.
 */
export function resourceTarget(url: string): ResourceTarget | undefined {
  // Each string operation has a fixed cost far above that of the characters it reads, so one regular
  // expression checks Graph's own form whole: measured alone on a content-sharing URL, about 1,670
  // instructions against 2,220 for the general reader's searches and comparisons. Once the form holds, one
  // slash says where each part is. Any other form goes the general way.
  return NOT_CANONICAL.test(url) ? anyResourceTarget(url) : canonicalTarget(url)
}

/** The parts of a URL in Graph's own form (see `NOT_CANONICAL`). */
function canonicalTarget(url: string): ResourceTarget {
  const callEnd = url.indexOf('/', CANONICAL_PREFIX_LENGTH)
  if (callEnd < 0) return { kind: 'call', callId: url.slice(CANONICAL_PREFIX_LENGTH), childId: undefined, collection: '' }
  const callId = url.slice(CANONICAL_PREFIX_LENGTH, callEnd)
  // The form allows three collections, and their first letters differ; a child's id starts after the
  // collection's own slash. Each case returns its own literal, so no table is read.
  switch (url.charCodeAt(callEnd + 1)) {
    case 99: {
      // c: the sessions, with or without a session's id.
      const childId = callEnd + 23 === url.length ? undefined : url.slice(callEnd + 24)
      return { kind: 'contentSharingSession', callId, childId, collection: 'contentsharingsessions' }
    }
    case 111: // o
      return { kind: 'operation', callId, childId: url.slice(callEnd + 12), collection: 'operations' }
    default: {
      // p: the roster, with or without a participant's id.
      const childId = callEnd + 13 === url.length ? undefined : url.slice(callEnd + 14)
      return { kind: 'participants', callId, childId, collection: 'participants' }
    }
  }
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
  // The roster and the content-sharing sessions come with or without a child's id (a session's is then in
  // `resourceData`); an operation needs its id.
  if (known !== undefined && childEnd >= end && (childId !== undefined || known !== 'operations')) kind = KIND[known]
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
