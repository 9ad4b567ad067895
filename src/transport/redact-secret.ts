/** What a secret's occurrences are replaced with. */
export const REDACTED = '[redacted]'

// A token this long cannot turn up in a message by chance, so every occurrence is the secret itself.
const ALWAYS_SECRET_LENGTH = 16
// The characters of JWTs and of the opaque tokens credentials return.
const TOKEN_CHARACTER = /[\w\-.~+/=]/
// A JWT (its header always begins `{"`, which is `eyJ` in base64url) is a credential wherever it stands.
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]*/g
// The scheme and the run of b64token characters after it (RFC 6750), for `looksLikeCredential` to judge.
const BEARER = /(bearer\s+)([\w\-.~+/]+=*)/gi
// Shorter runs after "Bearer" are words (`x`, `none`), not credentials.
const MIN_CREDENTIAL_LENGTH = 8
// A digit or a b64token symbol other than the hyphen, which English words have too (`token-based`).
const CREDENTIAL_MARK = /[\d._~+/=]/

/**
 * `text` with the token, any JWT, and any bearer credential, replaced by `[redacted]`. A token shorter
 * than 16 characters (a test's placeholder, such as `t`) is replaced only where it stands alone, so that
 * the words around it (`connect`) stay readable; so are the words after "Bearer" (`Bearer token is missing`).
 */
export function redactSecret(text: string, token: string | undefined): string {
  let out = text
  if (token !== undefined && token.length > 0) {
    out = token.length >= ALWAYS_SECRET_LENGTH ? out.split(token).join(REDACTED) : withoutStandaloneToken(out, token)
  }
  return out.replace(JWT, REDACTED).replace(BEARER, (match, scheme: string, run: string, at: number, whole: string) => {
    // The end of a sentence is not part of the credential.
    const credential = run.replace(/\.+$/, '')
    return looksLikeCredential(credential, whole.charAt(at + match.length)) ? `${scheme}${REDACTED}${run.slice(credential.length)}` : match
  })
}

/** Whether `run`, which came after "Bearer" and is followed by `next`, is a credential rather than a word or a challenge's parameter. */
function looksLikeCredential(run: string, next: string): boolean {
  // `realm="x"` and `error=invalid_token` are the parameters of a challenge (WWW-Authenticate).
  if (run.endsWith('=') && (next === '"' || TOKEN_CHARACTER.test(next))) return false
  return run.length >= MIN_CREDENTIAL_LENGTH && CREDENTIAL_MARK.test(run)
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
