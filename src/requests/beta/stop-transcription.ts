import type { BetaTranscriptionParams } from '../../schemas/actions/beta-transcription.ts'
import type { StopTranscriptionOperation } from '../../schemas/beta/operation.ts'
import type { Inbound } from '../../schemas/inbound.ts'
import type { GraphRequest } from '../graph-request.ts'
import { callPath, operationAction } from '../call-action.ts'
import { validateBetaTranscriptionParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/stopTranscription`: stops transcribing the call. */
export function stopTranscription(callId: string, params: BetaTranscriptionParams = {}): GraphRequest<Inbound<StopTranscriptionOperation>> {
  return operationAction(callPath(callId), 'stopTranscription', { params, validate: validateBetaTranscriptionParams }, 'beta')
}
