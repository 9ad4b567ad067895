import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CallingClient, clouds, UnsupportedActionError, type CloudName } from '../../../src/index.ts'
import { answer, hangUp, mediaPrompt, redirect, reject, serviceHostedMedia, type AnswerParams, type RedirectParams } from '../../../src/requests/index.ts'
import { VERSION } from '../../../src/transport/user-agent.ts'
import { FakeGraph } from './fake-graph.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const callId = '57dab8b1-894c-409a-b240-bd8beae78896'
const params: AnswerParams = {
  callbackUri: 'https://bot.contoso.com/api/calls',
  acceptedModalities: ['audio'],
  mediaConfig: serviceHostedMedia(),
}

let graph: FakeGraph
beforeAll(async () => {
  graph = await FakeGraph.start('https')
})
afterAll(() => graph.close())

/** A client for `cloud` whose connections all land on the loopback server, over TLS checked against the cloud's host. */
function clientFor(cloud: CloudName, apiVersion: 'v1.0' | 'beta' = 'v1.0') {
  const scopesAsked: string[][] = []
  const dispatcher = graph.loopbackAgent()
  const client = new CallingClient({
    cloud,
    apiVersion,
    dispatcher,
    userAgent: 'contoso-bot/2.1',
    credential: async (scopes) => {
      scopesAsked.push(scopes)
      return { token: `token-for-${cloud}`, expiresOnTimestamp: Date.now() + 3_600_000 }
    },
  })
  return { client, scopesAsked, dispose: () => dispatcher.close() }
}

describe.each(Object.keys(clouds) as CloudName[])('cloud %s', (cloud) => {
  const host = new URL(clouds[cloud].graphUrl).host

  it.each(['v1.0', 'beta'] as const)(`sends to ${host}/%s with the cloud's token scope and the exact headers`, async (apiVersion) => {
    const { client, scopesAsked, dispose } = clientFor(cloud, apiVersion)
    const before = graph.requests.length
    const result = await client.send(answer(callId, params))
    const [seen] = graph.requests.slice(before)
    expect(seen).toBeDefined()
    expect(seen!.method).toBe('POST')
    expect(seen!.url).toBe(`/${apiVersion}/communications/calls/${callId}/answer`)
    expect(seen!.headers.host).toBe(host)
    expect(seen!.headers.authorization).toBe(`Bearer token-for-${cloud}`)
    expect(seen!.headers['content-type']).toBe('application/json')
    expect(seen!.headers['user-agent']).toBe(`contoso-bot/2.1 graph-calling/${VERSION}`)
    expect(seen!.headers['client-request-id']).toMatch(UUID)
    expect(JSON.parse(seen!.body)).toEqual(params)
    expect(scopesAsked).toEqual([[`${clouds[cloud].graphUrl}/.default`]])
    expect(result).toMatchObject({ status: 202, clientRequestId: seen!.headers['client-request-id'], body: undefined })
    await dispose()
  })

  it('hangs up with a DELETE that has no body and no content-type', async () => {
    const { client, dispose } = clientFor(cloud)
    graph.reply({ status: 204, headers: { 'request-id': 'req-204' } })
    const before = graph.requests.length
    const result = await client.send(hangUp(callId))
    const [seen] = graph.requests.slice(before)
    expect([seen!.method, seen!.url, seen!.body, seen!.headers['content-type'], seen!.headers.host]).toEqual([
      'DELETE',
      `/v1.0/communications/calls/${callId}`,
      '',
      undefined,
      host,
    ])
    expect(result.status).toBe(204)
    expect(result.requestId).toBe('req-204')
    await dispose()
  })
})

describe('actions Graph does not offer in a cloud', () => {
  it('answer and reject are refused in China before any I/O, in v1.0 and beta', async () => {
    for (const apiVersion of ['v1.0', 'beta'] as const) {
      const { client, scopesAsked, dispose } = clientFor('china', apiVersion)
      const before = graph.requests.length
      await expect(client.calls.answer(callId, params)).rejects.toThrow(UnsupportedActionError)
      await expect(client.calls.reject(callId, { reason: 'busy' })).rejects.toThrow(
        "Graph does not offer call: reject in China operated by 21Vianet (cloud 'china'); nothing was sent.",
      )
      expect(graph.requests.length).toBe(before)
      expect(scopesAsked).toEqual([])
      await dispose()
    }
  })

  it('in China every calling action is refused, as its page says, and client.send sends one when asked to', async () => {
    const { client, dispose } = clientFor('china')
    const before = graph.requests.length
    await expect(client.calls.redirect(callId, { targets: [{ identity: { user: { id: 'u-1' } } }] })).rejects.toThrow('Graph does not offer call: redirect in China')
    await expect(client.calls.hangUp(callId)).rejects.toThrow('Graph does not offer delete call in China')
    await expect(client.participants.list(callId)).rejects.toThrow('Graph does not offer list participants in China')
    expect(graph.requests.length).toBe(before)
    await client.send(answer(callId, params))
    expect(graph.requests.slice(before).map((r) => `${r.method} ${r.headers.host}${r.url}`)).toEqual([`POST microsoftgraph.chinacloudapi.cn/v1.0/communications/calls/${callId}/answer`])
    await dispose()
  })

  it.each(['usGovL4', 'usGovL5'] as const)('in %s, DTMF and the large gallery view are refused (global only); a prompt is sent', async (cloud) => {
    const { client, dispose } = clientFor(cloud)
    const before = graph.requests.length
    await expect(client.calls.sendDtmfTones(callId, { tones: ['tone1'] })).rejects.toThrow(`Graph does not offer call: sendDtmfTones in ${clouds[cloud].displayName}`)
    await expect(client.calls.addLargeGalleryView(callId)).rejects.toThrow(UnsupportedActionError)
    expect(graph.requests.length).toBe(before)
    graph.reply({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"id":"op-1","status":"running"}' })
    expect((await client.calls.playPrompt(callId, { prompts: [mediaPrompt('https://cdn.contoso.com/a.wav')] })).status).toBe(200)
    await dispose()
  })

  it("a beta client in usGovL4 is refused what beta's pages offer in the global service only, and sends what they do not mark", async () => {
    const v1 = clientFor('usGovL4')
    const onBeta = clientFor('usGovL4', 'beta')
    const transfer = { transferTarget: { identity: { user: { id: 'u-2' } } } }
    await expect(onBeta.client.calls.transfer(callId, transfer)).rejects.toThrow('Graph does not offer call: transfer in US Government L4')
    await expect(onBeta.client.participants.stopHoldMusic(callId, 'p-1')).rejects.toThrow(UnsupportedActionError)
    const before = graph.requests.length
    await v1.client.calls.transfer(callId, transfer)
    await onBeta.client.beta.calls.startRecording(callId)
    expect(graph.requests.slice(before).map((r) => r.url)).toEqual([`/v1.0/communications/calls/${callId}/transfer`, `/beta/communications/calls/${callId}/startRecording`])
    await Promise.all([v1.dispose(), onBeta.dispose()])
  })

  it('a beta-only request is refused by a v1.0 client before any I/O, and sent by a beta client', async () => {
    const betaOnly = { ...reject(callId, { reason: 'none' }), apiVersion: 'beta' as const }
    const v1 = clientFor('global')
    const before = graph.requests.length
    await expect(v1.client.send(betaOnly)).rejects.toThrow(
      new UnsupportedActionError(
        `POST /communications/calls/${callId}/reject exists only in Graph's beta API, and this client sends to v1.0; use a client created with apiVersion: 'beta' for it`,
      ),
    )
    expect(graph.requests.length).toBe(before)
    expect(v1.scopesAsked).toEqual([])
    const beta = clientFor('global', 'beta')
    await beta.client.send(betaOnly)
    expect(graph.requests.at(-1)!.url).toBe(`/beta/communications/calls/${callId}/reject`)
    await Promise.all([v1.dispose(), beta.dispose()])
  })
})

describe('client.calls on the wire', () => {
  it('answer, reject, redirect and hangUp send what the builders build', async () => {
    const { client, dispose } = clientFor('global')
    const redirectParams: RedirectParams = {
      targets: [{ '@odata.type': '#microsoft.graph.invitationParticipantInfo', identity: { user: { id: 'u-2' } } }],
      timeout: 30,
    }
    const before = graph.requests.length
    await client.calls.answer(callId, params)
    await client.calls.reject(callId, { reason: 'busy' })
    await client.calls.redirect(callId, redirectParams)
    await client.calls.hangUp(callId)
    const expected = [answer(callId, params), reject(callId, { reason: 'busy' }), redirect(callId, redirectParams), hangUp(callId)]
    expect(
      graph.requests.slice(before).map((r) => ({ method: r.method, url: r.url, body: r.body === '' ? undefined : JSON.parse(r.body) })),
    ).toEqual(expected.map((q) => ({ method: q.method, url: `/v1.0${q.path}`, body: q.body })))
    await dispose()
  })
})
