import type { PlayPromptParams } from '../schemas/types.generated.ts'
import type { PlayPromptOperation } from '../schemas/types.generated.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { GraphRequest } from './graph-request.ts'
import { callPath, operationAction } from './call-action.ts'
import { validatePlayPromptParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/playPrompt`: plays 1 to 20 prompts (service-hosted media only). */
export function playPrompt(callId: string, params: PlayPromptParams): GraphRequest<Inbound<PlayPromptOperation>> {
  return operationAction(callPath(callId), 'playPrompt', { params, validate: validatePlayPromptParams })
}
