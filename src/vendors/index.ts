/**
 * The vendor list: one line a vendor, its manifest under its name. A vendor is its folder,
 * its line here, and its name in `VENDOR_NAMES` (src/model/vendor.ts, where the event
 * model's `Vendor` type needs it); a name without a line here, or a line without a name,
 * does not compile (src/options.ts). Everything else that enumerates vendors reads this
 * list, or is checked against it (scripts/checkVendorList.mjs, test/vendors/contract.test.ts).
 */
export { manifest as octopush } from './octopush/manifest.js'
export { manifest as messangi } from './messangi/manifest.js'
export { manifest as masstack } from './masstack/manifest.js'
