import type { Issue } from '../errors.ts'

/**
 * A call either rings `targets` or joins the meeting of `meetingInfo`: exactly one of the two, and a meeting
 * named by its organizer comes with its `chatInfo` (v1.0 and beta alike).
 */
export function targetsOrMeetingIssues(params: unknown): Issue[] {
  if (typeof params !== 'object' || params === null) return []
  const { targets, meetingInfo } = params as { targets?: unknown; meetingInfo?: unknown }
  if (targets === undefined && meetingInfo === undefined) return [{ path: '$', message: 'expected targets (to place a call) or meetingInfo (to join a meeting)' }]
  if (targets !== undefined && meetingInfo !== undefined) return [{ path: '$.meetingInfo', message: 'expected either targets or meetingInfo, not both' }]
  // Graph finds a meeting by its organizer only together with the meeting's chat (its organizerMeetingInfo page).
  const { chatInfo } = params as { chatInfo?: unknown }
  if ((meetingInfo as { '@odata.type'?: unknown } | null)?.['@odata.type'] === ORGANIZER_MEETING && chatInfo == null) {
    return [{ path: '$.chatInfo', message: "expected the meeting's chatInfo: a meeting joined by its organizer (organizerMeetingInfo) needs it" }]
  }
  return []
}

const ORGANIZER_MEETING = '#microsoft.graph.organizerMeetingInfo'
