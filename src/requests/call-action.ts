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

/** `communications/calls/{callId}/audioRoutingGroups[/{groupId}]`. */
export function audioRoutingGroupPath(callId: string, groupId?: string): ResourcePath {
  const groups = [...callPath(callId), 'audioRoutingGroups']
  return groupId === undefined ? groups : [...groups, { name: 'groupId', value: groupId }]
}

/** `communications/calls/{callId}/contentSharingSessions[/{sessionId}]`. */
export function contentSharingSessionPath(callId: string, sessionId?: string): ResourcePath {
  const sessions = [...callPath(callId), 'contentSharingSessions']
  return sessionId === undefined ? sessions : [...sessions, { name: 'sessionId', value: sessionId }]
}

/**
 * `POST {target}/{action}`: a Graph action bound to `target` (a call, a participant, or a collection), with
 * its checked body, or none for an action without parameters. Beta-only ones say `apiVersion: 'beta'`.
 */
export function postAction<Result = void>(target: ResourcePath, action: string, body?: CheckedBody, apiVersion?: 'beta'): GraphRequest<Result> {
  return buildRequest<Result>({ operation: action, method: 'POST', path: [...target, action], body, apiVersion })
}

/** `POST {target}/{action}` for an action Graph answers with the operation it started (`resultType: 'CommsOperation'`). */
export function operationAction<Operation>(target: ResourcePath, action: string, body: CheckedBody, apiVersion?: 'beta'): GraphRequest<Operation> {
  return buildRequest<Operation>({ operation: action, method: 'POST', path: [...target, action], body, apiVersion, resultType: 'CommsOperation' })
}

/**
 * `POST /communications/calls/{callId}/{action}` for the actions that take an `incoming` call (answer,
 * reject, redirect). The first one moves the call out of `incoming`, so Graph refuses a repeat rather
 * than do it twice: these requests are `resendable`.
 */
export function incomingCallAction(callId: string, action: 'answer' | 'reject' | 'redirect', body: CheckedBody, apiVersion?: 'beta'): GraphRequest {
  return buildRequest({ operation: action, method: 'POST', path: [...callPath(callId), action], body, apiVersion, resendable: true })
}
