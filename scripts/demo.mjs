// npm run demo (after the build): every shipped example payload as tables, one line per
// event. For every vendor of the list, its folder of examples/payloads/, then each of its
// subfolders, named for the channel its bodies need (Messangi's bodies do not say theirs).
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'

import { VENDORS } from './vendorNames.mjs'

const root = new URL('..', import.meta.url)

/** Each command of the demo: the arguments of `deliverykit`, for every vendor and channel folder. */
export const demoCommands = () =>
  VENDORS.flatMap((vendor) => {
    const folder = `examples/payloads/${vendor}`
    const channels = readdirSync(new URL(folder, root), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
    return [
      ['normalize', '--format', 'table', '--vendor', vendor, folder],
      ...channels.map((channel) => ['normalize', '--format', 'table', '--vendor', vendor, '--channel', channel, `${folder}/${channel}`]),
    ]
  })

if (process.argv[1] === new URL(import.meta.url).pathname) {
  for (const args of demoCommands()) process.stdout.write(execFileSync(process.execPath, ['dist/cli.js', ...args], { cwd: root, encoding: 'utf8' }))
}
