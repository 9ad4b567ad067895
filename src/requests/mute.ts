import type { ClientContextParams } from '../schemas/types.generated.ts'
import type { MuteParticipantOperation } from '../schemas/types.generated.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { GraphRequest } from './graph-request.ts'
import { callPath, operationAction } from './call-action.ts'
import { validateClientContextParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/mute`: mutes the bot itself in the call. */
export function mute(callId: string, params: ClientContextParams = {}): GraphRequest<Inbound<MuteParticipantOperation>> {
  return operationAction(callPath(callId), 'mute', { params, validate: validateClientContextParams })
}
