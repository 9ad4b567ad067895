/**
 * The bodies the fuzzers start from: every notification fixture, every notification on the v1.0 `call: answer`
 * page, and a call in the legacy Skype format.
 */
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
  // A call in the legacy Skype format, which is answered 204: its mutations fall on both sides of that test.
  const legacy = { id: '11111111-2222-3333-4444-555555555555', participants: [{ identity: '8:skype.user', languageId: 'en', originator: true }], isMultiparty: false, presentedModalityTypes: ['audio'], callState: 'incoming' }
  seeds.set(JSON.stringify(legacy), { name: 'the first call notification of the Skype calling API (legacy format)', text: JSON.stringify(legacy) })
  return [...seeds.values()]
}
