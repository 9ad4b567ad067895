import type { ClientContextParams } from '../../schemas/types.generated.ts'
import type { BetaRemoveFromLobbyOperation as RemoveFromLobbyOperation } from '../../schemas/types.generated.ts'
import type { Inbound } from '../../schemas/inbound.ts'
import type { GraphRequest } from '../graph-request.ts'
import { participantPath, operationAction } from '../call-action.ts'
import { validateClientContextParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/participants/{participantId}/removeFromLobby`: sends a participant away from the lobby. */
export function removeFromLobby(callId: string, participantId: string, params: ClientContextParams = {}): GraphRequest<Inbound<RemoveFromLobbyOperation>> {
  return operationAction(participantPath(callId, participantId), 'removeFromLobby', { params, validate: validateClientContextParams }, 'beta')
}
