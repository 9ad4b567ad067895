// `npm start`: a real bot (examples/node-http-bot.ts) on node:http answers a call from the Graph simulator,
// with no Azure account and no network. The simulated Graph throttles the first answer (429, Retry-After 1 s)
// and sends `established` before `establishing`, as Graph may; the bot retries within its deadline, ignores
// the late notification, plays a greeting and hangs up. Then the timeline of the call is printed.
import { createGraphSimulator, tunnelTo, type GraphSimulator, type SimulatorRecord } from 'graph-calling/testing'
import { startNodeHttpBot } from './node-http-bot.ts'

/** One line of the timeline: when, who, what. */
interface TimelineEntry {
  readonly at: number
  readonly who: string
  readonly what: string
}

const PUBLIC_URL = 'https://bot.contoso.com/api/calls'
const shortId = (id: string): string => `${id.slice(0, 8)}…`

function describe(record: SimulatorRecord): TimelineEntry {
  if (record.kind === 'notification') {
    const outcome = record.status === undefined ? `not delivered: ${record.error}` : `bot answered ${record.status}`
    return { at: record.at, who: 'Graph → bot', what: `${record.label.padEnd(22)} ${outcome} (${record.durationMs} ms)` }
  }
  const retryAfter = record.responseHeaders['retry-after'] === undefined ? '' : `, Retry-After: ${record.responseHeaders['retry-after']} s`
  const path = record.callId === undefined ? record.path : record.path.replace(record.callId, shortId(record.callId))
  return { at: record.at, who: 'bot → Graph', what: `${`${record.method} ${path}`.padEnd(52)} ${record.status ?? 'no answer'}${retryAfter} (${record.durationMs} ms)` }
}

function summary(graph: GraphSimulator, callId: string): { lines: string[]; ok: boolean } {
  const call = graph.call(callId)
  const answeredAfter = (call.respondedAt ?? Number.NaN) - call.placedAt
  const deadlineMs = (call.answerDeadlineAt ?? Number.NaN) - call.placedAt
  const notifications = graph.notifications
  const accepted = notifications.filter((n) => n.status === 202).length
  const throttled = graph.requests.filter((r) => r.status === 429).length
  const ok = call.state === 'terminated' && answeredAfter < deadlineMs && accepted === notifications.length && call.resultInfo?.code === 200
  return {
    ok,
    lines: [
      `call ${callId}: ${call.state}, ${call.resultInfo?.message ?? ''}`,
      `answered ${answeredAfter} ms after the call came in: deadline ${deadlineMs} ms, ${answeredAfter < deadlineMs ? 'met' : 'MISSED'} (${throttled} throttled answer retried)`,
      `${notifications.length} notifications, each signed with a test key and verified by the bot: ${accepted} accepted (202)`,
      `${graph.requests.length} requests to Graph: ${graph.requests.map((r) => `${r.action} ${r.status}`).join(', ')}`,
    ],
  }
}

/** Runs the demo call; resolves with whether it went as a bot's call should. */
export async function runDemo(write: (line: string) => void = (line) => console.log(line)): Promise<boolean> {
  const started = Date.now()
  const timeline: TimelineEntry[] = []
  let botUrl = ''
  const graph = await createGraphSimulator({
    callbackUri: PUBLIC_URL,
    // Graph calls the bot's public https URL; a tunnel brings it to the bot on localhost.
    deliver: (notification) => tunnelTo(botUrl)(notification),
    notifications: { establishedFirst: true },
    operationDurationMs: 800, // the greeting takes a moment to play
    onRecord: (record) => timeline.push(describe(record)),
  })
  const graphServer = await graph.listen()
  const bot = await startNodeHttpBot({
    appId: graph.signer.appId,
    callbackUri: PUBLIC_URL,
    // The bot's client talks to the simulated Graph over HTTP, with the simulator's credential.
    client: { credential: graph.credential, baseUrl: graphServer.baseUrl },
    // The bot verifies every notification's token, against the simulator's signing keys.
    verify: { openIdConfigurationUrl: graph.signer.openIdConfigurationUrl, fetch: graph.signer.fetch },
    port: 0,
    log: (line) => timeline.push({ at: Date.now(), who: 'bot', what: line }),
  })
  botUrl = bot.url
  try {
    write('graph-calling demo: a bot answers a simulated Teams call, on this machine only')
    write(`  bot             ${bot.url} (public URL ${PUBLIC_URL})`)
    write(`  simulated Graph ${graphServer.baseUrl}`)
    write('')
    // Graph throttles the first answer: the client waits what Graph asks, and retries.
    graph.injectFault({ action: 'answer', status: 429, retryAfterSec: 1 })
    const call = await graph.placeIncomingCall({ caller: { user: { id: '6d7a1c1e-2b3f-4c5d-8e9f-a0b1c2d3e4f5', displayName: 'Ada Lovelace' } } })
    await graph.waitForState(call.id, 'terminated')
    await graph.idle()
    for (const entry of timeline.sort((a, b) => a.at - b.at)) {
      write(`  ${`+${entry.at - call.placedAt} ms`.padStart(9)}  ${entry.who.padEnd(12)} ${entry.what}`)
    }
    const { lines, ok } = summary(graph, call.id)
    write('')
    for (const line of lines) write(`  ${line}`)
    write('')
    write(ok ? `the bot handled the call in ${Date.now() - started} ms` : 'the call did not go as it should: see above')
    return ok
  } finally {
    await bot.close()
    await graph.close()
  }
}

if (import.meta.main) {
  process.exitCode = (await runDemo()) ? 0 : 1
}
