/**
 * A Microsoft Entra token authority on a loopback HTTPS port that answers the token request as told: a
 * token, a 500, a truncated JSON body, or nothing at all. Its OpenID metadata is always served.
 */
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { selfSignedCert } from '../integration/client/self-signed-cert.ts'

/** How the token endpoint answers. */
export type TokenAnswer = 'token' | 'fail-500' | 'truncated' | 'hang'

/** The tenant the authority serves. */
export const AUTHORITY_TENANT = 'faulty-tenant'

/** A loopback HTTPS token authority for `ClientSecretCredential`'s `authorityHost`. */
export class FaultyAuthority {
  /** How many token requests arrived. */
  tokenRequests = 0
  readonly #server: Server

  private constructor(answer: TokenAnswer) {
    this.#server = createServer(selfSignedCert(), (req, res) => {
      req.resume()
      req.on('end', () => {
        const root = `${this.url}/${AUTHORITY_TENANT}`
        if (req.url?.startsWith(`/${AUTHORITY_TENANT}/v2.0/.well-known/openid-configuration`)) {
          res.writeHead(200, { 'content-type': 'application/json' })
          res.end(JSON.stringify({ issuer: `${root}/v2.0`, token_endpoint: `${root}/oauth2/v2.0/token`, authorization_endpoint: `${root}/oauth2/v2.0/authorize`, jwks_uri: `${root}/discovery/v2.0/keys` }))
          return
        }
        this.tokenRequests++
        if (answer === 'hang') return
        if (answer === 'fail-500') res.writeHead(500, { 'content-type': 'text/html' }).end('<html><title>Internal Server Error</title></html>')
        else if (answer === 'truncated') res.writeHead(200, { 'content-type': 'application/json' }).end('{"token_type":"Bearer","expires_in":3599,"access_tok')
        else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token_type: 'Bearer', expires_in: 3599, access_token: 'authority-token' }))
      })
    })
  }

  /** Starts an authority whose token endpoint answers with `answer`. */
  static async start(answer: TokenAnswer): Promise<FaultyAuthority> {
    const authority = new FaultyAuthority(answer)
    await new Promise<void>((resolve) => authority.#server.listen(0, '127.0.0.1', resolve))
    return authority
  }

  /** `https://localhost:<port>`, the credential's `authorityHost`. */
  get url(): string {
    return `https://localhost:${(this.#server.address() as AddressInfo).port}`
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections()
    await new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }
}
