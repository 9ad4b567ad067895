/** The invite reasons of a recorder, in any casing. */
const INVITE_REASON = /^(?:policybased|compliance)recording$/i

/**
 * Whether an incoming call invites the bot as a policy-based (compliance) recorder: Graph lists the reason in
 * `applicationMetadata.botData.inviteReasons`, in any casing: `PolicyBasedRecording` in Graph's documented
 * example, `ComplianceRecording` in the invitations Teams sends. Such a call must be answered within 5
 * seconds instead of 15.
 */
export function isPolicyBasedRecordingInvite(call: { readonly [key: string]: unknown }): boolean {
  const metadata = call.applicationMetadata as { botData?: { inviteReasons?: unknown } } | null | undefined
  const reasons = typeof metadata === 'object' && metadata !== null ? metadata.botData?.inviteReasons : undefined
  if (!Array.isArray(reasons)) return false
  for (const reason of reasons) if (typeof reason === 'string' && INVITE_REASON.test(reason)) return true
  return false
}
