import type { GraphRequest } from './graph-request.ts'
import { buildRequest } from './build-request.ts'
import { participantPath } from './call-action.ts'

/** `DELETE /communications/calls/{id}/participants/{participantId}`: removes a participant from the call. */
export function removeParticipant(callId: string, participantId: string): GraphRequest {
  return buildRequest({ operation: 'removeParticipant', method: 'DELETE', path: participantPath(callId, participantId) })
}
