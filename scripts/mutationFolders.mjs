// The folders of src/ that `npm run mutate` scores one by one, and the files each mutates.
// Type-only modules have no code to mutate; the CLI's entry point only wires process I/O.
import { VENDORS } from './vendorNames.mjs'

export const FOLDERS = {
  root: ['src/*.ts'],
  model: ['src/model/**/*.ts'],
  errors: ['src/errors/**/*.ts'],
  util: ['src/util/**/*.ts'],
  kit: ['src/kit/**/*.ts'],
  runtime: ['src/runtime/**/*.ts'],
  types: ['src/types/**/*.ts'],
  ...Object.fromEntries(VENDORS.map((vendor) => [`vendors/${vendor}`, [`src/vendors/${vendor}/**/*.ts`]])),
  cli: ['src/cli/**/*.ts', '!src/cli/main.ts'],
  postgres: ['src/postgres/**/*.ts'],
  handler: ['src/handler/**/*.ts'],
}
