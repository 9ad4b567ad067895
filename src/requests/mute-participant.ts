import type { ClientContextParams } from '../schemas/types.generated.ts'
import type { MuteParticipantOperation } from '../schemas/types.generated.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { GraphRequest } from './graph-request.ts'
import { participantPath, operationAction } from './call-action.ts'
import { validateClientContextParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/participants/{participantId}/mute`: mutes another participant of the call. */
export function muteParticipant(callId: string, participantId: string, params: ClientContextParams = {}): GraphRequest<Inbound<MuteParticipantOperation>> {
  return operationAction(participantPath(callId, participantId), 'mute', { params, validate: validateClientContextParams })
}
