/** Reads Graph's calling contract (the CSDL extract in `spec/graph-contract`). */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** One property or navigation property of a contract type. */
export interface ContractProperty {
  name: string
  type: string
  collection: boolean
  nullable: boolean
}

/** One EntityType, ComplexType or EnumType of the contract. */
export interface ContractType {
  kind: 'EntityType' | 'ComplexType' | 'EnumType'
  name: string
  baseType?: string | null
  abstract?: boolean
  /** An OData open type: a value may carry properties the type does not declare (dynamic properties). */
  openType?: boolean
  properties?: ContractProperty[]
  navigationProperties?: ContractProperty[]
  members?: { name: string; value: number }[]
  isFlags?: boolean
}

/** One bound action or function. */
export interface ContractOperation {
  kind: 'Action' | 'Function'
  name: string
  parameters: (ContractProperty & { optional: boolean })[]
  returnType: { type: string; collection: boolean } | null
}

/** A contract file, with the types it names but could not read filled in from v1.0. */
export interface Contract {
  apiVersion: 'v1.0' | 'beta'
  types: Record<string, ContractType>
  boundOperations: Record<string, ContractOperation[]>
  /** Types whose definition came from elsewhere, with where from. */
  filledIn: Record<string, string>
}

/** The contract folder: `--contract <dir>`, `GRAPH_CONTRACT_DIR`, or the repository's `spec/graph-contract`. */
export function contractDir(args: string[] = []): string {
  const flag = args.indexOf('--contract')
  if (flag >= 0 && args[flag + 1]) return resolve(args[flag + 1]!)
  return resolve(process.env.GRAPH_CONTRACT_DIR ?? join(import.meta.dirname, '../spec/graph-contract'))
}

/** Loads one API version of the contract. */
export function loadContract(dir: string, version: 'v1.0' | 'beta'): Contract {
  const raw = JSON.parse(readFileSync(join(dir, `${version}.json`), 'utf8'))
  const types: Record<string, ContractType> = { ...raw.types }
  const filledIn: Record<string, string> = {}
  if (version === 'beta') {
    // The beta extract lists a few referenced types by name only; their v1.0 definitions are the best known
    // shape (the contract's README says so), and an enum known by member names gets those members.
    const v1 = JSON.parse(readFileSync(join(dir, 'v1.0.json'), 'utf8'))
    for (const [fullName, unread] of Object.entries<any>(raw.unreadTypes ?? {})) {
      if (v1.types[fullName]) {
        types[fullName] = v1.types[fullName]
        filledIn[fullName] = 'v1.0 definition (beta block not in the extract)'
      } else if (unread.kind === 'EnumType') {
        types[fullName] = {
          kind: 'EnumType',
          name: fullName.replace(/^microsoft\.graph\./, ''),
          members: unread.memberNames.map((name: string, value: number) => ({ name, value })),
        }
        filledIn[fullName] = 'member names from the type-mappings baseline'
      }
    }
  }
  return { apiVersion: version, types, boundOperations: raw.boundOperations, filledIn }
}
