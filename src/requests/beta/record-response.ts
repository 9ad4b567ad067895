import type { BetaRecordResponseParams } from '../../schemas/actions/beta-record.ts'
import type { RecordOperation } from '../../schemas/beta/operation.ts'
import type { GraphRequest } from '../graph-request.ts'
import { callPath, postAction } from '../call-action.ts'
import { validateBetaRecordResponseParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/recordResponse`: the v1.0 action with `streamWhileRecording`. */
export function recordResponse(callId: string, params: BetaRecordResponseParams = {}): GraphRequest<RecordOperation> {
  return postAction(callPath(callId), 'recordResponse', { params, validate: validateBetaRecordResponseParams }, 'beta')
}
