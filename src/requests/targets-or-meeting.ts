import type { Issue } from '../errors.ts'

/**
 * A call either rings `targets` or joins the meeting of `meetingInfo`: exactly one of the two, and a meeting
 * named by its organizer comes with its `chatInfo` and names the organizer's user id (v1.0 and beta alike).
 */
export function targetsOrMeetingIssues(params: unknown): Issue[] {
  if (typeof params !== 'object' || params === null) return []
  const { targets, meetingInfo } = params as { targets?: unknown; meetingInfo?: unknown }
  if (targets === undefined && meetingInfo === undefined) return [{ path: '$', message: 'expected targets (to place a call) or meetingInfo (to join a meeting)' }]
  if (targets !== undefined && meetingInfo !== undefined) return [{ path: '$.meetingInfo', message: 'expected either targets or meetingInfo, not both' }]
  // Graph finds a meeting by its organizer only together with the meeting's chat (its organizerMeetingInfo page).
  const meeting = meetingInfo as { '@odata.type'?: unknown; organizer?: { user?: { id?: unknown } | null } | null } | null
  if (meeting?.['@odata.type'] !== ORGANIZER_MEETING) return []
  const issues: Issue[] = []
  // The organizer is a user, found by id; an organizer of the wrong JSON type is the schema's to report.
  const { organizer } = meeting
  if (typeof organizer === 'object' && organizer !== null && (organizer.user == null || organizer.user.id == null || organizer.user.id === '')) {
    issues.push({ path: '$.meetingInfo.organizer.user.id', message: "is required: expected the organizer's user id" })
  }
  if ((params as { chatInfo?: unknown }).chatInfo == null) {
    issues.push({ path: '$.chatInfo', message: "expected the meeting's chatInfo: a meeting joined by its organizer (organizerMeetingInfo) needs it" })
  }
  return issues
}

const ORGANIZER_MEETING = '#microsoft.graph.organizerMeetingInfo'
