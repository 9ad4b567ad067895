import type { ClientContextParams } from '../../schemas/actions/client-context.ts'
import type { AdmitFromLobbyOperation } from '../../schemas/beta/operation.ts'
import type { GraphRequest } from '../graph-request.ts'
import { participantPath, postAction } from '../call-action.ts'
import { validateClientContextParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/participants/{participantId}/admitFromLobby`: lets a participant in from the lobby. */
export function admitFromLobby(callId: string, participantId: string, params: ClientContextParams = {}): GraphRequest<AdmitFromLobbyOperation> {
  return postAction(participantPath(callId, participantId), 'admitFromLobby', { params, validate: validateClientContextParams }, 'beta')
}
