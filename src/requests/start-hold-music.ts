import type { StartHoldMusicParams } from '../schemas/types.generated.ts'
import type { StartHoldMusicOperation } from '../schemas/types.generated.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { GraphRequest } from './graph-request.ts'
import { participantPath, operationAction } from './call-action.ts'
import { validateStartHoldMusicParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/participants/{participantId}/startHoldMusic`: puts a participant on hold, with music. Graph answers 202 with the operation started (`undefined` when that body did not come whole). */
export function startHoldMusic(callId: string, participantId: string, params: StartHoldMusicParams = {}): GraphRequest<Inbound<StartHoldMusicOperation> | undefined> {
  return operationAction(participantPath(callId, participantId), 'startHoldMusic', { params, validate: validateStartHoldMusicParams })
}
