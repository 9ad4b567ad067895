import type { Issue } from '../errors.ts'

/** A call either rings `targets` or joins the meeting of `meetingInfo`: exactly one of the two (v1.0 and beta alike). */
export function targetsOrMeetingIssues(params: unknown): Issue[] {
  if (typeof params !== 'object' || params === null) return []
  const { targets, meetingInfo } = params as { targets?: unknown; meetingInfo?: unknown }
  if (targets === undefined && meetingInfo === undefined) return [{ path: '$', message: 'expected targets (to place a call) or meetingInfo (to join a meeting)' }]
  if (targets !== undefined && meetingInfo !== undefined) return [{ path: '$.meetingInfo', message: 'expected either targets or meetingInfo, not both' }]
  return []
}
