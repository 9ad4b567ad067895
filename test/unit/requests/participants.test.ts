import { describe, expect, it } from 'vitest'
import { invite, mediaPrompt, startHoldMusic, type InviteParams, type StartHoldMusicParams } from '../../../src/requests/index.ts'
import { inviteExample, inviteMultipleExample, startHoldMusicExample } from './docs-examples.ts'
import { target } from './catalogue.ts'
import { issuesOf } from './issues.ts'

describe('invite', () => {
  const issues = (params: unknown) => issuesOf(() => invite('c1', params as InviteParams))

  it('invites 1 to 5 participants', () => {
    expect(issues({ participants: Array(5).fill(target) })).toEqual([])
    expect(issues({ participants: [] })).toEqual([{ path: '$.participants', message: 'expected at least 1 item' }])
    expect(issues({ participants: Array(6).fill(target) })).toEqual([{ path: '$.participants', message: 'expected at most 5 items' }])
    expect(issues({ clientContext: 'x' })).toEqual([{ path: '$.participants', message: 'is required: expected an array of InvitationParticipantInfo objects' }])
  })

  it.each([
    ['example 1, whose identity carries an identityProvider (a property of no identity type: identity is an open type)', inviteExample],
    ['example 2, with two participants', inviteMultipleExample],
  ])('sends %s exactly as the page shows it', (_, body) => {
    expect(invite('c1', body as InviteParams)).toStrictEqual({ method: 'POST', path: '/communications/calls/c1/participants/invite', body, resultType: 'CommsOperation' })
  })

  it('needs the identity of each participant', () => {
    expect(issues({ participants: [target, { replacesCallId: 'a7ebfb2d-871e-419c-87af-27290b22e8db' }] })).toEqual([
      { path: '$.participants[1].identity', message: "is required: expected an object whose '@odata.type' is one of '#microsoft.graph.identitySet', '#microsoft.graph.communicationsIdentitySet'" },
    ])
    expect(issues({ participants: [{ identity: null }] })).toEqual([
      { path: '$.participants[0].identity', message: "expected an object whose '@odata.type' is one of '#microsoft.graph.identitySet', '#microsoft.graph.communicationsIdentitySet'" },
    ])
  })

  it('invites a phone number through a communications identity set, replacing a call', () => {
    const phone = { identity: { '@odata.type': '#microsoft.graph.communicationsIdentitySet', phone: { id: '+12345678901' } }, replacesCallId: 'a7ebfb2d-871e-419c-87af-27290b22e8db' }
    expect(issues({ participants: [phone] })).toEqual([])
  })
})

describe('startHoldMusic', () => {
  const issues = (params: unknown) => issuesOf(() => startHoldMusic('c1', 'p1', params as StartHoldMusicParams))

  it('sends the docs example (a prompt with only its uri) exactly as the page shows it', () => {
    const request = startHoldMusic('e141b67c-90fd-455d-858b-b48a40b9cc8d', 'fa1e9582-7145-4ca3-bcd8-577f561fcb6e', startHoldMusicExample as StartHoldMusicParams)
    expect(request).toStrictEqual({
      method: 'POST',
      path: '/communications/calls/e141b67c-90fd-455d-858b-b48a40b9cc8d/participants/fa1e9582-7145-4ca3-bcd8-577f561fcb6e/startHoldMusic',
      body: startHoldMusicExample,
      resultType: 'CommsOperation',
    })
  })

  it('plays the default music without a prompt, and a custom prompt when given one', () => {
    expect(issues({})).toEqual([])
    expect(issues({ customPrompt: null })).toEqual([])
    expect(issues({ customPrompt: mediaPrompt('https://bot.contoso.com/onHold.wav') })).toEqual([])
  })

  it('refuses a prompt without the file to play, and a list of prompts', () => {
    expect(issues({ customPrompt: { '@odata.type': '#microsoft.graph.mediaPrompt' } })).toEqual([
      { path: '$.customPrompt.mediaInfo', message: 'is required: expected a PromptMediaInfo object' },
    ])
    expect(issues({ customPrompt: [mediaPrompt('https://bot.contoso.com/onHold.wav')] })).toEqual([{ path: '$.customPrompt', message: 'expected an object (PlayablePrompt)' }])
  })
})
