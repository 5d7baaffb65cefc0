/**
 * The vendor contract (issue 22): every vendor of the list has everything a vendor must
 * have (test/vendors/contract.ts says what), and a vendor that lacks something fails with
 * one message that lists all it lacks.
 */
import { VENDORS } from 'deliverykit'
import { describe, expect, it } from 'vitest'

import { vendorLacks } from './contract.js'

// Each vendor's check samples the property generators and decodes its payloads through two entries: seconds on a busy machine.
const TIMEOUT = 30_000

describe('the vendor contract', () => {
  it.each(VENDORS)('%s has everything a vendor must have', async (vendor) => {
    const lacks = await vendorLacks(vendor)
    if (lacks.length > 0) expect.fail(`${vendor} lacks: ${lacks.join('; ')}`)
  }, TIMEOUT)

  it('names what a vendor outside the list lacks, every piece of it', async () => {
    const lacks = await vendorLacks('notavendor')
    expect(lacks[0]).toBe('its name in VENDOR_NAMES (src/model/vendor.ts)')
    expect(lacks).toContain("a manifest in the vendor list, src/vendors/index.ts (export { manifest as notavendor } from './notavendor/manifest.js')")
    expect(lacks).toContain('test/fixtures/wild/notavendor/ with at least 3 rejected-* fixtures (it has 0)')
    expect(lacks).toContain('an entry deliverykit/notavendor (src/vendors/notavendor/index.ts)')
    expect(lacks).toContain('test/vendors/notavendor/testkit.ts exporting `testkit`, its rows of the shared tests (the Testkit of test/vendors/testkit.ts)')
    expect(lacks).toContain('a generator of its valid bodies in validBodies of test/vendors/notavendor/testkit.ts')
  }, TIMEOUT)
})
