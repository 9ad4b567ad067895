import type { Participant } from '../schemas/types.generated.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { GraphRequest } from './graph-request.ts'
import { buildRequest } from './build-request.ts'
import { participantPath } from './call-action.ts'

/** `GET /communications/calls/{id}/participants/{participantId}`: reads one participant. */
export function getParticipant(callId: string, participantId: string): GraphRequest<Inbound<Participant>> {
  return buildRequest({ resultType: 'Participant', operation: 'getParticipant', method: 'GET', path: participantPath(callId, participantId) })
}
