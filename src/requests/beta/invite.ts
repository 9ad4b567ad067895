import type { BetaInviteParams } from '../../schemas/types.generated.ts'
import type { BetaInviteParticipantsOperation as InviteParticipantsOperation } from '../../schemas/types.generated.ts'
import type { Inbound } from '../../schemas/inbound.ts'
import type { GraphRequest } from '../graph-request.ts'
import { participantsPath, operationAction } from '../call-action.ts'
import { checkingInvitations } from '../invitation-issues.ts'
import { validateBetaInviteParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/participants/invite`: the v1.0 action with beta's invitations. */
export function invite(callId: string, params: BetaInviteParams): GraphRequest<Inbound<InviteParticipantsOperation>> {
  return operationAction(participantsPath(callId), 'invite', { params, validate: checkingInvitations(validateBetaInviteParams, 'participants') }, 'beta')
}
