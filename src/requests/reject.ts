import type { RejectParams } from '../schemas/actions/reject.ts'
import type { GraphRequest } from './graph-request.ts'
import { callPath, postAction } from './call-action.ts'
import { validateRejectParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/reject`: declines an incoming call (`reason`: none, busy or forbidden). */
export function reject(callId: string, params: RejectParams = {}): GraphRequest {
  return postAction(callPath(callId), 'reject', { params, validate: validateRejectParams })
}
