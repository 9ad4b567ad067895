import { describe, expect, it } from 'vitest'
import { Value } from 'typebox/value'
import { PlayPromptParams as PlayPromptSchema } from '../../../src/schemas/index.ts'
import { mediaPrompt, playPrompt, recordResponse, sendDtmfTones, type PlayPromptParams, type RecordResponseParams, type SendDtmfTonesParams } from '../../../src/requests/index.ts'
import { playPromptExample, recordResponseExample, sendDtmfTonesExample } from './docs-examples.ts'
import { prompt } from './catalogue.ts'
import { issuesOf } from './issues.ts'

const C = '/communications/calls/57dab8b1-894c-409a-b240-bd8beae78896'

describe('playPrompt', () => {
  const issues = (params: unknown) => issuesOf(() => playPrompt('c1', params as PlayPromptParams))

  it('sends the docs example exactly as the page shows it', () => {
    expect(playPrompt('57dab8b1-894c-409a-b240-bd8beae78896', playPromptExample as PlayPromptParams)).toStrictEqual({ method: 'POST', path: `${C}/playPrompt`, body: playPromptExample, resultType: 'CommsOperation' })
  })

  it('builds the prompt with the mediaPrompt helper, with or without a resourceId', () => {
    expect(mediaPrompt('https://bot.contoso.com/hello.wav')).toEqual({ '@odata.type': '#microsoft.graph.mediaPrompt', mediaInfo: { uri: 'https://bot.contoso.com/hello.wav' } })
    expect(issues({ prompts: [mediaPrompt('https://bot.contoso.com/hello.wav')] })).toEqual([])
  })

  it('leaves a resourceId given as undefined out of the prompt: the prompt holds only members with a value', () => {
    const resourceId: string | undefined = undefined
    expect(mediaPrompt('https://bot.contoso.com/hello.wav', { resourceId })).toStrictEqual({ '@odata.type': '#microsoft.graph.mediaPrompt', mediaInfo: { uri: 'https://bot.contoso.com/hello.wav' } })
    expect(mediaPrompt('https://bot.contoso.com/hello.wav', { resourceId: 'hello' }).mediaInfo).toStrictEqual({ uri: 'https://bot.contoso.com/hello.wav', resourceId: 'hello' })
  })

  it('plays 1 to 20 prompts', () => {
    expect(issues({ prompts: Array(20).fill(prompt) })).toEqual([])
    expect(issues({ prompts: [] })).toEqual([{ path: '$.prompts', message: 'expected at least 1 item' }])
    expect(issues({ prompts: Array(21).fill(prompt) })).toEqual([{ path: '$.prompts', message: 'expected at most 20 items' }])
    expect(issues({})).toEqual([{ path: '$.prompts', message: 'is required: expected an array of PlayablePrompt objects' }])
  })

  it.each([
    ['without @odata.type', { mediaInfo: { uri: 'https://x/a.wav' } }, '$.prompts[0]["@odata.type"]', "is required: expected '#microsoft.graph.mediaPrompt'"],
    ['of another type', { '@odata.type': '#microsoft.graph.prompt', mediaInfo: { uri: 'https://x/a.wav' } }, '$.prompts[0]["@odata.type"]', "expected '#microsoft.graph.mediaPrompt'"],
    ['without mediaInfo', { '@odata.type': '#microsoft.graph.mediaPrompt' }, '$.prompts[0].mediaInfo', 'is required: expected a PromptMediaInfo object'],
    ['without a uri', { '@odata.type': '#microsoft.graph.mediaPrompt', mediaInfo: { resourceId: 'r' } }, '$.prompts[0].mediaInfo.uri', 'is required: expected an absolute http or https URL'],
    ['with a relative uri', mediaPrompt('beep.wav'), '$.prompts[0].mediaInfo.uri', 'expected an absolute http or https URL'],
    ['with a uri whose % is not an escape', mediaPrompt('https://cdn.contoso.com/100%.wav'), '$.prompts[0].mediaInfo.uri', 'expected an absolute http or https URL'],
    ['with a uri holding a character URIs do not have', mediaPrompt('https://cdn.contoso.com/<beep>.wav'), '$.prompts[0].mediaInfo.uri', 'expected an absolute http or https URL'],
    ['with a file: uri, which Graph cannot fetch', mediaPrompt('file:///srv/prompts/beep.wav'), '$.prompts[0].mediaInfo.uri', 'expected an absolute http or https URL'],
    ['with a data: uri', mediaPrompt('data:audio/wav;base64,UklGRg=='), '$.prompts[0].mediaInfo.uri', 'expected an absolute http or https URL'],
    ['with an ftp: uri', mediaPrompt('ftp://cdn.contoso.com/beep.wav'), '$.prompts[0].mediaInfo.uri', 'expected an absolute http or https URL'],
    ['with a uri without a host', mediaPrompt('https://'), '$.prompts[0].mediaInfo.uri', 'expected an absolute http or https URL'],
    ['with a uri whose host is empty', mediaPrompt('https:///beep.wav'), '$.prompts[0].mediaInfo.uri', 'expected an absolute http or https URL'],
    ['with a space in the uri', mediaPrompt('https://cdn.contoso.com/a b.wav'), '$.prompts[0].mediaInfo.uri', 'expected an absolute http or https URL'],
    ['with a beta loop count', { ...prompt, loop: 2 }, '$.prompts[0].loop', 'is not a property of PlayablePrompt; expected one of @odata.type, mediaInfo'],
  ])('refuses a prompt %s', (_, bad, path, message) => {
    expect(issues({ prompts: [bad] })).toEqual([{ path, message }])
  })

  it('takes http and https, in any casing', () => {
    for (const uri of ['http://cdn.contoso.com/beep.wav', 'HTTPS://cdn.contoso.com/beep.wav', 'https://cdn.contoso.com/beep.wav']) expect(issues({ prompts: [mediaPrompt(uri)] })).toEqual([])
  })

  it('takes a uri with escapes, a query and a fragment, as the schema does', () => {
    const uri = 'https://cdn.contoso.com/audio/beep%20long.wav?sig=a%2Bb&v=1#t=0'
    expect(issues({ prompts: [mediaPrompt(uri)] })).toEqual([])
    expect(Value.Check(PlayPromptSchema, { prompts: [mediaPrompt(uri)] })).toBe(true)
    expect(Value.Check(PlayPromptSchema, { prompts: [mediaPrompt('https://cdn.contoso.com/100%.wav')] })).toBe(false)
  })

  it('refuses the beta-only loop parameter', () => {
    expect(issues({ prompts: [prompt], loop: true })).toEqual([{ path: '$.loop', message: 'is not a property of PlayPromptParams; expected one of prompts, clientContext' }])
  })
})

describe('recordResponse', () => {
  const issues = (params: unknown) => issuesOf(() => recordResponse('c1', params as RecordResponseParams))

  it("sends the docs example, with its DTMF-key stop tones, exactly as the page shows it", () => {
    expect(recordResponse('57dab8b1-894c-409a-b240-bd8beae78896', recordResponseExample as RecordResponseParams)).toStrictEqual({ method: 'POST', path: `${C}/recordResponse`, body: recordResponseExample, resultType: 'CommsOperation' })
  })

  it.each(['initialSilenceTimeoutInSeconds', 'maxSilenceTimeoutInSeconds', 'maxRecordDurationInSeconds'])('takes %s from 1 to 120 seconds', (name) => {
    const message = 'expected a whole number of seconds from 1 to 120'
    expect(issues({ [name]: 1 })).toEqual([])
    expect(issues({ [name]: 120 })).toEqual([])
    expect(issues({ [name]: null })).toEqual([])
    expect(issues({ [name]: 0 })).toEqual([{ path: `$.${name}`, message }])
    expect(issues({ [name]: 121 })).toEqual([{ path: `$.${name}`, message }])
    expect(issues({ [name]: 2.5 })).toEqual([{ path: `$.${name}`, message }])
    expect(issues({ [name]: '10' })).toEqual([{ path: `$.${name}`, message }])
  })

  it('plays at most one prompt before recording', () => {
    expect(issues({ prompts: [] })).toEqual([])
    expect(issues({ prompts: [prompt, prompt] })).toEqual([{ path: '$.prompts', message: 'expected at most 1 item' }])
  })

  it('takes DTMF keys and tone names as stop tones, nothing else', () => {
    expect(issues({ stopTones: ['0', '9', '*', '#', 'A', 'D', 'tone0', 'pound', 'star', 'flash', 'a'] })).toEqual([])
    const message = "expected a DTMF key ('0' to '9', '*', '#', 'A' to 'D') or a tone name ('tone0' to 'tone9', 'star', 'pound', 'a' to 'd', 'flash')"
    expect(issues({ stopTones: ['#', '11', 'E', 'hash'] })).toEqual([
      { path: '$.stopTones[1]', message },
      { path: '$.stopTones[2]', message },
      { path: '$.stopTones[3]', message },
    ])
  })

  it('wants booleans for bargeInAllowed and playBeep, and refuses the beta-only streamWhileRecording', () => {
    expect(issues({ bargeInAllowed: 'yes', playBeep: 1, streamWhileRecording: true })).toEqual([
      { path: '$.bargeInAllowed', message: 'expected a boolean' },
      { path: '$.playBeep', message: 'expected a boolean' },
      { path: '$.streamWhileRecording', message: expect.stringMatching(/^is not a property of RecordResponseParams/) },
    ])
  })
})

describe('sendDtmfTones', () => {
  const issues = (params: unknown) => issuesOf(() => sendDtmfTones('c1', params as SendDtmfTonesParams))

  it('sends the docs example exactly as the page shows it', () => {
    expect(sendDtmfTones('481f3600-983e-4276-9b59-c1b30ec8d125', sendDtmfTonesExample as SendDtmfTonesParams).body).toStrictEqual(sendDtmfTonesExample)
  })

  it('takes the tone values, at least one', () => {
    expect(issues({ tones: ['tone0', 'tone9', 'star', 'pound', 'a', 'b', 'c', 'd', 'flash'] })).toEqual([])
    expect(issues({ tones: [] })).toEqual([{ path: '$.tones', message: 'expected at least 1 item' }])
    expect(issues({ tones: ['#', 'Tone1'] }).map((i) => i.path)).toEqual(['$.tones[0]', '$.tones[1]'])
    expect(issues({ tones: ['#'] })[0]!.message).toMatch(/^expected one of 'tone0', 'tone1'/)
  })

  it('takes a delay between tones that is not negative', () => {
    const message = 'expected a whole number of milliseconds from 0 to 2147483647'
    expect(issues({ tones: ['tone1'], delayBetweenTonesMs: 0 })).toEqual([])
    expect(issues({ tones: ['tone1'], delayBetweenTonesMs: -1 })).toEqual([{ path: '$.delayBetweenTonesMs', message }])
    expect(issues({ tones: ['tone1'], delayBetweenTonesMs: 2 ** 31 })).toEqual([{ path: '$.delayBetweenTonesMs', message }])
  })
})
