import { describe, expect, it } from 'vitest'
import { tunnelTo } from '../../../src/testing/index.ts'

/** Where `tunnelTo(origin)` sends a notification Graph posts to `callbackUrl`. */
async function tunnelled(origin: string, callbackUrl: string): Promise<string> {
  let reached = ''
  const deliver = tunnelTo(origin, async (request) => {
    reached = request.url
    return new Response(null, { status: 202 })
  })
  await deliver(new Request(callbackUrl, { method: 'POST', body: '{}' }), undefined as never)
  return reached
}

describe('tunnelTo', () => {
  it("puts the local origin's scheme, host and port in place of the callback's, keeping path and query", async () => {
    expect(await tunnelled('http://127.0.0.1:3978', 'https://bot.contoso.com/api/calls?tenant=t1')).toBe('http://127.0.0.1:3978/api/calls?tenant=t1')
    // An origin on its scheme's default port does not keep the callback's port.
    expect(await tunnelled('http://127.0.0.1', 'https://bot.contoso.com:8443/api/calls')).toBe('http://127.0.0.1/api/calls')
    expect(await tunnelled('http://localhost:80', 'https://bot.contoso.com:8443/api/calls')).toBe('http://localhost/api/calls')
  })
})
