import type { BetaCreateCallParams } from '../../schemas/types.generated.ts'
import type { BetaCall as Call } from '../../schemas/types.generated.ts'
import type { Inbound } from '../../schemas/inbound.ts'
import type { GraphRequest } from '../graph-request.ts'
import { buildRequest } from '../build-request.ts'
import { targetsOrMeetingIssues } from '../targets-or-meeting.ts'
import { invitationIssues } from '../invitation-issues.ts'
import { validateBetaCreateCallParams } from '../validators.generated.ts'

/** Beta `POST /communications/calls` ("Create call"): the v1.0 action with beta's media and participant types and `ringingTimeoutInSeconds`. */
export function createCall(params: BetaCreateCallParams): GraphRequest<Inbound<Call>> {
  const validate = (value: unknown) => [...validateBetaCreateCallParams(value), ...targetsOrMeetingIssues(value), ...invitationIssues(value, 'targets')]
  return buildRequest({ resultType: 'Call', operation: 'createCall', method: 'POST', path: ['communications', 'calls'], body: { params, validate }, apiVersion: 'beta' })
}
