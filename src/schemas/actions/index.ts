/** Parameter schemas of the Graph call actions, one file per action. */
export * from './common.ts'
export * from './answer.ts'
export * from './reject.ts'
export * from './redirect.ts'
