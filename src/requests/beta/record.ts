import type { BetaRecordParams } from '../../schemas/types.generated.ts'
import type { BetaRecordOperation as RecordOperation } from '../../schemas/types.generated.ts'
import type { Inbound } from '../../schemas/inbound.ts'
import type { GraphRequest } from '../graph-request.ts'
import { callPath, operationAction } from '../call-action.ts'
import { validateBetaRecordParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls/{id}/record`: records what the caller says, optionally streaming it while it records. */
export function record(callId: string, params: BetaRecordParams = {}): GraphRequest<Inbound<RecordOperation>> {
  return operationAction(callPath(callId), 'record', { params, validate: validateBetaRecordParams }, 'beta')
}
