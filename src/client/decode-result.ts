import type { Issue } from '../errors.ts'
import {
  decodeAudioRoutingGroup,
  decodeCall,
  decodeCommsOperation,
  decodeContentSharingSession,
  decodeParticipant,
} from '../notifications/decoders.generated.ts'
import type { ResultType } from '../requests/graph-request.ts'

type Decode = (value: unknown, issues: Issue[], at?: (string | number)[]) => unknown

// The notification decoders: an answer's body and a notification's resource data are the same Graph
// types, so a bot compares `status === 'Running'` whichever of the two told it.
const decoders: Record<string, Decode> = {
  Call: decodeCall,
  Participant: decodeParticipant,
  CommsOperation: decodeCommsOperation,
  ContentSharingSession: decodeContentSharingSession,
  AudioRoutingGroup: decodeAudioRoutingGroup,
}

/**
 * Graph's answer body, decoded leniently as `type` (as notifications are): enum values in another casing
 * get the canonical spelling, and a value of the wrong JSON type is kept as it came, with an issue in
 * `issues` naming its path. The body itself is never changed; a decoded one is a copy where it differs.
 */
export function decodeResult(type: ResultType, body: unknown, issues: Issue[]): unknown {
  if (body === undefined) return body
  if (!type.endsWith('[]')) return decoders[type]!(body, issues)
  const decode = decoders[type.slice(0, -2)]!
  const value = (body as { value?: unknown } | null)?.value
  if (typeof body !== 'object' || body === null || !Array.isArray(value)) {
    issues.push({ path: '$.value', message: `expected a { value } list of ${type.slice(0, -2)}` })
    return body
  }
  let items = value
  for (let i = 0; i < value.length; i++) {
    const item = decode(value[i], issues, ['value', i])
    if (item === value[i]) continue
    if (items === value) items = value.slice()
    items[i] = item
  }
  return items === value ? body : { ...body, value: items }
}
