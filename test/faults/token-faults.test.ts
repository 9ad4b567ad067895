/**
 * The token endpoint failing or slow: a real `@azure/identity` ClientSecretCredential against a loopback
 * HTTPS authority that answers 500, a truncated body or nothing, and a credential function still running
 * when the client closes. Nothing reaches Graph without a token, and no secret shows in an error.
 */
import { ClientSecretCredential } from '@azure/identity'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConnectionError, CredentialError, TimeoutError, type GetTokenOptions } from '../../src/index.ts'
import { expectNoSecret } from '../integration/client/secrets.ts'
import { selfSignedCert } from '../integration/client/self-signed-cert.ts'
import { ending, faultClient, playPrompt } from './fault-calls.ts'
import { AUTHORITY_TENANT, FaultyAuthority, type TokenAnswer } from './faulty-authority.ts'
import { FaultyGraph } from './faulty-graph.ts'

const CLIENT_SECRET = 'client-secret-that-must-never-show'
const SLACK_MS = 2_000

let graph: FaultyGraph
const authorities = new Map<TokenAnswer, FaultyAuthority>()
beforeAll(async () => {
  graph = await FaultyGraph.start()
  for (const answer of ['fail-500', 'truncated', 'hang'] as const) authorities.set(answer, await FaultyAuthority.start(answer))
})
afterAll(async () => {
  await Promise.all([graph.close(), ...[...authorities.values()].map((a) => a.close())])
})

function clientOf(answer: TokenAnswer, timeoutMs = 10_000) {
  const credential = new ClientSecretCredential(AUTHORITY_TENANT, 'bot-app-id', CLIENT_SECRET, {
    authorityHost: authorities.get(answer)!.url,
    disableInstanceDiscovery: true,
    tlsOptions: { ca: selfSignedCert().cert },
    retryOptions: { maxRetries: 0 },
  })
  return faultClient(graph.url, { credential, timeoutMs })
}

describe('a ClientSecretCredential whose authority fails', () => {
  it.each(['fail-500', 'truncated'] as const)('%s: a CredentialError naming the scope, without the secret; nothing sent', async (answer) => {
    const client = clientOf(answer)
    const end = await ending(playPrompt(client, 'accept'))
    expect(end.error).toBeInstanceOf(CredentialError)
    expect(end.error!.message).toMatch(/^The credential could not get a token for https:\/\/graph\.microsoft\.com\/\.default: /)
    expectNoSecret(end.error, CLIENT_SECRET)
    expect(authorities.get(answer)!.tokenRequests).toBeGreaterThanOrEqual(1)
    expect(graph.requestCount).toBe(0)
    await client.close()
  })

  it('an authority that never answers: the call ends in a TimeoutError at timeoutMs; nothing sent', async () => {
    const client = clientOf('hang', 500)
    const ends = await Promise.all(Array.from({ length: 10 }, (_, i) => ending(playPrompt(client, 'accept', i))))
    for (const end of ends) {
      expect(end.error).toBeInstanceOf(TimeoutError)
      expect(end.error).toMatchObject({ waitingForToken: true, message: expect.stringContaining('timed out after 500 ms waiting for an access token from the credential; nothing was sent to Graph') })
      expect(end.ms).toBeLessThan(500 + SLACK_MS)
    }
    // One token request for all ten calls.
    expect(authorities.get('hang')!.tokenRequests).toBe(1)
    expect(graph.requestCount).toBe(0)
    await client.close()
  })
})

describe('closing the client while its token is fetched', () => {
  it.each([
    ['honours', true],
    ['ignores', false],
  ])('aborts the credential request through its abortSignal; the waiting calls end at once, saying the client was closed (a credential that %s it)', async (_, honours) => {
    const signals: (AbortSignal | undefined)[] = []
    const credential = (_scopes: string[], options?: GetTokenOptions) =>
      new Promise<never>((_, reject) => {
        signals.push(options?.abortSignal)
        if (honours) options?.abortSignal?.addEventListener('abort', () => reject(options.abortSignal!.reason))
      })
    const client = faultClient(graph.url, { credential, timeoutMs: 30_000 })
    const calls = Array.from({ length: 5 }, (_, i) => ending(playPrompt(client, 'accept', i)))
    await new Promise((resolve) => setImmediate(resolve))
    expect(signals).toHaveLength(1)
    expect(signals[0]!.aborted).toBe(false)
    await client.close()
    expect(signals[0]!.aborted).toBe(true)
    for (const end of await Promise.all(calls)) {
      expect(end.error).toBeInstanceOf(ConnectionError)
      expect(end.error!.message).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/v1\.0\/communications\/calls\/accept\.\d\/playPrompt was not sent: the client was closed$/)
      expect(end.ms).toBeLessThan(SLACK_MS)
    }
    expect(signals).toHaveLength(1)
    expect(graph.requestCount).toBe(0)
  })
})
