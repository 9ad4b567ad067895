import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonSyntaxError } from '../../../src/notifications/json-syntax-error.ts'

/** Every message the locator gives: words of its own, line and column numbers, and brackets it names. */
const MESSAGE =
  /^(?:got an empty body|line \d+, column \d+(?: \(the end of the body\))? needs (?:a value(?: or '\]')?|a property name in double quotes(?: or '\}')?|':'|',' or '[\]}]'|the end of the body, after a complete JSON value)|the (?:string at|number at) line \d+, column \d+(?: \(the end of the body\))? (?:does not end, or holds a control character or a bad escape|is malformed))$/

function refused(text: string): string {
  expect(() => JSON.parse(text)).toThrow(SyntaxError)
  return jsonSyntaxError(text)
}

describe('jsonSyntaxError: where JSON text breaks, and what it needed there', () => {
  it.each([
    ['', 'got an empty body'],
    [' \r\n\t', 'got an empty body'],
    ['recordingAccessToken=eyJ0eXAi', 'line 1, column 1 needs a value'],
    ['{"value": [}', "line 1, column 12 needs a value or ']'"],
    ['{"value": [1 2]}', "line 1, column 14 needs ',' or ']'"],
    ['{"value": [],}', 'line 1, column 14 needs a property name in double quotes'],
    ["{'value': []}", "line 1, column 2 needs a property name in double quotes or '}'"],
    ['{"value" []}', "line 1, column 10 needs ':'"],
    ['{"value": []}}', 'line 1, column 14 needs the end of the body, after a complete JSON value'],
    ['{"value": [', "line 1, column 12 (the end of the body) needs a value or ']'"],
    ['{"value": [{}', "line 1, column 14 (the end of the body) needs ',' or ']'"],
    ['{\n  "value": [\n    { "a": true x }\n  ]\n}', "line 3, column 17 needs ',' or '}'"],
    ['{"token": "eyJ0eXAi', 'the string at line 1, column 11 does not end, or holds a control character or a bad escape'],
    ['{"token": "eyJ\\x"}', 'the string at line 1, column 11 does not end, or holds a control character or a bad escape'],
    ['{"token": "eyJ\u0001"}', 'the string at line 1, column 11 does not end, or holds a control character or a bad escape'],
    ['{"n": 01}', 'the number at line 1, column 7 is malformed'],
    ['{"n": 1.}', 'the number at line 1, column 7 is malformed'],
    ['{"n": -}', 'the number at line 1, column 7 is malformed'],
    ['{"n": tru}', 'line 1, column 7 needs a value'],
    ['\uFEFF{"value": []}', 'line 1, column 1 needs a value'],
  ])('%j: %s', (text, message) => {
    expect(refused(text)).toBe(message)
  })

  it('locates a break under any depth of nesting, without recursion', () => {
    expect(refused('['.repeat(200_000))).toBe("line 1, column 200001 (the end of the body) needs a value or ']'")
    expect(refused(`${'{"a":'.repeat(100_000)}1${'}'.repeat(99_999)}]`)).toBe("line 1, column 600001 needs ',' or '}'")
  })

  it('never quotes the text, and points at or before where V8 finds the break', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9]{12}$/).map((s) => `SECRET${s}`)
    const damage = fc.constantFrom('', 'x', ',', ':', '}', ']', '{', '[', '"', '\\', '\u0001', '-', '.', 'e', ' 1', '\n')
    fc.assert(
      fc.property(fc.json(), secret, fc.nat(), damage, fc.nat(3), (json, token, position, insert, removed) => {
        const whole = JSON.stringify({ value: [JSON.parse(json)], recordingAccessToken: token })
        const at = position % (whole.length + 1)
        const text = whole.slice(0, at) + insert + whole.slice(at + removed)
        let engine: string
        try {
          JSON.parse(text)
          return
        } catch (error) {
          engine = (error as Error).message
        }
        const message = jsonSyntaxError(text)
        expect(message).toMatch(MESSAGE)
        expect(message).not.toContain('SECRET')
        const v8 = /at position (\d+)/.exec(engine)
        const ours = /line 1, column (\d+)/.exec(message)
        if (v8 && ours) expect(Number(ours[1]) - 1).toBeLessThanOrEqual(Number(v8[1]))
      }),
      { numRuns: 2_000 },
    )
  })
})
