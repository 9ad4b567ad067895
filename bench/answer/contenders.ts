/**
 * The ways to send `POST /communications/calls/{id}/answer` that the bench compares: raw undici (the
 * physical limit), the library, and the two Microsoft Graph SDKs for JavaScript, all against the same
 * loopback server with the same body and the same fixed bearer token.
 */
import { Pool } from 'undici'
import type { LibrarySource } from '../library.ts'
import { entryUrl } from '../library.ts'
import { kiotaAnswerBody, registerCommunicationsAnswer } from './kiota-communications.ts'

/** What every contender is given. */
export interface AnswerSetup {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string
  /** The bearer token every request carries. */
  readonly token: string
  /** The answer parameters (the seed's body). */
  readonly params: Record<string, unknown>
  /** Where graph-calling is loaded from. */
  readonly source: LibrarySource
  /** Entry URLs of the peer SDKs, by package name. */
  readonly peers: Readonly<Record<string, string>>
}

/** A ready client: sends one answer and resolves when the 202 has been read. */
export interface AnswerSender {
  /** Answers call `callId`; rejects unless Graph (the server) said 202. */
  send(callId: string): Promise<void>
  /** Releases the client's sockets. */
  close(): Promise<void>
}

/** One way of answering. */
export interface Contender {
  /** Short id, used on the command line of the contender's process. */
  readonly id: ContenderId
  /** What RESULTS.md calls it. */
  readonly label: string
  /** Builds a sender. */
  create(setup: AnswerSetup): Promise<AnswerSender>
}

/** The contenders' ids. */
export type ContenderId = 'undici' | 'builder+undici' | 'graph-calling' | 'graph-client' | 'kiota'

const answerPath = (callId: string) => `/v1.0/communications/calls/${encodeURIComponent(callId)}/answer`

function expect202(status: number, who: string): void {
  if (status !== 202) throw new Error(`${who}: the server answered ${status}, not 202`)
}

// A keep-alive pool, and a POST over it that reads the whole answer and insists on 202.
function undiciPool(setup: AnswerSetup, who: ContenderId) {
  const pool = new Pool(setup.origin)
  const headers = { authorization: `Bearer ${setup.token}`, 'content-type': 'application/json' }
  return {
    async post(path: string, body: string) {
      const res = await pool.request({ method: 'POST', path, headers, body })
      await res.body.dump()
      expect202(res.statusCode, who)
    },
    close: () => pool.close(),
  }
}

/** `undici.request` on a keep-alive `Pool` with a body serialized once: what the wire costs, nothing more. */
const rawUndici: Contender = {
  id: 'undici',
  label: 'raw undici (Pool, prebuilt body)',
  async create(setup) {
    const { post, close } = undiciPool(setup, 'undici')
    const body = JSON.stringify(setup.params)
    return { send: (callId) => post(answerPath(callId), body), close }
  },
}

/** The library's pure builder (`graph-calling/requests`: validation, path, body) sent with raw undici. */
const builderOverUndici: Contender = {
  id: 'builder+undici',
  label: 'graph-calling `answer()` builder + raw undici',
  async create(setup) {
    const { answer } = (await import(entryUrl('./requests', setup.source))) as typeof import('../../src/requests/index.ts')
    const { post, close } = undiciPool(setup, 'builder+undici')
    return {
      send(callId) {
        const request = answer(callId, setup.params as Parameters<typeof answer>[1])
        return post(`/v1.0${request.path}`, JSON.stringify(request.body))
      },
      close,
    }
  },
}

/** `client.calls.answer` of graph-calling's `CallingClient`, with a credential that returns a fixed token. */
const graphCalling: Contender = {
  id: 'graph-calling',
  label: 'graph-calling `client.calls.answer`',
  async create(setup) {
    const { CallingClient } = (await import(entryUrl('.', setup.source))) as Record<string, new (options: object) => CallingClientLike>
    if (typeof CallingClient !== 'function') throw new Error('graph-calling exports no CallingClient')
    const credential = { getToken: async () => ({ token: setup.token, expiresOnTimestamp: Date.now() + 3_600_000 }) }
    const client = new CallingClient({ credential, baseUrl: setup.origin })
    return {
      async send(callId) {
        await client.calls.answer(callId, setup.params)
      },
      close: async () => client.close?.(),
    }
  },
}

interface CallingClientLike {
  readonly calls: { answer(callId: string, params: object): Promise<unknown> }
  close?(): Promise<void>
}

/** `@microsoft/microsoft-graph-client`: `Client.init({ authProvider, baseUrl }).api(path).post(body)` over global fetch. */
const graphClient: Contender = {
  id: 'graph-client',
  label: '@microsoft/microsoft-graph-client',
  async create(setup) {
    const url = setup.peers['@microsoft/microsoft-graph-client']
    if (!url) throw new Error('@microsoft/microsoft-graph-client is not installed')
    const { Client } = await import(url)
    const client = Client.init({
      authProvider: (done: (error: unknown, token: string) => void) => done(null, setup.token),
      baseUrl: `${setup.origin}/`,
      defaultVersion: 'v1.0',
    })
    return {
      async send(callId) {
        // Resolves with the (empty) body; a status >= 400 rejects with a GraphError.
        await client.api(`/communications/calls/${encodeURIComponent(callId)}/answer`).post(setup.params)
      },
      close: async () => {},
    }
  },
}

/** Kiota's `@microsoft/msgraph-sdk`: `client.communications.calls.byCallId(id).answer.post(body)` over global fetch. */
const kiota: Contender = {
  id: 'kiota',
  label: '@microsoft/msgraph-sdk (Kiota)',
  async create(setup) {
    const sdkUrl = setup.peers['@microsoft/msgraph-sdk']
    const abstractionsUrl = setup.peers['@microsoft/kiota-abstractions']
    if (!sdkUrl || !abstractionsUrl) throw new Error('@microsoft/msgraph-sdk is not installed')
    const sdk = await import(sdkUrl)
    const models = await import(new URL('models/index.js', sdkUrl).href)
    const errors = await import(new URL('models/oDataErrors/index.js', sdkUrl).href)
    const { BaseBearerTokenAuthenticationProvider } = await import(abstractionsUrl)
    registerCommunicationsAnswer({ extendGraphServiceClient: sdk.extendGraphServiceClient, models, createODataError: errors.createODataErrorFromDiscriminatorValue })
    const tokens = {
      getAuthorizationToken: async () => setup.token,
      getAllowedHostsValidator: () => ({ isUrlHostValid: () => true }),
    }
    const adapter = new sdk.GraphRequestAdapter(new BaseBearerTokenAuthenticationProvider(tokens))
    adapter.baseUrl = `${setup.origin}/v1.0`
    const client = sdk.createGraphServiceClient(adapter)
    const body = kiotaAnswerBody(setup.params)
    return {
      async send(callId) {
        // sendNoResponseContent throws an ODataError for a status >= 400.
        await client.communications.calls.byCallId(callId).answer.post(body)
      },
      close: async () => {},
    }
  },
}

/** Every contender, the baseline first. */
export const contenders: readonly Contender[] = [rawUndici, builderOverUndici, graphCalling, graphClient, kiota]

/** The contender with id `id`. */
export function contenderById(id: string): Contender {
  const found = contenders.find((c) => c.id === id)
  if (!found) throw new Error(`no contender "${id}"`)
  return found
}
