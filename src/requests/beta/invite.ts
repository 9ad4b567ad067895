import type { BetaInviteParams } from '../../schemas/actions/beta-invite.ts'
import type { InviteParticipantsOperation } from '../../schemas/beta/operation.ts'
import type { Inbound } from '../../schemas/inbound.ts'
import type { GraphRequest } from '../graph-request.ts'
import { participantsPath, operationAction } from '../call-action.ts'
import { checkingInvitations } from '../invitation-issues.ts'
import { validateBetaInviteParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/participants/invite`: the v1.0 action with beta's invitations. */
export function invite(callId: string, params: BetaInviteParams): GraphRequest<Inbound<InviteParticipantsOperation>> {
  return operationAction(participantsPath(callId), 'invite', { params, validate: checkingInvitations(validateBetaInviteParams, 'participants') }, 'beta')
}
