import type { ClientContextParams } from '../../schemas/types.generated.ts'
import type { BetaAdmitAllFromLobbyOperation as AdmitAllFromLobbyOperation } from '../../schemas/types.generated.ts'
import type { Inbound } from '../../schemas/inbound.ts'
import type { GraphRequest } from '../graph-request.ts'
import { participantsPath, operationAction } from '../call-action.ts'
import { validateClientContextParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/participants/admitAllFromLobby`: lets everyone in from the lobby. */
export function admitAllFromLobby(callId: string, params: ClientContextParams = {}): GraphRequest<Inbound<AdmitAllFromLobbyOperation>> {
  return operationAction(participantsPath(callId), 'admitAllFromLobby', { params, validate: validateClientContextParams }, 'beta')
}
