/**
 * The program `valgrind --tool=callgrind` counts instructions of: one contender answering `count` calls
 * one after another against the loopback server, after a warm-up. The bench runs it with `count` = n and
 * 2n and divides the difference by n: the client's instructions per answer, which hold still when the
 * machine's timings do not.
 *
 * Usage: node count-run.ts <contender-id> <setup-json> <count>
 */
import { contenderById, type AnswerSetup } from './contenders.ts'

const [id, setupJson, countText] = process.argv.slice(2)
const setup = JSON.parse(setupJson!) as AnswerSetup
const sender = await contenderById(id!).create(setup)
const callId = '00000000-5c1f-4d99-b5f4-2722e877d497'

async function run(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await sender.send(callId)
}

// Calls of `run` itself, so it is optimized as a function before the counted call.
for (let k = 0; k < 8; k++) await run(100)
await run(Number(countText))
await sender.close()
