/** `graph-calling/requests`: pure, typed request builders for the Graph call actions. */
export type { Issue } from '../errors.ts'
export { ValidationError } from '../errors.ts'
