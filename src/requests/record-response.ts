import type { RecordResponseParams } from '../schemas/actions/record-response.ts'
import type { RecordOperation } from '../schemas/resources/operation.ts'
import type { GraphRequest } from './graph-request.ts'
import { callPath, postAction } from './call-action.ts'
import { validateRecordResponseParams } from './validators.generated.ts'

/** `POST /communications/calls/{id}/recordResponse`: records a short answer of the caller (at most 2 minutes). */
export function recordResponse(callId: string, params: RecordResponseParams = {}): GraphRequest<RecordOperation> {
  return postAction(callPath(callId), 'recordResponse', { params, validate: validateRecordResponseParams })
}
