import type { RejectParams } from '../schemas/types.generated.ts'
import type { GraphRequest } from './graph-request.ts'
import { incomingCallAction } from './call-action.ts'
import { validateRejectParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/reject`: declines an incoming call (`reason`: none, busy or forbidden). */
export function reject(callId: string, params: RejectParams = {}): GraphRequest {
  return incomingCallAction(callId, 'reject', { params, validate: validateRejectParams })
}
