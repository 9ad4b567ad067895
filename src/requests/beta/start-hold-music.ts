import type { BetaStartHoldMusicParams } from '../../schemas/actions/beta-start-hold-music.ts'
import type { StartHoldMusicOperation } from '../../schemas/beta/operation.ts'
import type { GraphRequest } from '../graph-request.ts'
import { participantPath, postAction } from '../call-action.ts'
import { validateBetaStartHoldMusicParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/participants/{participantId}/startHoldMusic`: the v1.0 action with a prompt that can `loop`; answered 202 with the operation, as in v1.0. */
export function startHoldMusic(callId: string, participantId: string, params: BetaStartHoldMusicParams = {}): GraphRequest<StartHoldMusicOperation | undefined> {
  return postAction(participantPath(callId, participantId), 'startHoldMusic', { params, validate: validateBetaStartHoldMusicParams }, 'beta')
}
