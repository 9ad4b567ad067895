import type { GraphRequest } from './graph-request.ts'
import { buildRequest, type CheckedBody, type IdSegment } from './build-request.ts'

/** Where a request goes, as path segments below the version root (ids as named segments). */
export type ResourcePath = readonly (string | IdSegment)[]

/** `communications/calls/{callId}`. */
export function callPath(callId: string): ResourcePath {
  return ['communications', 'calls', { name: 'callId', value: callId }]
}

/** `communications/calls/{callId}/participants`. */
export function participantsPath(callId: string): ResourcePath {
  return [...callPath(callId), 'participants']
}

/** `communications/calls/{callId}/participants/{participantId}`. */
export function participantPath(callId: string, participantId: string): ResourcePath {
  return [...participantsPath(callId), { name: 'participantId', value: participantId }]
}

/**
 * `POST {target}/{action}`: a Graph action bound to `target` (a call, a participant, or a collection), with
 * its checked body, or none for an action without parameters. Beta-only ones say `apiVersion: 'beta'`.
 */
export function postAction<Result = void>(target: ResourcePath, action: string, body?: CheckedBody, apiVersion?: 'beta'): GraphRequest<Result> {
  return buildRequest<Result>({ operation: action, method: 'POST', path: [...target, action], body, apiVersion })
}
