import type { BetaTranscriptionParams } from '../../schemas/actions/beta-transcription.ts'
import type { StopTranscriptionOperation } from '../../schemas/beta/operation.ts'
import type { GraphRequest } from '../graph-request.ts'
import { callPath, postAction } from '../call-action.ts'
import { validateBetaTranscriptionParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/stopTranscription`: stops transcribing the call. */
export function stopTranscription(callId: string, params: BetaTranscriptionParams = {}): GraphRequest<StopTranscriptionOperation> {
  return postAction(callPath(callId), 'stopTranscription', { params, validate: validateBetaTranscriptionParams }, 'beta')
}
