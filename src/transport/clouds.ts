/** The Microsoft Graph deployments a client can talk to. */
export type CloudName = 'global' | 'usGovL4' | 'usGovL5' | 'china'

/** Where one Graph deployment lives and what a token for it is scoped to. */
export interface Cloud {
  /** The deployment's name as Microsoft's national cloud tables write it. */
  readonly displayName: string
  /** Graph's root for the deployment, without the API version. */
  readonly graphUrl: string
  /** The scope to ask the credential for (`<graphUrl>/.default`, the app's granted permissions). */
  readonly scope: string
  /** The Microsoft Entra authority host an app of this deployment gets its tokens from. */
  readonly authorityHost: string
}

/** Graph's deployments (the global service and the national clouds), by name. */
export const clouds: Readonly<Record<CloudName, Cloud>> = Object.freeze({
  global: cloud('Global service', 'https://graph.microsoft.com', 'https://login.microsoftonline.com'),
  usGovL4: cloud('US Government L4', 'https://graph.microsoft.us', 'https://login.microsoftonline.us'),
  usGovL5: cloud('US Government L5 (DOD)', 'https://dod-graph.microsoft.us', 'https://login.microsoftonline.us'),
  china: cloud('China operated by 21Vianet', 'https://microsoftgraph.chinacloudapi.cn', 'https://login.chinacloudapi.cn'),
})

function cloud(displayName: string, graphUrl: string, authorityHost: string): Cloud {
  return Object.freeze({ displayName, graphUrl, scope: `${graphUrl}/.default`, authorityHost })
}

/** Graph's API versions; `beta` holds actions and fields not (yet) in `v1.0`. */
export type ApiVersion = 'v1.0' | 'beta'
