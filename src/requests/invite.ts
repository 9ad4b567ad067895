import type { InviteParams } from '../schemas/actions/invite.ts'
import type { InviteParticipantsOperation } from '../schemas/resources/operation.ts'
import type { GraphRequest } from './graph-request.ts'
import { participantsPath, postAction } from './call-action.ts'
import { validateInviteParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/participants/invite`: invites participants into the call (several only in a group call). */
export function invite(callId: string, params: InviteParams): GraphRequest<InviteParticipantsOperation> {
  return postAction(participantsPath(callId), 'invite', { params, validate: validateInviteParams })
}
