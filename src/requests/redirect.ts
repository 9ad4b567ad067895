import type { RedirectParams } from '../schemas/types.generated.ts'
import type { GraphRequest } from './graph-request.ts'
import { incomingCallAction } from './call-action.ts'
import { checkingInvitations } from './invitation-issues.ts'
import { validateRedirectParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/redirect`: sends an incoming call on to 1 to 25 other targets. */
export function redirect(callId: string, params: RedirectParams): GraphRequest {
  return incomingCallAction(callId, 'redirect', { params, validate: checkingInvitations(validateRedirectParams, 'targets') })
}
