import type { AnswerParams } from '../schemas/types.generated.ts'
import type { GraphRequest } from './graph-request.ts'
import { incomingCallAction } from './call-action.ts'
import { validateAnswerParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/answer`: answers an incoming call (within 15 s, 5 s for policy-based recording). */
export function answer(callId: string, params: AnswerParams): GraphRequest {
  return incomingCallAction(callId, 'answer', { params, validate: validateAnswerParams })
}
