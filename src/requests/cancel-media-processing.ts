import type { ClientContextParams } from '../schemas/types.generated.ts'
import type { CancelMediaProcessingOperation } from '../schemas/types.generated.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { GraphRequest } from './graph-request.ts'
import { callPath, operationAction } from './call-action.ts'
import { validateClientContextParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/cancelMediaProcessing`: cancels the running and queued playPrompt and recordResponse operations. */
export function cancelMediaProcessing(callId: string, params: ClientContextParams = {}): GraphRequest<Inbound<CancelMediaProcessingOperation>> {
  return operationAction(callPath(callId), 'cancelMediaProcessing', { params, validate: validateClientContextParams })
}
