import type { GraphRequest } from './graph-request.ts'
import { buildRequest } from './build-request.ts'
import { callPath } from './call-action.ts'

/** `DELETE /communications/calls/{id}`: hangs up (leaves) a call. */
export function hangUp(callId: string): GraphRequest {
  return buildRequest({ operation: 'hangUp', method: 'DELETE', path: callPath(callId) })
}
