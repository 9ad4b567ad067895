import type { Issue } from '../errors.ts'
import type { Validate } from './build-request.ts'

/**
 * The members of an identity set that name whom an invitation rings; `assertedIdentity` (the number shown
 * as the caller) and `endpointType` do not. The schemas are types only here, so a test holds this list to
 * the identity-typed members of `identitySet` and `communicationsIdentitySet`.
 */
export const INVITEE_MEMBERS: readonly string[] = [
  'user',
  'application',
  'device',
  'applicationInstance',
  'azureCommunicationServicesUser',
  'encrypted',
  'guest',
  'onPremises',
  'phone',
]

/** Where an action's body holds its invitations. */
export type InvitationKey = 'targets' | 'transferTarget' | 'participants'

/**
 * What the schemas cannot say of the invitations in an action's body (`targets`, `transferTarget`,
 * `participants`): each identity set names somebody, and each identity it names has an `id`. Graph
 * refuses the action without them, after the bot has waited for the answer. Other faults are the
 * schema's to report, so a value that is not an invitation is passed over.
 */
export function invitationIssues(params: unknown, key: InvitationKey): Issue[] {
  if (typeof params !== 'object' || params === null) return []
  const value = (params as Record<string, unknown>)[key]
  const issues: Issue[] = []
  if (Array.isArray(value)) value.forEach((item, i) => inviteeIssues(item, `$.${key}[${i}].identity`, issues))
  else inviteeIssues(value, `$.${key}.identity`, issues)
  return issues
}

/** `validate`, then the checks of the invitations under `key`, so that one error reports both. */
export function checkingInvitations(validate: Validate, key: InvitationKey): Validate {
  return (value) => {
    const issues = validate(value)
    issues.push(...invitationIssues(value, key))
    return issues
  }
}

function inviteeIssues(invitation: unknown, path: string, issues: Issue[]): void {
  const identity = isObject(invitation) ? invitation.identity : undefined
  if (!isObject(identity)) return
  let named = false
  for (const member of INVITEE_MEMBERS) {
    const who = identity[member]
    if (who === undefined || who === null) continue
    named = true
    // A member or an id of the wrong JSON type is the schema's to report.
    if (isObject(who) && (who.id === undefined || who.id === null || who.id === '')) issues.push({ path: `${path}.${member}.id`, message: `is required: expected the ${member}'s id` })
  }
  if (!named) issues.push({ path, message: `expected an identity to ring: one of ${INVITEE_MEMBERS.join(', ')}` })
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
