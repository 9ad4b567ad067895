/**
 * Run in a child process by exit-on-its-own.test.ts: makes calls that meet every fault of the faulty
 * servers, closes its clients (one call still waiting to retry) and returns. It never calls `process.exit`: the process ends only when
 * nothing (socket, timer, pending request) is left holding it open.
 *
 * Usage: node calls-then-close.ts '<JSON of ScenarioInput>' [--leave-open]
 * Prints one JSON line: the outcome of every call.
 */
import { ClientSecretCredential } from '@azure/identity'
import { Agent, request } from 'undici'
import type { CallingClient, GetToken, GraphResponse } from '../../../src/index.ts'
import { GraphCallingError } from '../../../src/index.ts'
import { createCall, ending, faultClient, getCall, playPrompt } from '../fault-calls.ts'
import { AUTHORITY_TENANT, type TokenAnswer } from '../faulty-authority.ts'
import { FAULTS } from '../faulty-graph.ts'

/** What the parent tells the scenario. */
export interface ScenarioInput {
  /** The faulty Graph. */
  readonly graphUrl: string
  /** A URL on a closed port. */
  readonly refusedUrl: string
  /** Token authorities for `ClientSecretCredential`, by how they answer. */
  readonly authorities: Partial<Record<TokenAnswer, string>>
  /** A token endpoint that never answers, asked by a `getToken` function that honours its abort signal. */
  readonly hangingTokenUrl: string
  /** The authorities' CA certificate (PEM). */
  readonly ca: string
}

/** How one call of the scenario ended. */
export interface ScenarioOutcome {
  readonly call: string
  /** Graph's status, the error's class name, or `still waiting`. */
  readonly ended: number | string
  /** Whether a thrown error was one of the library's typed errors. */
  readonly typed: boolean
  readonly ms: number
}

const input = JSON.parse(process.argv[2]!) as ScenarioInput
const leaveOpen = process.argv.includes('--leave-open')

function credentialOf(answer: TokenAnswer): ClientSecretCredential {
  return new ClientSecretCredential(AUTHORITY_TENANT, 'bot-app-id', 'client-secret-value', {
    authorityHost: input.authorities[answer]!,
    disableInstanceDiscovery: true,
    tlsOptions: { ca: input.ca },
    retryOptions: { maxRetries: 0 },
  })
}

/** A credential of its own making whose request never gets an answer: only its abort signal ends it. */
const tokenAgent = new Agent({ connect: { ca: input.ca } })
const hangingGetToken: GetToken = async (_scopes, options) => {
  const response = await request(input.hangingTokenUrl, { method: 'POST', body: 'grant_type=client_credentials', dispatcher: tokenAgent, signal: options?.abortSignal })
  return (await response.body.json()) as Awaited<ReturnType<GetToken>>
}

/** The time limit of the calls meant to run out of time; every other limit is roomy, so that a busy machine does not reach it. */
const SHORT_TIMEOUT_MS = 1_000
const ROOMY_MS = 10_000

const graph = faultClient(input.graphUrl, { maxRetries: 1, timeoutMs: ROOMY_MS })
const impatient = faultClient(input.graphUrl, { maxRetries: 1, timeoutMs: SHORT_TIMEOUT_MS })
const refused = faultClient(input.refusedUrl, { maxRetries: 1 })
const hanging = faultClient(input.graphUrl, { credential: hangingGetToken, timeoutMs: SHORT_TIMEOUT_MS })
const byAuthority = (Object.keys(input.authorities) as TokenAnswer[]).map(
  (answer) => [answer, faultClient(input.graphUrl, { credential: credentialOf(answer), timeoutMs: ROOMY_MS })] as const,
)
const clients: CallingClient[] = [graph, impatient, refused, hanging, ...byAuthority.map(([, c]) => c)]

type Call = readonly [name: string, run: () => Promise<GraphResponse<unknown>>]
const deadline = () => ({ deadline: new Date(Date.now() + ROOMY_MS) })
const clientFor = (fault: (typeof FAULTS)[number]) => (fault === 'hang' || fault === 'dribble' || fault === 'created-stall-mid-body' ? impatient : graph)
/** Graph's faults first, then the token faults: loading the credential's code must not eat the first ones' time limits. */
const phases: Call[][] = [
  [
    ...FAULTS.map((fault, i): Call => [`playPrompt ${fault}`, () => playPrompt(clientFor(fault), fault, i, deadline())]),
    ['createCall created-reset-mid-body', () => createCall(graph, 'created-reset-mid-body', deadline())],
    ['get reset-mid-body', () => getCall(graph, 'reset-mid-body', 0, deadline())],
    ['playPrompt to a closed port', () => playPrompt(refused, 'accept')],
  ],
  [
    ['playPrompt with a token endpoint that never answers', () => playPrompt(hanging, 'accept')],
    ...byAuthority.map(([answer, c]): Call => [`playPrompt with a token authority answering ${answer}`, () => playPrompt(c, 'accept')]),
  ],
]

/** How a call ended, when it has. */
async function outcomeOf(call: string, run: Promise<GraphResponse<unknown>>): Promise<ScenarioOutcome> {
  const end = await ending(run)
  const typed = end.error === undefined || end.error instanceof GraphCallingError
  return { call, ended: end.status ?? end.error?.name ?? 'nothing', typed, ms: Math.round(end.ms) }
}

// Throttled with a Retry-After of an hour that its deadline allows: still waiting to retry when the clients close.
const waitingCall = 'playPrompt throttle, waiting to retry when its client closes'
const waiting = outcomeOf(waitingCall, playPrompt(graph, 'throttle', FAULTS.length, { deadline: new Date(Date.now() + 7_200_000) }))

const outcomes: ScenarioOutcome[] = []
for (const calls of phases) {
  outcomes.push(...(await Promise.all(calls.map(([call, run]) => outcomeOf(call, run())))))
}
if (!leaveOpen) {
  await Promise.all(clients.map((c) => c.close()))
  await tokenAgent.close()
}
const stillWaiting = new Promise<ScenarioOutcome>((resolve) => setImmediate(() => resolve({ call: waitingCall, ended: 'still waiting', typed: true, ms: 0 })))
outcomes.push(await Promise.race([waiting, stillWaiting]))
process.stdout.write(`${JSON.stringify(outcomes)}\n`)
if (outcomes.some((o) => !o.typed)) process.exitCode = 1
