import type { BetaTransferParams } from '../../schemas/types.generated.ts'
import type { GraphRequest } from '../graph-request.ts'
import { callPath, postAction } from '../call-action.ts'
import { checkingInvitations } from '../invitation-issues.ts'
import { validateBetaTransferParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/transfer`: the v1.0 action with beta's participant types. */
export function transfer(callId: string, params: BetaTransferParams): GraphRequest {
  return postAction(callPath(callId), 'transfer', { params, validate: checkingInvitations(validateBetaTransferParams, 'transferTarget') }, 'beta')
}
