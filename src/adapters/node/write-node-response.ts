import type { ServerResponse } from 'node:http'

/**
 * Writes a Web `Response` to a `node:http` response, streaming its body with back-pressure. With
 * `closeConnection`, the connection closes after it, so an upload the handler refused is not read on.
 */
export async function writeNodeResponse(response: Response, res: ServerResponse, closeConnection: boolean): Promise<void> {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  if (closeConnection) headers.connection = 'close'
  res.writeHead(response.status, response.statusText || undefined, headers)
  if (response.body === null) {
    res.end()
    return
  }
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    if (!res.write(value)) await new Promise<void>((resolve) => res.once('drain', resolve))
  }
  res.end()
}
