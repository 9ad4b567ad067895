import type { BetaMuteAllParams } from '../../schemas/types.generated.ts'
import type { BetaMuteParticipantsOperation as MuteParticipantsOperation } from '../../schemas/types.generated.ts'
import type { Inbound } from '../../schemas/inbound.ts'
import type { GraphRequest } from '../graph-request.ts'
import { participantsPath, operationAction } from '../call-action.ts'
import { validateBetaMuteAllParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/participants/muteAll`: mutes the given participants (all of them when none are given). */
export function muteAll(callId: string, params: BetaMuteAllParams = {}): GraphRequest<Inbound<MuteParticipantsOperation>> {
  return operationAction(participantsPath(callId), 'muteAll', { params, validate: validateBetaMuteAllParams }, 'beta')
}
