import { inspect } from 'node:util'
import { expect } from 'vitest'

/** Fails when `secret` shows anywhere in `value`: its message, any property, its causes, or `util.inspect` at full depth. */
export function expectNoSecret(value: unknown, secret: string): void {
  const shown = inspect(value, { depth: Infinity, showHidden: true, getters: true })
  expect(shown).not.toContain(secret)
  if (value instanceof Error) {
    expect(value.message).not.toContain(secret)
    expect(JSON.stringify(Object.entries(value), (_, v) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(secret)
  }
}
