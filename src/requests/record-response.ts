import type { RecordResponseParams } from '../schemas/types.generated.ts'
import type { RecordOperation } from '../schemas/types.generated.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { GraphRequest } from './graph-request.ts'
import { callPath, operationAction } from './call-action.ts'
import { validateRecordResponseParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/recordResponse`: records a short answer of the caller (at most 2 minutes). */
export function recordResponse(callId: string, params: RecordResponseParams = {}): GraphRequest<Inbound<RecordOperation>> {
  return operationAction(callPath(callId), 'recordResponse', { params, validate: validateRecordResponseParams })
}
