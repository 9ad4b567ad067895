import type { BetaInviteParams } from '../../schemas/actions/beta-invite.ts'
import type { InviteParticipantsOperation } from '../../schemas/beta/operation.ts'
import type { GraphRequest } from '../graph-request.ts'
import { participantsPath, postAction } from '../call-action.ts'
import { validateBetaInviteParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/participants/invite`: the v1.0 action with beta's invitations. */
export function invite(callId: string, params: BetaInviteParams): GraphRequest<InviteParticipantsOperation> {
  return postAction(participantsPath(callId), 'invite', { params, validate: validateBetaInviteParams }, 'beta')
}
