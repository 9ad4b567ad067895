/**
 * Whether an incoming call invites the bot as a policy-based (compliance) recorder: Graph lists
 * `PolicyBasedRecording` (in any casing) in `applicationMetadata.botData.inviteReasons`. Such a call must be
 * answered within 5 seconds instead of 15.
 */
export function isPolicyBasedRecordingInvite(call: { readonly [key: string]: unknown }): boolean {
  const metadata = call.applicationMetadata as { botData?: { inviteReasons?: unknown } } | null | undefined
  const reasons = typeof metadata === 'object' && metadata !== null ? metadata.botData?.inviteReasons : undefined
  if (!Array.isArray(reasons)) return false
  for (const reason of reasons) {
    if (typeof reason === 'string' && reason.toLowerCase() === 'policybasedrecording') return true
  }
  return false
}
