/**
 * No leaked sockets, timers or pending requests: a child process makes calls that meet every fault
 * (against servers in this process), closes its clients and must then exit on its own, without
 * `process.exit`, well before a bound. A control run that leaves its clients open must not exit, which
 * shows that the bound catches what is left running.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { selfSignedCert } from '../integration/client/self-signed-cert.ts'
import { AUTHORITY_TENANT, FaultyAuthority, type TokenAnswer } from './faulty-authority.ts'
import { FaultyGraph } from './faulty-graph.ts'
import type { ScenarioInput, ScenarioOutcome } from './scenarios/calls-then-close.ts'

/** The time limit the scenario gives the calls meant to run out of time (`SHORT_TIMEOUT_MS` there). */
const SHORT_TIMEOUT_MS = 1_000

const NODE = join(import.meta.dirname, '../../node_modules/.bin/node')
const SCENARIO = join(import.meta.dirname, 'scenarios/calls-then-close.ts')

/** How long the scenario may take to exit; it needs 3 to 4 s on an idle machine (two phases of calls of up to 1 to 2 s each). */
const EXIT_BOUND_MS = 30_000
/** How long the control run is watched once it has printed its outcomes; it would exit in this time only if nothing were left open. */
const CONTROL_WATCH_MS = 3_000

interface Run {
  /** The exit code, or undefined when the process was still running at the bound (and was killed). */
  readonly code: number | undefined
  readonly ms: number
  readonly stdout: string
  readonly stderr: string
}

/**
 * Runs the scenario in a child process; kills it at `boundMs` if it has not exited by then, or `watchMs`
 * after it printed its outcomes when that is given.
 */
function runScenario(input: ScenarioInput, bounds: { boundMs: number; watchMs?: number }, ...flags: string[]): Promise<Run> {
  const start = performance.now()
  const child = spawn(NODE, [SCENARIO, JSON.stringify(input), ...flags], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
  return new Promise((resolve) => {
    let killed = false
    const kill = () => {
      killed = true
      child.kill('SIGKILL')
    }
    const bound = setTimeout(kill, bounds.boundMs)
    let watch: NodeJS.Timeout | undefined
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk
      if (bounds.watchMs !== undefined && watch === undefined && stdout.includes('\n')) watch = setTimeout(kill, bounds.watchMs)
    })
    child.on('exit', (code) => {
      clearTimeout(bound)
      clearTimeout(watch)
      resolve({ code: killed ? undefined : (code ?? undefined), ms: performance.now() - start, stdout, stderr })
    })
  })
}

let graph: FaultyGraph
const authorities: FaultyAuthority[] = []
let input: ScenarioInput

beforeAll(async () => {
  graph = await FaultyGraph.start()
  const answers: TokenAnswer[] = ['token', 'fail-500', 'truncated']
  const started = await Promise.all([...answers, 'hang' as const].map((answer) => FaultyAuthority.start(answer)))
  authorities.push(...started)
  const hanging = started.at(-1)!
  input = {
    graphUrl: graph.url,
    // Port 1 is privileged and closed on a test machine: the connection is refused.
    refusedUrl: 'http://127.0.0.1:1',
    authorities: Object.fromEntries(answers.map((answer, i) => [answer, started[i]!.url])),
    hangingTokenUrl: `${hanging.url}/${AUTHORITY_TENANT}/oauth2/v2.0/token`,
    ca: selfSignedCert().cert.toString(),
  }
})
afterAll(async () => {
  await Promise.all([graph.close(), ...authorities.map((a) => a.close())])
})

describe('after meeting every fault and closing its clients, a process exits on its own', () => {
  it('exits with 0 before the bound; every call ended typed; nothing accepted was sent twice', { timeout: EXIT_BOUND_MS + 10_000 }, async () => {
    const [run, control] = await Promise.all([
      runScenario(input, { boundMs: EXIT_BOUND_MS }),
      runScenario(input, { boundMs: EXIT_BOUND_MS, watchMs: CONTROL_WATCH_MS }, '--leave-open'),
    ])

    expect(run.stderr).toBe('')
    expect(run.code, `the scenario did not exit with 0 within ${EXIT_BOUND_MS} ms; it printed ${run.stdout}`).toBe(0)
    expect(run.ms).toBeLessThan(EXIT_BOUND_MS)
    const outcomes = JSON.parse(run.stdout) as ScenarioOutcome[]
    expect(outcomes.filter((o) => !o.typed)).toEqual([])
    expect(Object.fromEntries(outcomes.map((o) => [o.call, o.ended]))).toEqual({
      'playPrompt accept': 202,
      'playPrompt reset-mid-body': 'ConnectionError',
      'playPrompt created-reset-mid-body': 'ConnectionError',
      'playPrompt accepted-reset-mid-body': 202,
      'playPrompt created-stall-mid-body': 'TimeoutError',
      'playPrompt reset': 'ConnectionError',
      'playPrompt hang': 'TimeoutError',
      'playPrompt dribble': 'TimeoutError',
      'playPrompt html-500': 'GraphApiError',
      'playPrompt truncated-503': 'GraphApiError',
      'playPrompt throttle': 'TimeoutError',
      'playPrompt throttle-once': 202,
      'createCall created-reset-mid-body': 'ConnectionError',
      'get reset-mid-body': 'ConnectionError',
      'playPrompt to a closed port': 'ConnectionError',
      'playPrompt with a token endpoint that never answers': 'TimeoutError',
      'playPrompt with a token authority answering token': 202,
      'playPrompt with a token authority answering fail-500': 'CredentialError',
      'playPrompt with a token authority answering truncated': 'CredentialError',
      'playPrompt throttle, waiting to retry when its client closes': 'ConnectionError',
    })
    // The calls meant to run out of time did so at their 1 s limit, with room for a busy machine.
    for (const outcome of outcomes.filter((o) => /hang|dribble|stall|never answers/.test(o.call))) expect(outcome.ms, outcome.call).toBeLessThan(SHORT_TIMEOUT_MS + 5_000)
    expect(graph.resentAfterAccepted()).toEqual([])

    // The control ran the same calls and left its clients open: the wait before a retry remains.
    const controlOutcomes = JSON.parse(control.stdout) as ScenarioOutcome[]
    expect(controlOutcomes).toHaveLength(outcomes.length)
    expect(controlOutcomes.at(-1)!.ended).toBe('still waiting')
    expect(control.code, 'the control run exited although its clients were left open').toBeUndefined()
  })
})
