/**
 * Quotes a value read from a token (a claim or a header field) for an error message: JSON-quoted, with
 * control characters escaped and cut at 100 characters, so a forged value can neither flood nor forge log lines.
 */
export function quoteClaim(value: unknown): string {
  // Any other value is quoted as its JSON, so an array or a number does not pass for a string in the message.
  const text = JSON.stringify(typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)))
  return text.length > 102 ? `${text.slice(0, 100)}..."` : text
}
