/**
 * One JSON token where the scan stands (sticky): whitespace, a bracket that opens (group 1) or closes
 * (group 2), `,` or `:`, a whole string, or a number or literal (group 3). A number must not run on
 * (`1.`, `01`), so that a malformed one is found where it starts.
 */
const TOKEN = /[ \t\n\r]+|([[{])|([\]}])|[,:]|"(?:[^"\\\0-\x1f]|\\["\\/bfnrt]|\\u[\dA-Fa-f]{4})*"|(-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[Ee][+-]?\d+)?(?![.\dEe])|true|false|null)/y

/**
 * Where text that `JSON.parse` refused first breaks the JSON grammar, and what it needed there, in words
 * (`line 1, column 13 needs ',' or '}'`). The engine's message is not used: it may quote the text, and a
 * notification body can hold secrets. Walks with a stack of open brackets, not recursion, so any depth
 * of nesting is located.
 */
export function jsonSyntaxError(text: string): string {
  let at = 0
  // The closing bracket of each object and array still open, innermost last.
  const closers: string[] = []
  // What comes next: 0 a value, 1 a property name, 2 ':', 3 what follows a value, 4 a value or ']', 5 a property name or '}'.
  let state = 0
  let token: RegExpExecArray | null
  for (; ; at = TOKEN.lastIndex) {
    TOKEN.lastIndex = at
    token = TOKEN.exec(text)
    if (token === null) break
    const [c, opens, closes, scalar] = token
    const top = closers.at(-1)
    const value = state === 0 || state === 4
    if (c.trim() === '') continue
    if (opens && value) closers.push(c === '{' ? '}' : ']'), (state = c === '{' ? 5 : 4)
    else if (closes && c === top && state > 2) closers.pop(), (state = 3)
    else if (c === ',' && top && state === 3) state = top === '}' ? 1 : 0
    else if (c === ':' && state === 2) state = 0
    else if ((scalar && value) || (c[0] === '"' && state !== 2 && state !== 3)) state = state % 2 === 1 ? 2 : 3
    else break
  }
  // Nothing but whitespace was read, and nothing else is there.
  if (state === 0 && closers.length === 0 && at >= text.length) return 'got an empty body'
  const before = text.slice(0, at)
  const where = `line ${before.split('\n').length}, column ${at - before.lastIndexOf('\n')}${at < text.length ? '' : ' (the end of the body)'}`
  // A string or a number that starts well but does not go on as one is named as a whole.
  const c = token === null ? text[at] : undefined
  if (c === '"') return `the string at ${where} does not end, or holds a control character or a bad escape`
  if (c !== undefined && '-0123456789'.includes(c)) return `the number at ${where} is malformed`
  const name = 'a property name in double quotes'
  const afterValue = closers.length > 0 ? `',' or '${closers.at(-1)}'` : 'the end of the body, after a complete JSON value'
  return `${where} needs ${['a value', name, "':'", afterValue, "a value or ']'", `${name} or '}'`][state]}`
}
