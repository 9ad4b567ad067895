import { inspect } from 'node:util'
import { MockAgent } from 'undici'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CallingClient, clouds, ConnectionError, UnsupportedActionError, ValidationError } from '../../../src/index.ts'
import { serviceHostedMedia, type AnswerParams } from '../../../src/requests/index.ts'

const token = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret-payload.signature'
const credential = async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 })
const params: AnswerParams = { callbackUri: 'https://bot.contoso.com/api/calls', acceptedModalities: ['audio'], mediaConfig: serviceHostedMedia() }

let agent: MockAgent
beforeEach(() => {
  agent = new MockAgent()
  agent.disableNetConnect()
})
afterEach(() => agent.close())

describe('CallingClient', () => {
  it('answers a call: the builder checks the parameters, the transport sends, Graph accepts', async () => {
    agent
      .get('https://graph.microsoft.com')
      .intercept({ path: '/v1.0/communications/calls/c-1/answer', method: 'POST', body: JSON.stringify(params) })
      .reply(202, '', { headers: { 'request-id': 'graph-req-1' } })
    const client = new CallingClient({ credential, dispatcher: agent })
    const result = await client.calls.answer('c-1', params)
    expect([result.status, result.requestId]).toEqual([202, 'graph-req-1'])
  })

  it('rejects bad parameters with a ValidationError before any I/O', async () => {
    let asked = 0
    const client = new CallingClient({ credential: async () => (asked++, credential()), dispatcher: agent })
    const error = await client.calls.answer('c-1', { ...params, acceptedModalities: [] }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).issues[0]!.path).toBe('$.acceptedModalities')
    expect(asked).toBe(0)
  })

  it('every call action returns a promise, also when it refuses (a rejection, never a synchronous throw)', () => {
    const client = new CallingClient({ credential, dispatcher: agent, cloud: 'china' })
    const refused = client.calls.answer('c-1', params)
    expect(refused).toBeInstanceOf(Promise)
    return expect(refused).rejects.toThrow(UnsupportedActionError)
  })

  it('exports the cloud table', () => {
    expect(Object.keys(clouds)).toEqual(['global', 'usGovL4', 'usGovL5', 'china'])
    expect(clouds.usGovL5).toEqual({
      displayName: 'US Government L5 (DOD)',
      graphUrl: 'https://dod-graph.microsoft.us',
      scope: 'https://dod-graph.microsoft.us/.default',
      authorityHost: 'https://login.microsoftonline.us',
    })
    expect(Object.isFrozen(clouds.global)).toBe(true)
  })

  it('names every bad option when it is created', () => {
    expect(() => new CallingClient({ credential, timeoutMs: -1, cloud: 'mars' as never })).toThrow(
      "Invalid CallingClient options: $.cloud: expected one of 'global', 'usGovL4', 'usGovL5', 'china'; $.timeoutMs: expected a number of milliseconds greater than 0 and at most 2147483647",
    )
  })

  it('leaves a dispatcher it was given open when it closes, and refuses to send afterwards', async () => {
    const pool = agent.get('https://graph.microsoft.com')
    pool.intercept({ path: '/v1.0/communications/calls/c-1', method: 'DELETE' }).reply(204, '').times(2)
    const client = new CallingClient({ credential, dispatcher: agent })
    await client.calls.hangUp('c-1')
    await client.close()
    const error = await client.calls.hangUp('c-1').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectionError)
    expect((error as Error).message).toBe('This CallingClient is closed; DELETE /communications/calls/c-1 was not sent')
    const other = new CallingClient({ credential, dispatcher: agent })
    expect((await other.calls.hangUp('c-1')).status).toBe(204)
  })

  it('can be closed twice', async () => {
    const client = new CallingClient({ credential })
    await client.close()
    await expect(client.close()).resolves.toBeUndefined()
  })

  it('shows where it points, and nothing of its credential, in util.inspect and JSON', async () => {
    agent.get('https://graph.microsoft.us').intercept({ path: '/beta/communications/calls/c-1', method: 'DELETE' }).reply(204, '')
    const client = new CallingClient({ credential, dispatcher: agent, cloud: 'usGovL4', apiVersion: 'beta' })
    await client.calls.hangUp('c-1')
    expect(inspect(client)).toBe("CallingClient { cloud: 'usGovL4', apiVersion: 'beta', rootUrl: 'https://graph.microsoft.us/beta' }")
    expect(inspect(client, { depth: Infinity, showHidden: true })).not.toContain(token)
    expect(inspect(client.calls, { depth: Infinity, showHidden: true })).not.toContain(token)
    expect(JSON.stringify(client)).not.toContain(token)
  })
})
