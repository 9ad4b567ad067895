import type { ClientContextParams } from '../schemas/actions/client-context.ts'
import type { UnmuteParticipantOperation } from '../schemas/resources/operation.ts'
import type { GraphRequest } from './graph-request.ts'
import { callPath, postAction } from './call-action.ts'
import { validateClientContextParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/unmute`: unmutes the bot itself in the call. */
export function unmute(callId: string, params: ClientContextParams = {}): GraphRequest<UnmuteParticipantOperation> {
  return postAction(callPath(callId), 'unmute', { params, validate: validateClientContextParams })
}
