/** C0, DEL, C1, and the line and paragraph separators that JavaScript and some log viewers break lines at. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g

const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/**
 * `text` with each control character written as its escape (`\n`, `\u001b`), so that words from a server
 * put in a message can neither start a log line of their own nor restyle a terminal.
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
