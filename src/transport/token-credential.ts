/** An access token and when it stops being valid, as `@azure/identity` credentials return it. */
export interface AccessToken {
  /** The bearer token. */
  token: string
  /** When the token expires, in milliseconds since the epoch. */
  expiresOnTimestamp: number
  /** When the issuer suggests getting a new one, in milliseconds since the epoch. */
  refreshAfterTimestamp?: number | undefined
}

/** Options a credential is called with (a subset of `@azure/identity`'s `GetTokenOptions`). */
export interface GetTokenOptions {
  /**
   * Cancels the token request. Declared without `| undefined`, as `@azure/core-auth` declares it, so that
   * its credentials fit under `exactOptionalPropertyTypes`.
   */
  abortSignal?: AbortSignal
}

/**
 * Anything with `getToken`, such as an `@azure/identity` credential (`ClientSecretCredential`,
 * `ClientCertificateCredential`, `ManagedIdentityCredential`, ...). Declared here by shape so that
 * graph-calling never loads `@azure/identity` itself.
 */
export interface TokenCredential {
  /** Gets a token for the scopes, or null when the credential has none. */
  getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null>
}

/** A plain function that gets a token for the scopes (the shape of `TokenCredential.getToken`). */
export type GetToken = (scopes: string[], options?: GetTokenOptions) => Promise<AccessToken | null>

/** What a client authenticates with: a `TokenCredential` or a plain `getToken` function. */
export type Credential = TokenCredential | GetToken
