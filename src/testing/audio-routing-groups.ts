import type { ActionOutcome } from './graph-routes.ts'
import type { SimulatedCallState } from './simulated-call.ts'

/** What a request on a call's audio routing groups asks: its method, the group it names, its checked body. */
export interface AudioRoutingGroupRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  readonly groupId?: string | undefined
  readonly body?: Record<string, unknown> | undefined
}

/**
 * Graph's audio routing groups of one (live) call: created with 200 and the group, listed, read, updated
 * with 200 and the group, deleted with 204; a group or participant the call does not have is refused as
 * Graph refuses it.
 */
export function applyAudioRoutingGroupRequest(call: SimulatedCallState, request: AudioRoutingGroupRequest): ActionOutcome {
  const { method, groupId, body } = request
  if (groupId === undefined) {
    if (method === 'GET') return { status: 200, body: { value: [...call.audioRoutingGroups.values()].map((group) => ({ ...group })) } }
    const id = typeof body?.['id'] === 'string' ? body['id'] : crypto.randomUUID()
    if (call.audioRoutingGroups.has(id)) return { status: 409, code: 'conflict', message: `Call ${call.id} already has an audio routing group ${id}.` }
    const unknown = unknownParticipants(call, body)
    if (unknown) return unknown
    const group = { '@odata.type': '#microsoft.graph.audioRoutingGroup', id, routingMode: body?.['routingMode'], sources: body?.['sources'], receivers: body?.['receivers'] }
    call.audioRoutingGroups.set(id, group)
    return { status: 200, body: { ...group } }
  }
  const group = call.audioRoutingGroups.get(groupId)
  if (group === undefined) return { status: 404, code: 'itemNotFound', message: `Call ${call.id} has no audio routing group ${groupId}.` }
  if (method === 'GET') return { status: 200, body: { ...group } }
  if (method === 'DELETE') {
    call.audioRoutingGroups.delete(groupId)
    return { status: 204 }
  }
  const unknown = unknownParticipants(call, body)
  if (unknown) return unknown
  for (const key of ['routingMode', 'sources', 'receivers'] as const) if (body?.[key] !== undefined) group[key] = body[key]
  return { status: 200, body: { ...group } }
}

/** A refusal naming the first source or receiver that is not a participant of the call, if there is one. */
function unknownParticipants(call: SimulatedCallState, body: Record<string, unknown> | undefined): ActionOutcome | undefined {
  for (const key of ['sources', 'receivers'] as const) {
    const ids = body?.[key]
    if (!Array.isArray(ids)) continue
    const missing = ids.find((id) => !call.participants.has(String(id)))
    if (missing !== undefined) return { status: 400, code: 'BadRequest', message: `${key}: call ${call.id} has no participant ${String(missing)}.` }
  }
  return undefined
}
