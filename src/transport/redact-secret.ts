/** What a secret's occurrences are replaced with. */
export const REDACTED = '[redacted]'

// A token this long cannot turn up in a message by chance, so every occurrence is the secret itself.
const ALWAYS_SECRET_LENGTH = 16
// The characters of JWTs and of the opaque tokens credentials return.
const TOKEN_CHARACTER = /[\w\-.~+/=]/

/**
 * `text` with the token, and any bearer credential, replaced by `[redacted]`. A token shorter than 16
 * characters (a test's placeholder, such as `t`) is replaced only where it stands alone, so that the words
 * around it (`connect`) stay readable.
 */
export function redactSecret(text: string, token: string | undefined): string {
  let out = text
  if (token !== undefined && token.length > 0) {
    out = token.length >= ALWAYS_SECRET_LENGTH ? out.split(token).join(REDACTED) : withoutStandaloneToken(out, token)
  }
  return out.replace(/(bearer\s+)(?!\[redacted\])[^\s"',;}]+/gi, `$1${REDACTED}`)
}

/** `text` with each occurrence of `token` that no other token character touches replaced. */
function withoutStandaloneToken(text: string, token: string): string {
  let out = ''
  let from = 0
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + token.length)) {
    const end = at + token.length
    if (TOKEN_CHARACTER.test(text.charAt(at - 1)) || TOKEN_CHARACTER.test(text.charAt(end))) continue
    out += text.slice(from, at) + REDACTED
    from = end
  }
  return out + text.slice(from)
}
