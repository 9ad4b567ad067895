import type { ClientContextParams } from '../../schemas/actions/client-context.ts'
import type { StartRecordingOperation } from '../../schemas/beta/operation.ts'
import type { GraphRequest } from '../graph-request.ts'
import { callPath, postAction } from '../call-action.ts'
import { validateClientContextParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/startRecording`: starts recording the call. */
export function startRecording(callId: string, params: ClientContextParams = {}): GraphRequest<StartRecordingOperation> {
  return postAction(callPath(callId), 'startRecording', { params, validate: validateClientContextParams }, 'beta')
}
