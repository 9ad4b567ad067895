import type { BetaTranscriptionParams } from '../../schemas/types.generated.ts'
import type { BetaStopTranscriptionOperation as StopTranscriptionOperation } from '../../schemas/types.generated.ts'
import type { Inbound } from '../../schemas/inbound.ts'
import type { GraphRequest } from '../graph-request.ts'
import { callPath, operationAction } from '../call-action.ts'
import { validateBetaTranscriptionParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/stopTranscription`: stops transcribing the call. */
export function stopTranscription(callId: string, params: BetaTranscriptionParams = {}): GraphRequest<Inbound<StopTranscriptionOperation>> {
  return operationAction(callPath(callId), 'stopTranscription', { params, validate: validateBetaTranscriptionParams }, 'beta')
}
