import type { BetaRedirectParams } from '../../schemas/types.generated.ts'
import type { GraphRequest } from '../graph-request.ts'
import { incomingCallAction } from '../call-action.ts'
import { checkingInvitations } from '../invitation-issues.ts'
import { validateBetaRedirectParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/redirect`: the v1.0 action with `targetDisposition`, `maskCallee` and `maskCaller`. */
export function redirect(callId: string, params: BetaRedirectParams): GraphRequest {
  return incomingCallAction(callId, 'redirect', { params, validate: checkingInvitations(validateBetaRedirectParams, 'targets') }, 'beta')
}
