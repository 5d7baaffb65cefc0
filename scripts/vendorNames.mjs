// The vendor list as scripts read it without a build: the names of VENDOR_NAMES in
// src/model/vendor.ts, in their order (the library's VENDORS is Object.keys of the same).
import { readFileSync } from 'node:fs'

const text = readFileSync(new URL('../src/model/vendor.ts', import.meta.url), 'utf8')
const block = /export const VENDOR_NAMES = \{([^}]*)\} as const/.exec(text)
if (block === null) throw new Error('scripts/vendorNames.mjs: VENDOR_NAMES not found in src/model/vendor.ts')

/** Every vendor's name, in the list's order. */
export const VENDORS = [...block[1].matchAll(/^\s*([a-z][a-z0-9]*): '/gm)].map((match) => match[1])
