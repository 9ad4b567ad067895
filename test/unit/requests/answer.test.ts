import { describe, expect, it } from 'vitest'
import { answer, appHostedMedia, incomingCallOptions, outgoingCallOptions, serviceHostedMedia, type AnswerParams } from '../../../src/requests/index.ts'
import { issuesOf as issues } from './issues.ts'
import { answerRequestBodies, v1AnswerPage } from '../../fixtures/seeds/read-seed.ts'
import { betaAnswerRequests } from '../../fixtures/seeds/beta-answer-requests.ts'

const ok: AnswerParams = {
  callbackUri: 'https://bot.contoso.com/api/calls',
  acceptedModalities: ['audio'],
  mediaConfig: serviceHostedMedia(),
}

/** The issues `answer` reports for these parameters (none when it builds a request). */
const issuesOf = (params: unknown, callId = 'abc') => issues(() => answer(callId, params as AnswerParams))

// The docs' first example uses the placeholder "callbackUri-value", which is not a URL: Graph requires an
// https callback, so that one body is sent with a real URL in its place and is otherwise unchanged.
const withRealCallback = (body: any) =>
  body.callbackUri === 'callbackUri-value' ? { ...body, callbackUri: 'https://bot.contoso.com/api/calls' } : body

describe('answer: the seed examples', () => {
  const v1 = answerRequestBodies(v1AnswerPage())

  it('finds the three request examples of the v1.0 page', () => {
    expect(v1).toHaveLength(3)
  })

  it.each(v1.map((body, i) => [i + 1, body] as const))('v1.0 example %i is sent exactly as the page shows it', (_, body) => {
    const params = withRealCallback(body)
    const request = answer('57DAB8B1894C409AB240BD8BEAE78896', params)
    expect(request).toEqual({ method: 'POST', path: '/communications/calls/57DAB8B1894C409AB240BD8BEAE78896/answer', body: params, resendable: true })
    expect(JSON.parse(JSON.stringify(request.body))).toEqual(params)
  })

  it.each(betaAnswerRequests.map((r) => [r.name, r.body] as const))('beta example "%s" is sent exactly as the page shows it', (_, body) => {
    const params = withRealCallback(body)
    expect(answer('57DAB8B1894C409AB240BD8BEAE78896', params).body).toEqual(params)
  })

  it("refuses the docs' placeholder callback, naming the field", () => {
    expect(issuesOf(v1[0])).toEqual([{ path: '$.callbackUri', message: 'expected an absolute https URL' }])
  })

  it('builds the seed bodies from the helpers too', () => {
    expect(
      answer('x', {
        callbackUri: 'https://bot.contoso.com/api/calls',
        acceptedModalities: ['audio'],
        mediaConfig: serviceHostedMedia({
          preFetchMedia: [
            { uri: 'https://cdn.contoso.com/beep.wav', resourceId: '1D6DE2D4-CD51-4309-8DAA-70768651088E' },
            { uri: 'https://cdn.contoso.com/cool.wav', resourceId: '1D6DE2D4-CD51-4309-8DAA-70768651088F' },
          ],
        }),
      }).body,
    ).toEqual(v1[1])
    expect(answer('x', { callbackUri: 'https://bot.contoso.com/api/calls', acceptedModalities: ['audio'], mediaConfig: appHostedMedia('<Media Session Configuration Blob>') }).body).toEqual(v1[2])
    expect(incomingCallOptions({ isContentSharingNotificationEnabled: true })).toEqual((v1[0] as any).callOptions)
  })
})

describe('answer: the callback', () => {
  it('may be left out: Graph then notifies the bot\'s own calling webhook, as the docs say', () => {
    const params = { acceptedModalities: ['audio'], mediaConfig: serviceHostedMedia() } satisfies AnswerParams
    expect(answer('abc', params)).toEqual({ method: 'POST', path: '/communications/calls/abc/answer', body: params, resendable: true })
  })

  it('set to undefined (an unset environment variable) is as left out: JSON writes no such member, so Graph never sees it', () => {
    const callbackUri: string | undefined = undefined
    const request = answer('abc', { ...ok, callbackUri })
    expect(JSON.parse(JSON.stringify(request.body))).toEqual({ acceptedModalities: ['audio'], mediaConfig: serviceHostedMedia() })
  })

  it('a required parameter set to undefined is still missing, and a misspelt one is still refused when it has a value', () => {
    expect(issuesOf({ ...ok, mediaConfig: undefined })).toEqual([
      { path: '$.mediaConfig', message: "is required: expected an object whose '@odata.type' is one of '#microsoft.graph.appHostedMediaConfig', '#microsoft.graph.serviceHostedMediaConfig'" },
    ])
    expect(issuesOf({ ...ok, callbackURI: 'https://bot.contoso.com/api/calls' })[0]?.path).toBe('$.callbackURI')
    expect(issuesOf({ ...ok, mediaConfig: serviceHostedMedia({ preFetchMedia: undefined }) })).toEqual([])
  })

  it('is still an absolute https URL when given, and never null', () => {
    expect(issuesOf({ ...ok, callbackUri: null })).toEqual([{ path: '$.callbackUri', message: 'expected an absolute https URL' }])
  })
})

describe('answer: the media helpers', () => {
  it('leave out a member given as undefined, keep null, and keep a misspelt member for the validator to name', () => {
    expect(serviceHostedMedia({ preFetchMedia: undefined })).toStrictEqual({ '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' })
    expect(incomingCallOptions({ isDeltaRosterEnabled: undefined, isContentSharingNotificationEnabled: true, hideBotAfterEscalation: null })).toStrictEqual({
      '@odata.type': '#microsoft.graph.incomingCallOptions',
      isContentSharingNotificationEnabled: true,
      hideBotAfterEscalation: null,
    })
    expect(outgoingCallOptions({ hideBotAfterEscalation: undefined })).toStrictEqual({ '@odata.type': '#microsoft.graph.outgoingCallOptions' })
    const misspelt = incomingCallOptions({ isDeltaRosterEnable: true } as Parameters<typeof incomingCallOptions>[0])
    expect(issuesOf({ ...ok, callOptions: misspelt })[0]?.path).toBe('$.callOptions.isDeltaRosterEnable')
  })
})

describe('answer: validation', () => {
  it.each([
    ['http URL', { ...ok, callbackUri: 'http://bot.contoso.com/api/calls' }, '$.callbackUri', 'expected an absolute https URL'],
    ['relative URL', { ...ok, callbackUri: '/api/calls' }, '$.callbackUri', 'expected an absolute https URL'],
    ['no modalities key', { callbackUri: ok.callbackUri, mediaConfig: serviceHostedMedia() }, '$.acceptedModalities', "is required: expected an array of one of 'audio', 'video', 'videoBasedScreenSharing', 'data' values"],
    ['empty modalities', { ...ok, acceptedModalities: [] }, '$.acceptedModalities', 'expected at least 1 item'],
    ['duplicate modality', { ...ok, acceptedModalities: ['audio', 'audio'] }, '$.acceptedModalities[1]', 'duplicate value "audio"'],
    ['unknownFutureValue', { ...ok, acceptedModalities: ['unknownFutureValue'] }, '$.acceptedModalities[0]', "expected one of 'audio', 'video', 'videoBasedScreenSharing', 'data'"],
    ['unknown modality', { ...ok, acceptedModalities: ['Audio'] }, '$.acceptedModalities[0]', "expected one of 'audio', 'video', 'videoBasedScreenSharing', 'data'"],
    ['missing mediaConfig', { callbackUri: ok.callbackUri, acceptedModalities: ['audio'] }, '$.mediaConfig', "is required: expected an object whose '@odata.type' is one of '#microsoft.graph.appHostedMediaConfig', '#microsoft.graph.serviceHostedMediaConfig'"],
    ['mediaConfig without @odata.type', { ...ok, mediaConfig: { blob: 'x' } }, '$.mediaConfig["@odata.type"]', "is required: expected one of '#microsoft.graph.appHostedMediaConfig', '#microsoft.graph.serviceHostedMediaConfig'"],
    ['mediaConfig of an unknown type', { ...ok, mediaConfig: { '@odata.type': '#microsoft.graph.mediaConfig' } }, '$.mediaConfig["@odata.type"]', "expected one of '#microsoft.graph.appHostedMediaConfig', '#microsoft.graph.serviceHostedMediaConfig'"],
    ['empty blob', { ...ok, mediaConfig: { '@odata.type': '#microsoft.graph.appHostedMediaConfig', blob: '' } }, '$.mediaConfig.blob', 'expected a non-empty string'],
    ['app-hosted without blob', { ...ok, mediaConfig: { '@odata.type': '#microsoft.graph.appHostedMediaConfig' } }, '$.mediaConfig.blob', 'is required: expected a non-empty string'],
    ['prefetch with a resourceId that is not a string', { ...ok, mediaConfig: serviceHostedMedia({ preFetchMedia: [{ uri: 'https://cdn/x.wav', resourceId: 5 } as any] }) }, '$.mediaConfig.preFetchMedia[0].resourceId', 'expected a string'],
    ['prefetch without uri', { ...ok, mediaConfig: serviceHostedMedia({ preFetchMedia: [{ resourceId: 'r' } as any] }) }, '$.mediaConfig.preFetchMedia[0].uri', 'is required: expected an absolute http or https URL'],
    ['prefetch with relative uri', { ...ok, mediaConfig: serviceHostedMedia({ preFetchMedia: [{ uri: 'beep.wav', resourceId: 'r' }] }) }, '$.mediaConfig.preFetchMedia[0].uri', 'expected an absolute http or https URL'],
    ['zero capacity', { ...ok, participantCapacity: 0 }, '$.participantCapacity', 'expected an integer from 1 to 2147483647'],
    ['fractional capacity', { ...ok, participantCapacity: 1.5 }, '$.participantCapacity', 'expected an integer from 1 to 2147483647'],
    ['capacity beyond Int32', { ...ok, participantCapacity: 2 ** 31 }, '$.participantCapacity', 'expected an integer from 1 to 2147483647'],
    ['capacity as a string', { ...ok, participantCapacity: '200' }, '$.participantCapacity', 'expected an integer from 1 to 2147483647'],
    ['outgoing call options', { ...ok, callOptions: { '@odata.type': '#microsoft.graph.outgoingCallOptions' } }, '$.callOptions["@odata.type"]', "expected '#microsoft.graph.incomingCallOptions'"],
    ['call options with an unknown field', { ...ok, callOptions: incomingCallOptions({ isContentSharingNotificationEnabled: true, bogus: 1 } as any) }, '$.callOptions.bogus', 'is not a property of IncomingCallOptionsAsDeclared; expected one of @odata.type, hideBotAfterEscalation, isContentSharingNotificationEnabled, isDeltaRosterEnabled, isInteractiveRosterEnabled'],
    ['call options tagged as the abstract base', { ...ok, callOptions: { '@odata.type': '#microsoft.graph.callOptions', isContentSharingNotificationEnabled: true } }, '$.callOptions["@odata.type"]', "expected '#microsoft.graph.incomingCallOptions'"],
    ['call options with a null tag', { ...ok, callOptions: { '@odata.type': null } }, '$.callOptions["@odata.type"]', "expected '#microsoft.graph.incomingCallOptions'"],
    ['an unknown top-level field', { ...ok, callbackURI: 'https://x' }, '$.callbackURI', 'is not a property of AnswerParams; expected one of callbackUri, acceptedModalities, mediaConfig, participantCapacity, callOptions'],
  ])('%s', (_, params, path, message) => {
    expect(issuesOf(params)).toContainEqual({ path, message })
  })

  it('accepts null where Graph allows it, and a raw object with the right @odata.type', () => {
    expect(issuesOf({ ...ok, participantCapacity: null, callOptions: null })).toEqual([])
    expect(issuesOf({ ...ok, mediaConfig: { '@odata.type': '#microsoft.graph.appHostedMediaConfig', blob: 'b' } })).toEqual([])
    expect(issuesOf({ ...ok, acceptedModalities: ['audio', 'video', 'videoBasedScreenSharing', 'data'] })).toEqual([])
  })

  it("takes media to pre-fetch without its resourceId, and a null preFetchMedia, as Graph's contract and mediaInfo page allow", () => {
    const media = { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' as const, preFetchMedia: [{ uri: 'https://cdn.contoso.com/beep.wav' }, { uri: 'https://cdn.contoso.com/cool.wav', resourceId: null }] }
    expect(answer('abc', { ...ok, mediaConfig: media }).body).toEqual({ ...ok, mediaConfig: media })
    expect(issuesOf({ ...ok, mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig', preFetchMedia: null } })).toEqual([])
  })

  it('takes an https callback whose scheme is written in capitals, as URLs allow', () => {
    expect(issuesOf({ ...ok, callbackUri: 'HTTPS://bot.contoso.com/api/calls' })).toEqual([])
    expect(issuesOf({ ...ok, callbackUri: 'HTTP://bot.contoso.com/api/calls' })).toEqual([{ path: '$.callbackUri', message: 'expected an absolute https URL' }])
  })

  it('takes call options with or without their @odata.type: the action declares incomingCallOptions itself', () => {
    const untagged = { ...ok, callOptions: { isContentSharingNotificationEnabled: true } }
    expect(answer('abc', untagged).body).toEqual(untagged)
    expect(issuesOf({ ...ok, callOptions: {} })).toEqual([])
    expect(issuesOf({ ...ok, callOptions: incomingCallOptions({ isContentSharingNotificationEnabled: true }) })).toEqual([])
    expect(issuesOf({ ...ok, callOptions: { '@odata.type': '#microsoft.graph.incomingCallOptions', isDeltaRosterEnabled: false } })).toEqual([])
  })

  it('reports every problem at once, id included, in one error', () => {
    expect(issuesOf({ callbackUri: 'ftp://x', acceptedModalities: [], mediaConfig: {} }, '')).toEqual([
      { path: 'callId', message: 'expected a non-empty string id' },
      { path: '$.callbackUri', message: 'expected an absolute https URL' },
      { path: '$.acceptedModalities', message: 'expected at least 1 item' },
      { path: '$.mediaConfig["@odata.type"]', message: "is required: expected one of '#microsoft.graph.appHostedMediaConfig', '#microsoft.graph.serviceHostedMediaConfig'" },
    ])
  })

  it('rejects a body that is not an object', () => {
    expect(issuesOf(null)).toEqual([{ path: '$', message: 'expected an object (AnswerParams)' }])
  })

  it('error message names the field and what was expected', () => {
    expect(() => answer('abc', { ...ok, callbackUri: 'http://x' })).toThrow('Invalid answer parameters: $.callbackUri: expected an absolute https URL')
  })
})

describe('call ids', () => {
  it('percent-encodes the id', () => {
    expect(answer('a b+c%', ok).path).toBe('/communications/calls/a%20b%2Bc%25/answer')
  })

  it.each([[''], ['a/b'], ['a?b'], ['a#b'], ['..'], ['a..b'], ['.']])('refuses %j', (id) => {
    expect(issuesOf(ok, id)).toEqual([
      { path: 'callId', message: id === '' ? 'expected a non-empty string id' : "expected an id without '/', '?', '#' or '..'" },
    ])
  })

  it('refuses a non-string id', () => {
    expect(issuesOf(ok, 42 as unknown as string)).toEqual([{ path: 'callId', message: 'expected a non-empty string id' }])
  })
})
