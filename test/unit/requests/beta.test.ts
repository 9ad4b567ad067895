import { describe, expect, it } from 'vitest'
import { beta, mediaPrompt, redirect } from '../../../src/requests/index.ts'
import { prompt, target } from './catalogue.ts'
import { issuesOf } from './issues.ts'

describe('beta builders', () => {
  it('are only under `beta`, and every beta request says so', () => {
    expect(Object.keys(beta).sort()).toEqual(
      ['admitAllFromLobby', 'admitFromLobby', 'answer', 'createCall', 'invite', 'logTeleconferenceDeviceQuality', 'muteAll', 'playPrompt', 'record', 'recordResponse', 'redirect', 'removeFromLobby', 'startHoldMusic', 'startRecording', 'startTranscription', 'stopRecording', 'stopTranscription', 'transfer'].sort(),
    )
    expect(beta.startRecording('c1').apiVersion).toBe('beta')
    expect('apiVersion' in redirect('c1', { targets: [target] })).toBe(false)
  })
})

describe('beta.playPrompt', () => {
  const issues = (params: unknown) => issuesOf(() => beta.playPrompt('c1', params as beta.PlayPromptParams))

  it('loops the prompts, and each prompt its own number of times', () => {
    expect(issues({ prompts: [{ ...prompt, loop: 3 }], loop: true })).toEqual([])
    expect(issues({ prompts: [prompt], loop: 'yes' })).toEqual([{ path: '$.loop', message: 'expected a boolean' }])
    expect(issues({ prompts: [{ ...prompt, loop: 1.5 }] })).toEqual([{ path: '$.prompts[0].loop', message: 'expected an integer from -2147483648 to 2147483647' }])
  })

  it('keeps the v1.0 rules: 1 to 20 prompts, each with a file', () => {
    expect(issues({ prompts: [] })).toEqual([{ path: '$.prompts', message: 'expected at least 1 item' }])
    expect(issues({ prompts: Array(21).fill(prompt) })).toEqual([{ path: '$.prompts', message: 'expected at most 20 items' }])
    expect(issues({ prompts: [mediaPrompt('beep.wav')] })).toEqual([{ path: '$.prompts[0].mediaInfo.uri', message: 'expected an absolute http or https URL' }])
  })
})

describe('beta.recordResponse and beta.record', () => {
  it('stream while recording', () => {
    expect(issuesOf(() => beta.recordResponse('c1', { streamWhileRecording: true }))).toEqual([])
    expect(issuesOf(() => beta.record('c1', { streamWhileRecording: true }))).toEqual([])
    expect(issuesOf(() => beta.record('c1', { streamWhileRecording: 'on' } as never))).toEqual([{ path: '$.streamWhileRecording', message: 'expected a boolean' }])
  })

  it('recordResponse keeps the 2-minute cap; record takes longer recordings', () => {
    expect(issuesOf(() => beta.recordResponse('c1', { maxRecordDurationInSeconds: 121 }))).toEqual([
      { path: '$.maxRecordDurationInSeconds', message: 'expected a whole number of seconds from 1 to 120' },
    ])
    expect(issuesOf(() => beta.record('c1', { maxRecordDurationInSeconds: 1800 }))).toEqual([])
    expect(issuesOf(() => beta.record('c1', { maxRecordDurationInSeconds: 0, initialSilenceTimeoutInSeconds: -5 }))).toEqual([
      { path: '$.maxRecordDurationInSeconds', message: 'expected a whole number of seconds of at least 1' },
      { path: '$.initialSilenceTimeoutInSeconds', message: 'expected a whole number of seconds of at least 1' },
    ])
  })

  it('play at most one prompt, which may loop, and stop on DTMF keys or tone names', () => {
    expect(issuesOf(() => beta.record('c1', { prompts: [{ ...prompt, loop: 2 }], stopTones: ['#', 'pound'] }))).toEqual([])
    expect(issuesOf(() => beta.recordResponse('c1', { prompts: [prompt, prompt] }))).toEqual([{ path: '$.prompts', message: 'expected at most 1 item' }])
    expect(issuesOf(() => beta.record('c1', { stopTones: ['hash'] } as never))).toEqual([{ path: '$.stopTones[0]', message: expect.stringMatching(/^expected a DTMF key/) }])
  })
})

describe('beta.redirect', () => {
  const issues = (params: unknown) => issuesOf(() => beta.redirect('c1', params as beta.RedirectParams))

  it('rings targets at once or forwards to them, masking callee or caller, with beta targets (endpointType)', () => {
    expect(issues({ targets: [{ ...target, endpointType: 'voicemail' }], targetDisposition: 'forward', maskCallee: true, maskCaller: false, timeout: 20 })).toEqual([])
    expect(issues({ targets: [target], targetDisposition: 'ringAll' })).toEqual([{ path: '$.targetDisposition', message: "expected one of 'default', 'simultaneousRing', 'forward'" }])
    expect(issues({ targets: [target], maskCaller: 'yes' })).toEqual([{ path: '$.maskCaller', message: 'expected a boolean' }])
  })

  it('keeps the v1.0 rules: 1 to 25 targets, 15 to 90 seconds, an https callback', () => {
    expect(issues({ targets: Array(26).fill(target), timeout: 10, callbackUri: 'http://x' })).toEqual([
      { path: '$.targets', message: 'expected at most 25 items' },
      { path: '$.timeout', message: 'expected a whole number of seconds from 15 to 90' },
      { path: '$.callbackUri', message: 'expected an absolute https URL' },
    ])
    expect(issues({})).toEqual([{ path: '$.targets', message: 'is required: expected an array of BetaInvitationParticipantInfo objects' }])
  })
})

describe('beta transcription, recording, lobby and muteAll', () => {
  it('transcribe in a language', () => {
    expect(beta.startTranscription('c1', { language: 'en-US' }).body).toEqual({ language: 'en-US' })
    expect(issuesOf(() => beta.stopTranscription('c1', { language: '' }))).toEqual([{ path: '$.language', message: 'expected a non-empty string' }])
    expect(issuesOf(() => beta.stopTranscription('c1', { language: null }))).toEqual([])
  })

  it('mute the participants given by id, or all of them', () => {
    expect(beta.muteAll('c1').body).toEqual({})
    expect(issuesOf(() => beta.muteAll('c1', { participants: ['p1', ''] }))).toEqual([{ path: '$.participants[1]', message: 'expected a non-empty string' }])
  })

  it('admit or remove one participant of the lobby, or admit all', () => {
    expect(beta.admitFromLobby('c1', 'p1')).toStrictEqual({ method: 'POST', path: '/communications/calls/c1/participants/p1/admitFromLobby', body: {}, apiVersion: 'beta', resultType: 'CommsOperation' })
    expect(beta.removeFromLobby('c1', 'p1').path).toBe('/communications/calls/c1/participants/p1/removeFromLobby')
    expect(beta.admitAllFromLobby('c1').path).toBe('/communications/calls/c1/participants/admitAllFromLobby')
  })
})
