import type { CreateCallParams } from '../schemas/types.generated.ts'
import type { Call } from '../schemas/types.generated.ts'
import type { Inbound } from '../schemas/inbound.ts'
import type { GraphRequest } from './graph-request.ts'
import { buildRequest } from './build-request.ts'
import { targetsOrMeetingIssues } from './targets-or-meeting.ts'
import { invitationIssues } from './invitation-issues.ts'
import { validateCreateCallParams } from './validators.generated.ts'

/** `POST /communications/calls` ("Create call"): places an outgoing call, or joins a meeting; Graph answers with the call. */
export function createCall(params: CreateCallParams): GraphRequest<Inbound<Call>> {
  const validate = (value: unknown) => [...validateCreateCallParams(value), ...targetsOrMeetingIssues(value), ...invitationIssues(value, 'targets')]
  return buildRequest({ resultType: 'Call', operation: 'createCall', method: 'POST', path: ['communications', 'calls'], body: { params, validate } })
}
