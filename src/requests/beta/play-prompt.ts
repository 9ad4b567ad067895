import type { BetaPlayPromptParams } from '../../schemas/types.generated.ts'
import type { BetaPlayPromptOperation as PlayPromptOperation } from '../../schemas/types.generated.ts'
import type { Inbound } from '../../schemas/inbound.ts'
import type { GraphRequest } from '../graph-request.ts'
import { callPath, operationAction } from '../call-action.ts'
import { validateBetaPlayPromptParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/playPrompt`: the v1.0 action with `loop`. */
export function playPrompt(callId: string, params: BetaPlayPromptParams): GraphRequest<Inbound<PlayPromptOperation>> {
  return operationAction(callPath(callId), 'playPrompt', { params, validate: validateBetaPlayPromptParams }, 'beta')
}
