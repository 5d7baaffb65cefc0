/**
 * The bodies from the wild, test/fixtures/wild/<vendor>/*.json, as every test that reads
 * them finds them: one folder per vendor of the list (CONTRIBUTING.md, "Evidence for
 * fixtures", says what a fixture holds).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'

import { VENDORS, type Vendor } from 'deliverykit'

export const WILD_ROOT = new URL('./fixtures/wild/', import.meta.url)

/** What the tests read of a fixture: its body, as JSON or as the raw form text. */
export interface WildBody {
  readonly body?: unknown
  readonly form?: string
}

/** The fixture files of a vendor's folder, sorted; none where it has no folder. */
export const wildFixtureNames = (vendor: string): ReadonlyArray<string> => {
  const folder = new URL(`${vendor}/`, WILD_ROOT)
  return existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.json')).sort() : []
}

/** A fixture's text, by its path below test/fixtures/wild/ (`octopush/readme-sms.json`). */
export const wildFixtureText = (file: string): string => readFileSync(new URL(file, WILD_ROOT), 'utf8')

/** Every fixture of every vendor, folder by folder. */
export const WILD_FILES: ReadonlyArray<{ readonly vendor: Vendor; readonly name: string; readonly file: string }> = VENDORS.flatMap((vendor) =>
  wildFixtureNames(vendor).map((name) => ({ vendor, name, file: `${vendor}/${name}` })),
)

/** What a decoder is handed for a fixture: the form's raw text, or the JSON value. */
export const wildInput = (fixture: WildBody): unknown => fixture.form ?? fixture.body

/**
 * `rejected-*` bodies that their source refuses for something other than their structure,
 * which neither deliverykit nor the schemas check: deliverykit decodes them. Every other
 * `rejected-*` fixture must be refused.
 */
export const REFUSED_FOR_CONTENT: Readonly<Record<string, string>> = {
  'octopush/rejected-yuno-receipt-number-not-a-phone.json': 'Yuno refuses a number that is not a phone number; what a number looks like is not checked',
}
