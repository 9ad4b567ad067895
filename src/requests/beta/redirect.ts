import type { BetaRedirectParams } from '../../schemas/actions/beta-redirect.ts'
import type { GraphRequest } from '../graph-request.ts'
import { callPath, postAction } from '../call-action.ts'
import { validateBetaRedirectParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/redirect`: the v1.0 action with `targetDisposition`, `maskCallee` and `maskCaller`. */
export function redirect(callId: string, params: BetaRedirectParams): GraphRequest {
  return postAction(callPath(callId), 'redirect', { params, validate: validateBetaRedirectParams }, 'beta')
}
