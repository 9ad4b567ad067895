import { ValidationError, type Issue } from '../errors.ts'
import type { GraphRequest } from './graph-request.ts'
import { encodeId, idIssues } from './path.ts'

/**
 * `POST /communications/calls/{callId}/{action}` with a checked body. Every problem, in the id and in the
 * parameters, is reported in one `ValidationError` before anything could be sent.
 */
export function callAction<Result = void>(action: string, callId: string, params: unknown, validate: (value: unknown) => Issue[]): GraphRequest<Result> {
  const issues = [...idIssues('callId', callId), ...validate(params)]
  if (issues.length > 0) throw new ValidationError(`${action} parameters`, issues)
  return { method: 'POST', path: `/communications/calls/${encodeId(callId)}/${action}`, body: params }
}
