import type { ClientContextParams } from '../schemas/actions/client-context.ts'
import type { MuteParticipantOperation } from '../schemas/resources/operation.ts'
import type { GraphRequest } from './graph-request.ts'
import { participantPath, postAction } from './call-action.ts'
import { validateClientContextParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/participants/{participantId}/mute`: mutes another participant of the call. */
export function muteParticipant(callId: string, participantId: string, params: ClientContextParams = {}): GraphRequest<MuteParticipantOperation> {
  return postAction(participantPath(callId, participantId), 'mute', { params, validate: validateClientContextParams })
}
