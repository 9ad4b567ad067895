import type { ClientContextParams } from '../../schemas/types.generated.ts'
import type { BetaAdmitFromLobbyOperation as AdmitFromLobbyOperation } from '../../schemas/types.generated.ts'
import type { Inbound } from '../../schemas/inbound.ts'
import type { GraphRequest } from '../graph-request.ts'
import { participantPath, operationAction } from '../call-action.ts'
import { validateClientContextParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/participants/{participantId}/admitFromLobby`: lets a participant in from the lobby. */
export function admitFromLobby(callId: string, participantId: string, params: ClientContextParams = {}): GraphRequest<Inbound<AdmitFromLobbyOperation>> {
  return operationAction(participantPath(callId, participantId), 'admitFromLobby', { params, validate: validateClientContextParams }, 'beta')
}
