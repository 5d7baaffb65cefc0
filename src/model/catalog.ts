import type { StatusMapping } from './status.js'

/**
 * One row of a vendor's status catalog: the vendor's description, what the code means
 * canonically, and why deliverykit decided so.
 *
 * @category Model
 */
export type CatalogEntry = StatusMapping & {
  /** The vendor's own description of the code, verbatim from its documents. */
  readonly description: string
  /** One line on why the code maps as it does (the judgement call, where there is one). */
  readonly rationale: string
}
