import type { ClientContextParams } from '../schemas/actions/client-context.ts'
import type { CancelMediaProcessingOperation } from '../schemas/resources/operation.ts'
import type { GraphRequest } from './graph-request.ts'
import { callPath, postAction } from './call-action.ts'
import { validateClientContextParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/cancelMediaProcessing`: cancels the running and queued playPrompt and recordResponse operations. */
export function cancelMediaProcessing(callId: string, params: ClientContextParams = {}): GraphRequest<CancelMediaProcessingOperation> {
  return postAction(callPath(callId), 'cancelMediaProcessing', { params, validate: validateClientContextParams })
}
