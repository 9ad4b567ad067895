import type { ClientContextParams } from '../schemas/types.generated.ts'
import type { StopHoldMusicOperation } from '../schemas/types.generated.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { GraphRequest } from './graph-request.ts'
import { participantPath, operationAction } from './call-action.ts'
import { validateClientContextParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/participants/{participantId}/stopHoldMusic`: takes a participant off hold. Graph answers 202 with the operation started (`undefined` when that body did not come whole). */
export function stopHoldMusic(callId: string, participantId: string, params: ClientContextParams = {}): GraphRequest<Inbound<StopHoldMusicOperation> | undefined> {
  return operationAction(participantPath(callId, participantId), 'stopHoldMusic', { params, validate: validateClientContextParams })
}
