import type { BetaAnswerParams } from '../../schemas/types.generated.ts'
import type { GraphRequest } from '../graph-request.ts'
import { incomingCallAction } from '../call-action.ts'
import { validateBetaAnswerParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/answer`: the v1.0 action with beta's media configuration (live captions, audio group). */
export function answer(callId: string, params: BetaAnswerParams): GraphRequest {
  return incomingCallAction(callId, 'answer', { params, validate: validateBetaAnswerParams }, 'beta')
}
