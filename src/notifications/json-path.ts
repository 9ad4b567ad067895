/** Writes a JSON path (`$.value[0]["@odata.type"]`) from its segments, as the decoders write theirs. */
export function jsonPath(segments: readonly (string | number)[]): string {
  let path = '$'
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`
    else path += isIdentifier(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`
  }
  return path
}

function isIdentifier(key: string): boolean {
  if (key.length === 0) return false
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i)
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36
    if (!letter && !(i > 0 && c >= 48 && c <= 57)) return false
  }
  return true
}
