/** The bodies the fuzzers start from: every notification fixture, and every notification on the v1.0 `call: answer` page. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { notificationBodies, v1AnswerPage } from '../fixtures/seeds/read-seed.ts'

/** One seed body: where it comes from, and its JSON text. */
export interface SeedBody {
  readonly name: string
  readonly text: string
}

const fixturesDir = join(import.meta.dirname, '../fixtures/notifications')

/** The seed bodies, each once (the fixtures repeat the page's examples). */
export function seedBodies(): SeedBody[] {
  const seeds = new Map<string, SeedBody>()
  for (const file of readdirSync(fixturesDir).filter((f) => f.endsWith('.json')).sort()) {
    const { cases } = JSON.parse(readFileSync(join(fixturesDir, file), 'utf8')) as { cases: { name: string; body: unknown }[] }
    for (const { name, body } of cases) {
      const text = JSON.stringify(body)
      if (!seeds.has(text)) seeds.set(text, { name: `${file}: ${name}`, text })
    }
  }
  notificationBodies(v1AnswerPage()).forEach((body, i) => {
    const text = JSON.stringify(body)
    if (!seeds.has(text)) seeds.set(text, { name: `v1.0 call: answer page, notification ${i + 1}`, text })
  })
  return [...seeds.values()]
}
