import type { UpdateRecordingStatusParams } from '../schemas/types.generated.ts'
import type { UpdateRecordingStatusOperation } from '../schemas/types.generated.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { GraphRequest } from './graph-request.ts'
import { callPath, operationAction } from './call-action.ts'
import { validateUpdateRecordingStatusParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/updateRecordingStatus`: tells Graph (and the participants) whether the bot records. */
export function updateRecordingStatus(callId: string, params: UpdateRecordingStatusParams): GraphRequest<Inbound<UpdateRecordingStatusOperation>> {
  return operationAction(callPath(callId), 'updateRecordingStatus', { params, validate: validateUpdateRecordingStatusParams })
}
