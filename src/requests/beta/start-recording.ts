import type { ClientContextParams } from '../../schemas/types.generated.ts'
import type { BetaStartRecordingOperation as StartRecordingOperation } from '../../schemas/types.generated.ts'
import type { Inbound } from '../../schemas/inbound.ts'
import type { GraphRequest } from '../graph-request.ts'
import { callPath, operationAction } from '../call-action.ts'
import { validateClientContextParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/startRecording`: starts recording the call. */
export function startRecording(callId: string, params: ClientContextParams = {}): GraphRequest<Inbound<StartRecordingOperation>> {
  return operationAction(callPath(callId), 'startRecording', { params, validate: validateClientContextParams }, 'beta')
}
