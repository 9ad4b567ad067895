import type { BetaRecordParams } from '../../schemas/actions/beta-record.ts'
import type { RecordOperation } from '../../schemas/beta/operation.ts'
import type { GraphRequest } from '../graph-request.ts'
import { callPath, postAction } from '../call-action.ts'
import { validateBetaRecordParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/record`: records what the caller says, optionally streaming it while it records. */
export function record(callId: string, params: BetaRecordParams = {}): GraphRequest<RecordOperation> {
  return postAction(callPath(callId), 'record', { params, validate: validateBetaRecordParams }, 'beta')
}
