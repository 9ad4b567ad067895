import { ValidationError } from '../errors.ts'
import type { GraphRequest } from './graph-request.ts'
import { encodeId, idIssues } from './path.ts'

/** `DELETE /communications/calls/{id}`: hangs up (leaves) a call. */
export function hangUp(callId: string): GraphRequest {
  const issues = idIssues('callId', callId)
  if (issues.length > 0) throw new ValidationError('hangUp parameters', issues)
  return { method: 'DELETE', path: `/communications/calls/${encodeId(callId)}` }
}
