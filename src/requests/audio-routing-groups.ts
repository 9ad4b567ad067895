import type { AudioRoutingGroupParams, UpdateAudioRoutingGroupParams } from '../schemas/types.generated.ts'
import type { AudioRoutingGroup } from '../schemas/types.generated.ts'
import type { Issue } from '../errors.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { GraphRequest } from './graph-request.ts'
import { buildRequest } from './build-request.ts'
import { audioRoutingGroupPath } from './call-action.ts'
import { validateAudioRoutingGroupParams, validateUpdateAudioRoutingGroupParams } from './validators.generated.ts'

/**
 * `POST /communications/calls/{id}/audioRoutingGroups` ("Create audioRoutingGroup"): routes the audio of
 * `sources` to `receivers`, for a bot with app-hosted media; Graph answers with the group.
 */
export function createAudioRoutingGroup(callId: string, params: AudioRoutingGroupParams): GraphRequest<Inbound<AudioRoutingGroup>> {
  return buildRequest({ resultType: 'AudioRoutingGroup', operation: 'createAudioRoutingGroup', method: 'POST', path: audioRoutingGroupPath(callId), body: { params, validate: validateAudioRoutingGroupParams } })
}

/** `GET /communications/calls/{id}/audioRoutingGroups`: lists the call's audio routing groups. */
export function listAudioRoutingGroups(callId: string): GraphRequest<{ value: Inbound<AudioRoutingGroup>[] }> {
  return buildRequest({ resultType: 'AudioRoutingGroup[]', operation: 'listAudioRoutingGroups', method: 'GET', path: audioRoutingGroupPath(callId) })
}

/** `GET /communications/calls/{id}/audioRoutingGroups/{groupId}`: reads one audio routing group. */
export function getAudioRoutingGroup(callId: string, groupId: string): GraphRequest<Inbound<AudioRoutingGroup>> {
  return buildRequest({ resultType: 'AudioRoutingGroup', operation: 'getAudioRoutingGroup', method: 'GET', path: audioRoutingGroupPath(callId, groupId) })
}

/**
 * `PATCH /communications/calls/{id}/audioRoutingGroups/{groupId}` ("Update audioRoutingGroup"): changes its
 * mode, sources or receivers; Graph answers with the group. Sending the same change twice leaves the same
 * group, so the request is `resendable`.
 */
export function updateAudioRoutingGroup(callId: string, groupId: string, params: UpdateAudioRoutingGroupParams): GraphRequest<Inbound<AudioRoutingGroup>> {
  const validate = (value: unknown): Issue[] => {
    const issues = validateUpdateAudioRoutingGroupParams(value)
    const id = (value as { id?: unknown } | null)?.id
    if (typeof id === 'string' && id !== groupId) issues.push({ path: '$.id', message: `expected the group's own id ${JSON.stringify(groupId)}, or no id: a group's id does not change` })
    return issues
  }
  return buildRequest({ resultType: 'AudioRoutingGroup', operation: 'updateAudioRoutingGroup', method: 'PATCH', path: audioRoutingGroupPath(callId, groupId), body: { params, validate }, resendable: true })
}

/** `DELETE /communications/calls/{id}/audioRoutingGroups/{groupId}`: deletes an audio routing group. */
export function deleteAudioRoutingGroup(callId: string, groupId: string): GraphRequest {
  return buildRequest({ operation: 'deleteAudioRoutingGroup', method: 'DELETE', path: audioRoutingGroupPath(callId, groupId) })
}
