import type { ClientContextParams } from '../../schemas/types.generated.ts'
import type { BetaStopRecordingOperation as StopRecordingOperation } from '../../schemas/types.generated.ts'
import type { Inbound } from '../../schemas/inbound.ts'
import type { GraphRequest } from '../graph-request.ts'
import { callPath, operationAction } from '../call-action.ts'
import { validateClientContextParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/stopRecording`: stops recording the call. */
export function stopRecording(callId: string, params: ClientContextParams = {}): GraphRequest<Inbound<StopRecordingOperation>> {
  return operationAction(callPath(callId), 'stopRecording', { params, validate: validateClientContextParams }, 'beta')
}
