/**
 * Every action that rings somebody (createCall, redirect, transfer, invite, in v1.0 and beta) refuses an
 * invitation that names nobody, or an identity without its id, before anything is sent.
 */
import { describe, expect, it } from 'vitest'
import * as requests from '../../../src/requests/index.ts'
import * as schemas from '../../../src/schemas/index.ts'
import { INVITEE_MEMBERS } from '../../../src/requests/invitation-issues.ts'
import { callbackUri } from './catalogue.ts'
import { issuesOf } from './issues.ts'

const media = requests.serviceHostedMedia()
const actions: [string, (identity: unknown) => unknown, string][] = [
  ['createCall', (identity) => requests.createCall({ callbackUri, requestedModalities: ['audio'], mediaConfig: media, targets: [{ identity }] } as never), '$.targets[0].identity'],
  ['beta.createCall', (identity) => requests.beta.createCall({ callbackUri, mediaConfig: media, targets: [{ identity }] } as never), '$.targets[0].identity'],
  ['redirect', (identity) => requests.redirect('c1', { targets: [{ identity }] } as never), '$.targets[0].identity'],
  ['beta.redirect', (identity) => requests.beta.redirect('c1', { targets: [{ identity }] } as never), '$.targets[0].identity'],
  ['transfer', (identity) => requests.transfer('c1', { transferTarget: { identity } } as never), '$.transferTarget.identity'],
  ['beta.transfer', (identity) => requests.beta.transfer('c1', { transferTarget: { identity } } as never), '$.transferTarget.identity'],
  ['invite', (identity) => requests.invite('c1', { participants: [{ identity }] } as never), '$.participants[0].identity'],
  ['beta.invite', (identity) => requests.beta.invite('c1', { participants: [{ identity }] } as never), '$.participants[0].identity'],
]

describe.each(actions)('%s', (_, send, at) => {
  it('refuses an identity set that names nobody', () => {
    const nobody = [{ path: at, message: `expected an identity to ring: one of ${INVITEE_MEMBERS.join(', ')}` }]
    expect(issuesOf(() => send({}))).toEqual(nobody)
    expect(issuesOf(() => send({ user: null, assertedIdentity: { id: '+14255550100' } }))).toEqual(nobody)
  })

  it('refuses an identity without its id, naming the identity', () => {
    expect(issuesOf(() => send({ user: { displayName: 'Adele Vance' } }))).toEqual([{ path: `${at}.user.id`, message: "is required: expected the user's id" }])
    expect(issuesOf(() => send({ '@odata.type': '#microsoft.graph.communicationsIdentitySet', phone: { '@odata.type': '#microsoft.graph.identity', id: '' } }))).toEqual([
      { path: `${at}.phone.id`, message: "is required: expected the phone's id" },
    ])
  })

  it('takes a user, a phone, an application or a guest with its id', () => {
    for (const identity of [
      { user: { id: '8A34A46B-3D17-4ADC-8DCE-DC4E7D572698', displayName: 'Adele Vance' } },
      { '@odata.type': '#microsoft.graph.communicationsIdentitySet', phone: { '@odata.type': '#microsoft.graph.identity', id: '+12345678901' } },
      { application: { id: '2dd23d6c-ecc6-4d1a-a6e7-2ca1a9bd0a86' } },
      { '@odata.type': '#microsoft.graph.communicationsIdentitySet', guest: { id: 'guest-1', displayName: 'Guest' } },
    ]) expect(issuesOf(() => send(identity))).toEqual([])
  })
})

it("names as invitees exactly the identity members of identitySet and communicationsIdentitySet, but the asserted caller", () => {
  const identityMembers = (schema: { properties: Record<string, unknown> }) =>
    Object.entries(schema.properties)
      .filter(([, member]) => JSON.stringify(member).includes('#microsoft.graph.identity"'))
      .map(([name]) => name)
  for (const set of [schemas.IdentitySetBase, schemas.CommunicationsIdentitySet, schemas.beta.IdentitySetBase, schemas.beta.CommunicationsIdentitySet]) {
    expect(identityMembers(set as never).filter((name) => name !== 'assertedIdentity').sort()).toEqual([...INVITEE_MEMBERS].sort())
  }
})
