import type { ClientContextParams } from '../schemas/types.generated.ts'
import type { SubscribeToToneOperation } from '../schemas/types.generated.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { GraphRequest } from './graph-request.ts'
import { callPath, operationAction } from './call-action.ts'
import { validateClientContextParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/subscribeToTone`: asks for a notification for each DTMF tone the caller presses. */
export function subscribeToTone(callId: string, params: ClientContextParams = {}): GraphRequest<Inbound<SubscribeToToneOperation>> {
  return operationAction(callPath(callId), 'subscribeToTone', { params, validate: validateClientContextParams })
}
