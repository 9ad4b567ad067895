// The program `valgrind --tool=callgrind` counts instructions of: `count` parses of one seed notification,
// by `parseNotifications` or by bare `JSON.parse`. It warms up until V8 has optimized the loop, prints
// `ready`, and waits for its stdin to close: only then is counting on. The bench runs it with `count` = n and
// 2n and divides the difference by n. Plain JavaScript, not TypeScript, so nothing is type-stripped.
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
for (let k = 0; k < 20; k++) sink += run(1000)
process.stdout.write('ready\n')
readFileSync(0)
sink += run(Number(countText))
process.stdout.write(`${sink}\n`)
