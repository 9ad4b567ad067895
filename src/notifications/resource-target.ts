/** What a notification's `resourceUrl` points at, read with plain string operations (no regular expressions). */
export interface ResourceTarget {
  /** `call` for `.../calls/{id}`, else the kind of the child collection. */
  readonly kind: 'call' | 'participants' | 'operation' | 'contentSharingSession' | 'other'
  /** The call id, as it appears in the URL. */
  readonly callId: string
  /** The child's id (`.../operations/{id}`), when the URL names one. */
  readonly childId: string | undefined
  /** The child collection's name as it appears in the URL (`contentsharingsessions`), `''` for the call. */
  readonly collection: string
}

const COMMUNICATIONS_CALLS = 'communications/calls/'
const APP_CALLS = 'app/calls/'

/**
 * Reads `/communications/calls/{id}[/{collection}[/{childId}]]`, the legacy `/app/calls/...` and absolute
 * Graph URLs, in any casing. Returns `undefined` when the URL names no call.
 */
export function resourceTarget(url: string): ResourceTarget | undefined {
  const lower = url.toLowerCase()
  let start = segmentStart(lower, COMMUNICATIONS_CALLS)
  if (start < 0) start = segmentStart(lower, APP_CALLS)
  if (start < 0) return undefined
  let end = url.length
  const query = url.indexOf('?', start)
  if (query >= 0) end = query
  const fragment = url.indexOf('#', start)
  if (fragment >= 0 && fragment < end) end = fragment
  if (end > start && url.charCodeAt(end - 1) === 47 /* / */) end--
  const parts = url.slice(start, end).split('/')
  const callId = parts[0]!
  if (callId.length === 0) return undefined
  if (parts.length === 1) return { kind: 'call', callId, childId: undefined, collection: '' }
  const collection = parts[1]!
  const childId = parts.length > 2 && parts[2]!.length > 0 ? parts[2] : undefined
  const kind = parts.length > 3 ? 'other' : kindOf(collection.toLowerCase(), childId)
  return { kind, callId, childId, collection }
}

function kindOf(collection: string, childId: string | undefined): ResourceTarget['kind'] {
  if (collection === 'participants') return 'participants'
  if (childId === undefined) return 'other'
  if (collection === 'operations') return 'operation'
  if (collection === 'contentsharingsessions') return 'contentSharingSession'
  return 'other'
}

/** Where the path after `prefix` starts, when `prefix` begins a path segment; -1 when absent. */
function segmentStart(lower: string, prefix: string): number {
  let at = lower.indexOf(prefix)
  while (at > 0 && lower.charCodeAt(at - 1) !== 47) at = lower.indexOf(prefix, at + 1)
  return at < 0 ? -1 : at + prefix.length
}
