/**
 * The program `valgrind --tool=callgrind` counts instructions of: `count` parses of the seed notifications,
 * by `parseNotifications` or by bare `JSON.parse`, cycling over the kinds. The bench runs it with two
 * counts and divides the difference, so start-up and import cancel out.
 *
 * Usage: node callgrind-run.ts <json|parse> <count> <notifications-entry-url>
 */
import { seedNotifications } from '../seeds.ts'

const [how, countText, entryUrl] = process.argv.slice(2)
const count = Number(countText)
const texts = seedNotifications().map((s) => s.text)
// Both variants import the library, so the fixed cost is the same in either.
const { parseNotifications } = (await import(entryUrl!)) as { parseNotifications: (body: string) => unknown[] }
let sink = 0
if (how === 'parse') for (let i = 0; i < count; i++) sink += parseNotifications(texts[i % texts.length]!).length
else for (let i = 0; i < count; i++) sink += (JSON.parse(texts[i % texts.length]!) as { value: unknown[] }).value.length
process.stdout.write(`${sink}\n`)
