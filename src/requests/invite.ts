import type { InviteParams } from '../schemas/types.generated.ts'
import type { InviteParticipantsOperation } from '../schemas/types.generated.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { GraphRequest } from './graph-request.ts'
import { participantsPath, operationAction } from './call-action.ts'
import { checkingInvitations } from './invitation-issues.ts'
import { validateInviteParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/participants/invite`: invites participants into the call (several only in a group call). */
export function invite(callId: string, params: InviteParams): GraphRequest<Inbound<InviteParticipantsOperation>> {
  return operationAction(participantsPath(callId), 'invite', { params, validate: checkingInvitations(validateInviteParams, 'participants') })
}
