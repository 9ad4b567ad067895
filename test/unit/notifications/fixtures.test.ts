/**
 * Every notification fixture (the seed pages' examples and the edge cases) parses into exactly the events
 * it lists, whether the body comes as text, as bytes or already parsed.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseNotifications } from '../../../src/notifications/index.ts'

interface FixtureCase {
  name: string
  body: unknown
  expected: Record<string, unknown>[]
}

const dir = join(import.meta.dirname, '../../fixtures/notifications')
const files = readdirSync(dir).filter((f) => f.endsWith('.json'))

describe.each(files)('fixture %s', (file) => {
  const fixture = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { receivedAt: string; cases: FixtureCase[] }
  const receivedAt = new Date(fixture.receivedAt)

  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_name, { body, expected }) => {
    const text = JSON.stringify(body)
    const fromText = parseNotifications(text, { receivedAt })
    const fromBytes = parseNotifications(new TextEncoder().encode(text), { receivedAt })
    const fromObject = parseNotifications(JSON.parse(text), { receivedAt })
    for (const events of [fromText, fromBytes, fromObject]) {
      expect(events).toHaveLength(expected.length)
      // The JSON form turns dates into ISO strings, as the fixtures write them.
      expect(JSON.parse(JSON.stringify(events))).toMatchObject(expected)
    }
    // Every event keeps its item untouched.
    const items = (JSON.parse(text) as { value: unknown[] }).value
    expect(fromText.map((e) => e.raw)).toEqual(items)
  })
})

it('the fixtures hold every notification of both seed pages', () => {
  const count = (file: string) => (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { cases: unknown[] }).cases.length
  // v1.0: incoming, establishing, established (twice each), content sharing started and ended, policy-based recording.
  expect(count('seed-v1.0-call-answer.json')).toBe(9)
  expect(count('seed-beta-call-answer.json')).toBe(9)
})
