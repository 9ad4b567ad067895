import type { ClientContextParams } from '../schemas/types.generated.ts'
import type { UnmuteParticipantOperation } from '../schemas/types.generated.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { GraphRequest } from './graph-request.ts'
import { callPath, operationAction } from './call-action.ts'
import { validateClientContextParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/unmute`: unmutes the bot itself in the call. */
export function unmute(callId: string, params: ClientContextParams = {}): GraphRequest<Inbound<UnmuteParticipantOperation>> {
  return operationAction(callPath(callId), 'unmute', { params, validate: validateClientContextParams })
}
