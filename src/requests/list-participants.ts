import type { Participant } from '../schemas/types.generated.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { GraphRequest } from './graph-request.ts'
import { buildRequest } from './build-request.ts'
import { participantsPath } from './call-action.ts'

/** `GET /communications/calls/{id}/participants`: lists the participants of the call. */
export function listParticipants(callId: string): GraphRequest<{ value: Inbound<Participant>[] }> {
  return buildRequest({ resultType: 'Participant[]', operation: 'listParticipants', method: 'GET', path: participantsPath(callId) })
}
