import type { BetaRecordResponseParams } from '../../schemas/types.generated.ts'
import type { BetaRecordOperation as RecordOperation } from '../../schemas/types.generated.ts'
import type { Inbound } from '../../schemas/inbound.ts'
import type { GraphRequest } from '../graph-request.ts'
import { callPath, operationAction } from '../call-action.ts'
import { validateBetaRecordResponseParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/recordResponse`: the v1.0 action with `streamWhileRecording`. */
export function recordResponse(callId: string, params: BetaRecordResponseParams = {}): GraphRequest<Inbound<RecordOperation>> {
  return operationAction(callPath(callId), 'recordResponse', { params, validate: validateBetaRecordResponseParams }, 'beta')
}
