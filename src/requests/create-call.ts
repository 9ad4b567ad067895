import type { Issue } from '../errors.ts'
import type { CreateCallParams } from '../schemas/actions/create-call.ts'
import type { Call } from '../schemas/resources/call.ts'
import type { GraphRequest } from './graph-request.ts'
import { buildRequest } from './build-request.ts'
import { validateCreateCallParams } from './validators.generated.ts'

/** A call either rings `targets` or joins the meeting of `meetingInfo`: exactly one of the two. */
function targetsOrMeetingIssues(params: unknown): Issue[] {
  if (typeof params !== 'object' || params === null) return []
  const { targets, meetingInfo } = params as { targets?: unknown; meetingInfo?: unknown }
  if (targets === undefined && meetingInfo === undefined) return [{ path: '$', message: 'expected targets (to place a call) or meetingInfo (to join a meeting)' }]
  if (targets !== undefined && meetingInfo !== undefined) return [{ path: '$.meetingInfo', message: 'expected either targets or meetingInfo, not both' }]
  return []
}

/** `POST /communications/calls` ("Create call"): places an outgoing call, or joins a meeting; Graph answers with the call. */
export function createCall(params: CreateCallParams): GraphRequest<Call> {
  const validate = (value: unknown) => [...validateCreateCallParams(value), ...targetsOrMeetingIssues(value)]
  return buildRequest({ operation: 'createCall', method: 'POST', path: ['communications', 'calls'], body: { params, validate } })
}
