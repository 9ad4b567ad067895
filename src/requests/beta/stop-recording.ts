import type { ClientContextParams } from '../../schemas/actions/client-context.ts'
import type { StopRecordingOperation } from '../../schemas/beta/operation.ts'
import type { GraphRequest } from '../graph-request.ts'
import { callPath, postAction } from '../call-action.ts'
import { validateClientContextParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/stopRecording`: stops recording the call. */
export function stopRecording(callId: string, params: ClientContextParams = {}): GraphRequest<StopRecordingOperation> {
  return postAction(callPath(callId), 'stopRecording', { params, validate: validateClientContextParams }, 'beta')
}
