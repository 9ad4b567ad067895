// The program `valgrind --tool=callgrind` counts instructions of: `count` parses of one seed notification,
// by `parseNotifications` or by bare `JSON.parse`, after a warm-up that lets V8 optimize the loop. The bench
// runs it with `count` = N and 2N and divides the difference by N, so start-up, warm-up and compilation
// cancel out. Plain JavaScript, not TypeScript: under valgrind, stripping types would cost more than the
// parses themselves.
//
// Usage: node callgrind-run.mjs <json|parse> <count> <notification-text-file> <notifications-entry-url>
import { readFileSync } from 'node:fs'

const [how, countText, textFile, entryUrl] = process.argv.slice(2)
const text = readFileSync(textFile, 'utf8')
// Both variants import the library, so the fixed cost is the same in either.
const { parseNotifications } = await import(entryUrl)
const parse = how === 'parse' ? () => parseNotifications(text).length : () => JSON.parse(text).value.length

function run(count) {
  let sink = 0
  for (let i = 0; i < count; i++) sink += parse()
  return sink
}

let sink = 0
// Calls of `run` itself, not one long loop, so `run` is optimized as a function before the counted call.
for (let k = 0; k < 8; k++) sink += run(500)
sink += run(Number(countText))
process.stdout.write(`${sink}\n`)
