import type { StartHoldMusicParams } from '../schemas/actions/start-hold-music.ts'
import type { StartHoldMusicOperation } from '../schemas/resources/operation.ts'
import type { GraphRequest } from './graph-request.ts'
import { participantPath, postAction } from './call-action.ts'
import { validateStartHoldMusicParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/participants/{participantId}/startHoldMusic`: puts a participant on hold, with music. Graph answers 202 with the operation started (`undefined` when that body did not come whole). */
export function startHoldMusic(callId: string, participantId: string, params: StartHoldMusicParams = {}): GraphRequest<StartHoldMusicOperation | undefined> {
  return postAction(participantPath(callId, participantId), 'startHoldMusic', { params, validate: validateStartHoldMusicParams })
}
