import type { ClientContextParams } from '../schemas/actions/client-context.ts'
import type { SubscribeToToneOperation } from '../schemas/resources/operation.ts'
import type { GraphRequest } from './graph-request.ts'
import { callPath, postAction } from './call-action.ts'
import { validateClientContextParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/subscribeToTone`: asks for a notification for each DTMF tone the caller presses. */
export function subscribeToTone(callId: string, params: ClientContextParams = {}): GraphRequest<SubscribeToToneOperation> {
  return postAction(callPath(callId), 'subscribeToTone', { params, validate: validateClientContextParams })
}
