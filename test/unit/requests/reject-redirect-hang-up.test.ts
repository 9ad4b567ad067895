import { describe, expect, it } from 'vitest'
import { hangUp, redirect, reject, type RedirectParams } from '../../../src/requests/index.ts'
import { redirectExamples } from './docs-examples.ts'
import { issuesOf } from './issues.ts'

const target = { identity: { user: { id: '8A34A46B-3D17-4ADC-8DCE-DC4E7D572698', displayName: 'Test User' } } }

describe('reject', () => {
  it('builds POST .../reject with the reason', () => {
    expect(reject('c1', { reason: 'busy' })).toEqual({ method: 'POST', path: '/communications/calls/c1/reject', body: { reason: 'busy' }, resendable: true })
    expect(reject('c1').body).toEqual({})
  })

  it.each(['none', 'busy', 'forbidden'] as const)('accepts reason %s', (reason) => {
    expect(issuesOf(() => reject('c1', { reason }))).toEqual([])
  })

  it.each([['unknownFutureValue'], ['Busy'], ['declined']])('refuses reason %j', (reason) => {
    expect(issuesOf(() => reject('c1', { reason } as any))).toEqual([
      { path: '$.reason', message: "expected one of 'none', 'busy', 'forbidden'" },
    ])
  })

  it('wants an https callbackUri', () => {
    expect(issuesOf(() => reject('c1', { callbackUri: 'http://bot/x' }))).toEqual([
      { path: '$.callbackUri', message: 'expected an absolute https URL' },
    ])
  })
})

describe('redirect', () => {
  const ok: RedirectParams = { targets: [target], timeout: 30, callbackUri: 'https://bot.contoso.com/api/calls' }

  it('builds POST .../redirect', () => {
    expect(redirect('c1', ok)).toEqual({ method: 'POST', path: '/communications/calls/c1/redirect', body: ok, resendable: true })
  })

  it.each(['Example 1', 'Example 3'])('sends %s of the page (a bot; a phone number in an identitySet) exactly as shown', (n) => {
    const [, body] = Object.entries(redirectExamples).find(([title]) => title.startsWith(`${n}:`))!
    expect(redirect('491f0b00-ffff-4bc9-a43e-b226498ec22a', body as RedirectParams)).toStrictEqual({
      method: 'POST',
      path: '/communications/calls/491f0b00-ffff-4bc9-a43e-b226498ec22a/redirect',
      body,
      resendable: true,
    })
  })

  it("refuses example 2's routingPolicies, a parameter v1.0's redirect has not", () => {
    expect(issuesOf(() => redirect('c1', redirectExamples['Example 2: Forward a call to multiple targets with simultaneous ring'] as RedirectParams))).toEqual([
      { path: '$.routingPolicies', message: 'is not a property of RedirectParams; expected one of targets, timeout, callbackUri' },
    ])
  })

  it('accepts a PSTN target given as a communications identity set, and 25 targets', () => {
    const phone = { identity: { '@odata.type': '#microsoft.graph.communicationsIdentitySet' as const, phone: { id: '+12345678901' } } }
    expect(issuesOf(() => redirect('c1', { targets: [phone] }))).toEqual([])
    expect(issuesOf(() => redirect('c1', { targets: Array(25).fill(target) }))).toEqual([])
  })

  it.each([
    ['no targets', { targets: [] }, '$.targets', 'expected at least 1 item'],
    ['26 targets', { targets: Array(26).fill(target) }, '$.targets', 'expected at most 25 items'],
    ['missing targets', {}, '$.targets', 'is required: expected an array of InvitationParticipantInfo objects'],
    ['timeout 14', { ...ok, timeout: 14 }, '$.timeout', 'expected a whole number of seconds from 15 to 90'],
    ['timeout 91', { ...ok, timeout: 91 }, '$.timeout', 'expected a whole number of seconds from 15 to 90'],
    ['timeout 20.5', { ...ok, timeout: 20.5 }, '$.timeout', 'expected a whole number of seconds from 15 to 90'],
    ['a target that is not an object', { targets: ['+1234'] }, '$.targets[0]', 'expected an object (InvitationParticipantInfo)'],
    ['a target without identity', { targets: [target, { hidden: true }] }, '$.targets[1].identity', "is required: expected an object whose '@odata.type' is one of '#microsoft.graph.identitySet', '#microsoft.graph.communicationsIdentitySet'"],
    ['a target with a wrong type of a known property', { targets: [{ ...target, hidden: 'yes' }] }, '$.targets[0].hidden', 'expected a boolean'],
    ['an identity with a wrong type', { targets: [{ identity: { user: { id: 5 } } }] }, '$.targets[0].identity.user.id', 'expected a string'],
  ])('%s', (_, params, path, message) => {
    expect(issuesOf(() => redirect('c1', params as any))).toContainEqual({ path, message })
  })

  it.each([15, 90])('accepts timeout %i', (timeout) => {
    expect(issuesOf(() => redirect('c1', { ...ok, timeout }))).toEqual([])
  })
})

describe('hangUp', () => {
  it('is DELETE /communications/calls/{id} with no body', () => {
    expect(hangUp('57DAB8B1894C409AB240BD8BEAE78896')).toEqual({ method: 'DELETE', path: '/communications/calls/57DAB8B1894C409AB240BD8BEAE78896' })
  })

  it('refuses an id that would reach another resource', () => {
    expect(issuesOf(() => hangUp('x/participants'))).toEqual([{ path: 'callId', message: "expected an id without '/', '?', '#' or '..'" }])
  })
})
