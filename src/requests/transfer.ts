import type { TransferParams } from '../schemas/types.generated.ts'
import type { GraphRequest } from './graph-request.ts'
import { callPath, postAction } from './call-action.ts'
import { checkingInvitations } from './invitation-issues.ts'
import { validateTransferParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/transfer`: transfers an active call to `transferTarget` (`transferee` only from a group call). */
export function transfer(callId: string, params: TransferParams): GraphRequest {
  return postAction(callPath(callId), 'transfer', { params, validate: checkingInvitations(validateTransferParams, 'transferTarget') })
}
