import type { BetaTranscriptionParams } from '../../schemas/types.generated.ts'
import type { BetaStartTranscriptionOperation as StartTranscriptionOperation } from '../../schemas/types.generated.ts'
import type { Inbound } from '../../schemas/inbound.ts'
import type { GraphRequest } from '../graph-request.ts'
import { callPath, operationAction } from '../call-action.ts'
import { validateBetaTranscriptionParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/startTranscription`: starts transcribing the call, in `language` when given. */
export function startTranscription(callId: string, params: BetaTranscriptionParams = {}): GraphRequest<Inbound<StartTranscriptionOperation>> {
  return operationAction(callPath(callId), 'startTranscription', { params, validate: validateBetaTranscriptionParams }, 'beta')
}
