import { describe, expect, it } from 'vitest'
import { escapeControls } from '../../../src/transport/escape-controls.ts'

describe('escapeControls', () => {
  it('writes C0, DEL, C1 and the line and paragraph separators as escapes', () => {
    expect(escapeControls('a\nb\rc\td\u0000e\u001b[31mf\u007fg\u0085h\u009bi\u2028j\u2029k')).toBe('a\\nb\\rc\\td\\u0000e\\u001b[31mf\\u007fg\\u0085h\\u009bi\\u2028j\\u2029k')
  })

  it('leaves printable text, other Unicode and backslashes as they are', () => {
    const text = 'Call not found: "x" \\ é 通话 🎧 \u00a0'
    expect(escapeControls(text)).toBe(text)
  })
})
