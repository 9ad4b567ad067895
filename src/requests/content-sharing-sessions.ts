import type { ContentSharingSession } from '../schemas/types.generated.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { GraphRequest } from './graph-request.ts'
import { buildRequest } from './build-request.ts'
import { contentSharingSessionPath } from './call-action.ts'

/** `GET /communications/calls/{id}/contentSharingSessions`: lists the call's content-sharing sessions. */
export function listContentSharingSessions(callId: string): GraphRequest<{ value: Inbound<ContentSharingSession>[] }> {
  return buildRequest({ resultType: 'ContentSharingSession[]', operation: 'listContentSharingSessions', method: 'GET', path: contentSharingSessionPath(callId) })
}

/** `GET /communications/calls/{id}/contentSharingSessions/{sessionId}`: reads one content-sharing session. */
export function getContentSharingSession(callId: string, sessionId: string): GraphRequest<Inbound<ContentSharingSession>> {
  return buildRequest({ resultType: 'ContentSharingSession', operation: 'getContentSharingSession', method: 'GET', path: contentSharingSessionPath(callId, sessionId) })
}
