import type { BetaStartHoldMusicParams } from '../../schemas/types.generated.ts'
import type { BetaStartHoldMusicOperation as StartHoldMusicOperation } from '../../schemas/types.generated.ts'
import type { Inbound } from '../../schemas/inbound.ts'
import type { GraphRequest } from '../graph-request.ts'
import { participantPath, operationAction } from '../call-action.ts'
import { validateBetaStartHoldMusicParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/participants/{participantId}/startHoldMusic`: the v1.0 action with a prompt that can `loop`; answered 202 with the operation, as in v1.0. */
export function startHoldMusic(callId: string, participantId: string, params: BetaStartHoldMusicParams = {}): GraphRequest<Inbound<StartHoldMusicOperation> | undefined> {
  return operationAction(participantPath(callId, participantId), 'startHoldMusic', { params, validate: validateBetaStartHoldMusicParams }, 'beta')
}
