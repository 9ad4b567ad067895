import { expect, it } from 'vitest'
import { runDemo } from '../../examples/demo.ts'

it('npm start: the demo call goes through, with the deadline met, and prints its timeline', async () => {
  const lines: string[] = []
  expect(await runDemo((line) => lines.push(line))).toBe(true)
  const text = lines.join('\n')
  expect(text).toContain('429, Retry-After: 1 s')
  expect(text).toContain('ignored a late call.establishing')
  expect(text).toMatch(/deadline 15000 ms, met/)
  expect(text).toContain('5 notifications, each signed with a test key and verified by the bot: 5 accepted (202)')
  expect(text).toContain('answer 429, answer 202, playPrompt 200, hangUp 204')
})
