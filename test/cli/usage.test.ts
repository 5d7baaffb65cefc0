// The command's usage errors, one by one, and its text output cell by cell: what a person
// at a terminal reads. In memory (test/cli/harness.ts).
import { VENDORS } from 'deliverykit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { COMMAND_FLAGS, FLAGS } from '../../src/cli/args.js'
import { catalogRows, catalogTable } from '../../src/cli/catalog.js'
import { CHANNEL_ALIASES, didYouMeanChannel } from '../../src/util/didYouMean.js'
import { CHANNELS } from '../../src/model/channel.js'
import { MESSANGI_LEGACY_CATALOGS } from '../../src/vendors/messangi/catalog/index.js'
import { EXIT, OutputClosed, inputsOf, jsonOutput, ndjsonOutput, reasonOf, worse, type CliIo } from '../../src/cli/io.js'
import { HELP, run } from '../../src/cli/run.js'
import { printable, safeJson } from '../../src/cli/terminal.js'
import { offline, runWith, sms } from './harness.js'

const usage = (message: string) => ({ code: EXIT.usage, stdout: '', stderr: `deliverykit: ${message} (see deliverykit --help)\n` })

describe('usage errors: one line naming the flag, exit 2', () => {
  it.each([
    [['normalize', '--vendor'], '--vendor needs a value'],
    [['normalize', '--vendor', '--channel', 'sms'], '--vendor needs a value, and --channel is a flag'],
    [['normalize', '--vendor', 'octopush', '--inbound=yes'], '--inbound takes no value'],
    [['normalize', '--chanel', 'sms'], 'unknown flag --chanel; did you mean --channel?'],
    [['normalize', '-x'], 'unknown flag -x'],
    [['normalise', '--vendor', 'octopush'], 'unknown command "normalise"; did you mean normalize?'],
    [['detect', '--vendor', 'octopush'], 'detect takes no --vendor (it takes no flags)'],
    [['catalog', 'octopush', '--inbound'], 'catalog takes no --inbound; its flags are --vendor, --channel, --legacy, --format, --json'],
    [['normalize', '--vendor', 'octopus'], `--vendor: expected one of ${VENDORS.join(', ')}, received "octopus"; did you mean --vendor octopush?`],
    [['normalize', '--vendor', 'octopush-'], `--vendor: expected one of ${VENDORS.join(', ')}, received "octopush-"; did you mean --vendor octopush?`],
    [['normalize', '--vendor=-x'], `--vendor: expected one of ${VENDORS.join(', ')}, received "-x"`],
    [['normalize', '--vendor', 'octopush', '--unknown-status', 'kep'], '--unknown-status: expected "keep" or "error", received "kep"; did you mean --unknown-status keep?'],
    [['normalize', '--vendor', 'octopush', '--format', 'yaml'], '--format: expected one of json, ndjson, table, received "yaml"'],
    [['normalize', '--vendor', 'octopush', '--format', 'tabel'], '--format: expected one of json, ndjson, table, received "tabel"; did you mean --format table?'],
    [['normalize', '--vendor', 'octopush', '--format', 'json', '--ndjson'], '--format json and --ndjson disagree'],
    [['normalize', '--vendor', 'octopush', '--channel', 'fax'], '--channel: expected one of sms, voice, rcs, whatsapp, facebook, instagram, received "fax"'],
    [['catalog'], 'catalog needs a vendor: deliverykit catalog VENDOR'],
    [['catalog', 'octopush', 'messangi'], 'catalog takes one vendor, not 2 arguments'],
    [['catalog', 'octopush', '--format', 'ndjson'], '--format: expected one of table, json, received "ndjson"; did you mean --format json?'],
    [['catalog', 'octopush', '--channel', 'fax'], '--channel: expected one of sms, voice, email, push, rcs, whatsapp, facebook, instagram, received "fax"'],
    [['catalog', 'masstack', '--channel', 'push'], 'masstack does not send on push'],
  ])('%j', (argv, message) => {
    expect(runWith(argv, {}, sms)).toEqual(usage(message))
  })

  it('a lone - is a value (standard input), and a flag given as --flag=-value is a value too', () => {
    expect(runWith(['normalize', '--vendor', 'octopush', '--channel', '-'], {}, sms)).toEqual(usage('--channel: expected one of sms, voice, rcs, whatsapp, facebook, instagram, received "-"'))
  })

  it('help and version answer with any command, before its flags are checked', () => {
    expect(runWith(['help'])).toEqual({ code: EXIT.ok, stdout: HELP, stderr: '' })
    expect(runWith(['frobnicate', '--help']).stdout).toBe(HELP)
    expect(runWith(['detect', '--vendor', 'x', '-h']).stdout).toBe(HELP)
    expect(runWith(['frobnicate', '--version'])).toMatchObject({ code: EXIT.ok, stdout: '9.9.9\n' })
  })

  it('a usage error in the options is found before any body is read', () => {
    const read: Array<string> = []
    const io: CliIo = { listFiles: (path) => ({ files: [path], skipped: [], folder: false }), readFile: (path) => (read.push(path), sms), readStdin: () => sms, stdout: () => undefined, flush: () => undefined, stderr: () => undefined, ...offline }
    expect(run(['normalize', '--vendor', 'octopush', '--time-zone', 'Mars/Base', 'a.json'], io, '1')).toBe(EXIT.usage)
    expect(read).toEqual([])
  })
})

describe('normalize and detect: inputs and exit codes', () => {
  it('reads standard input when no file is named', () => {
    const { code, stdout } = runWith(['normalize', '--vendor', 'octopush'], {}, sms)
    expect([code, (JSON.parse(stdout) as ReadonlyArray<Record<string, unknown>>).map((event) => event['messageId'])]).toEqual([EXIT.ok, ['sms_1']])
    expect(runWith(['normalize', '--vendor', 'octopush'], {}, '{}').stderr.split('\n')[0]).toBe('(stdin): invalid body')
  })

  it('--unknown-status error rejects an unknown code; keep keeps it', () => {
    const unknown = sms.replace('DELIVERED', 'NEW')
    const refused = runWith(['normalize', '--vendor', 'octopush', '--unknown-status', 'error', '-'], {}, unknown)
    expect([refused.code, (JSON.parse(refused.stdout) as { readonly error: { readonly kind: string } }).error.kind]).toEqual([EXIT.rejected, 'unknown_status'])
    expect(runWith(['normalize', '--vendor', 'octopush', '--unknown-status', 'keep', '-'], {}, unknown).code).toBe(EXIT.ok)
  })

  it('--inbound refuses a delivery receipt, naming the entry that reads it', () => {
    const { code, stdout, stderr } = runWith(['normalize', '--vendor', 'octopush', '--inbound', '-'], {}, sms)
    expect([code, (JSON.parse(stdout) as { readonly error: { readonly kind: string; readonly path: string } }).error]).toMatchObject([EXIT.rejected, { kind: 'unexpected_callback', path: '(stdin)' }])
    expect(stderr.split('\n')[0]).toBe('(stdin): unexpected callback')
  })

  it('the exit code is the worst of the bodies, whatever their order', () => {
    const files = { 'dir/a.json': '{}', 'dir/b.json': sms }
    expect(runWith(['normalize', '--vendor', 'octopush', 'dir'], files).code).toBe(EXIT.rejected)
    expect(worse(EXIT.rejected, EXIT.ok)).toBe(EXIT.rejected)
    expect(worse(EXIT.ok, EXIT.usage)).toBe(EXIT.usage)
  })

  it('a folder with no body files, or a path that cannot be read, is one line and exit 1, for detect too', () => {
    const io: CliIo = { listFiles: () => ({ files: [], skipped: [], folder: true }), readFile: () => '', readStdin: () => '', stdout: () => undefined, flush: () => undefined, stderr: () => undefined, ...offline }
    expect(inputsOf(['empty'], io)).toBe('empty: no body files (*.json, *.form or *.txt) in this folder')
    expect(runWith(['detect', 'missing.json'])).toEqual({ code: EXIT.rejected, stdout: '', stderr: "deliverykit: missing.json: ENOENT: no such file or directory, stat 'missing.json'\n" })
  })

  it('inputs: - is standard input, a folder its files, named by base name in a table', () => {
    const io: CliIo = { listFiles: (path) => ({ files: [`${path}/a.json`, `${path}/b.json`], skipped: [], folder: true }), readFile: (path) => path, readStdin: () => 'in', stdout: () => undefined, flush: () => undefined, stderr: () => undefined, ...offline }
    const inputs = inputsOf(['-', 'dir'], io)
    expect(typeof inputs === 'string' ? inputs : inputs.map((input) => [input.name, input.label, input.read()])).toEqual([
      ['(stdin)', '(stdin)', 'in'],
      ['dir/a.json', 'a.json', 'dir/a.json'],
      ['dir/b.json', 'b.json', 'dir/b.json'],
    ])
  })

  it('detect prints one detection for one body, an object keyed by file for several', () => {
    const one = JSON.parse(runWith(['detect', 'a.json'], { 'a.json': sms }).stdout) as Record<string, unknown>
    expect([one['detected'], one['vendor']]).toEqual([true, 'octopush'])
    const several = JSON.parse(runWith(['detect', 'a.json', 'b.json'], { 'a.json': sms, 'b.json': sms }).stdout) as Record<string, unknown>
    expect(Object.keys(several)).toEqual(['a.json', 'b.json'])
  })

  it('a thrown value that cannot even be turned into text is still one line', () => {
    const unprintable = { toString: () => { throw new Error('no') } }
    expect(reasonOf(unprintable)).toBe('an error that could not be read')
    expect(reasonOf(new Error('disk full'))).toBe('disk full')
    expect(reasonOf(42)).toBe('42')
    expect(new OutputClosed('gone').name).toBe('OutputClosed')
  })
})

describe('JSON output, written piece by piece', () => {
  const collect = () => {
    const writes: Array<string> = []
    const io: CliIo = { listFiles: () => ({ files: [], skipped: [], folder: true }), readFile: () => '', readStdin: () => '', stdout: (text) => writes.push(text), flush: () => undefined, stderr: () => undefined, ...offline }
    return { io, writes }
  }
  const input = { name: 'dir/a.json', label: 'a.json', read: () => '' }

  it('an array is written an item at a time, and the whole is what JSON.stringify(value, null, 2) writes', () => {
    const { io, writes } = collect()
    const output = jsonOutput(io, false)
    const value = [{ a: { b: [1, 2] } }, { c: 'd' }]
    output.add(input, value)
    output.end()
    expect(writes.join('')).toBe(`${JSON.stringify(value, null, 2)}\n`)
    expect(writes.length).toBeGreaterThan(2)
  })

  it('an empty array is [], and an object is written whole', () => {
    const empty = collect()
    jsonOutput(empty.io, false).add(input, [])
    expect(empty.writes.join('')).toBe('[]\n')
    const several = collect()
    const output = jsonOutput(several.io, true)
    output.add(input, { detected: false, nested: { deep: [1] } })
    output.add({ ...input, name: 'dir/b.json' }, [])
    output.end()
    const text = several.writes.join('')
    expect(text).toBe(`${JSON.stringify({ 'dir/a.json': { detected: false, nested: { deep: [1] } }, 'dir/b.json': [] }, null, 2)}\n`)
  })

  it('ndjson writes each item of an array on its own line, and any other value as one line', () => {
    const { io, writes } = collect()
    const output = ndjsonOutput(io)
    output.add(input, [{ a: 1 }, { b: '\u2028' }])
    output.add(input, { c: 2 })
    output.end()
    expect(writes).toEqual(['{"a":1}\n', '{"b":"\\u2028"}\n', '{"c":2}\n'])
  })
})

describe('terminal text', () => {
  it('printable escapes what a terminal acts on and cuts long text, never inside a surrogate pair', () => {
    expect(printable('abc', 3)).toBe('abc')
    expect(printable('abcd', 3)).toBe('abc… (4 characters)')
    expect(printable('\u001b[2J\u202e', 10)).toBe('\\u001b[2J\\u202e')
    expect(printable('\u001b\u001b\u001b', 2)).toBe('\\u001b\\u001b… (3 characters)')
    expect(printable('ab😀cd', 3)).toBe('ab… (6 characters)')
    expect(printable('a😀cde', 3)).toBe('a😀… (6 characters)')
    expect(printable('😀bcdef', 3)).toBe('😀b… (7 characters)')
  })

  it('safeJson escapes what JSON.stringify leaves raw, and the JSON means the same', () => {
    const value = { text: 'a\u009b\u2028\u202e\u2066b\u0001' }
    const json = safeJson(JSON.stringify(value))
    expect(json).toBe('{"text":"a\\u009b\\u2028\\u202e\\u2066b\\u0001"}')
    expect(JSON.parse(json)).toEqual(value)
  })
})

describe('tables', () => {
  /** A table's lines cut into cells where the heading's titles start, each trimmed. */
  const cellsUnder = (heading: string, titles: ReadonlyArray<string>, row: string): ReadonlyArray<string> => {
    const starts = titles.map((title) => heading.indexOf(title))
    expect(starts.every((start, index) => index === 0 || start > (starts[index - 1] ?? 0))).toBe(true)
    return starts.map((start, index) => row.slice(start, starts[index + 1]).trim())
  }

  it('the catalog table: a title, a blank line, the heading, then a row per code, aligned under the heading, unpadded at the end', () => {
    const rows = catalogRows('octopush', undefined)
    const lines = catalogTable('octopush', rows).split('\n')
    expect(lines.slice(0, 2)).toEqual(['Octopush status catalog (35 rows)', ''])
    const heading = lines[2] ?? ''
    const titles = ['channel', 'code', 'status', 'classification', 'failure', 'vendor description']
    expect(heading.split(/ {2,}/)).toEqual(titles)
    expect(lines.slice(3).map((line) => cellsUnder(heading, titles, line))).toEqual(
      rows.map(({ code, entry }) => [
        'all',
        code,
        entry.status,
        entry.classification,
        entry.classification === 'failure' ? `${entry.failure.reason}, ${entry.failure.permanent ? 'permanent' : 'temporary'}` : '',
        `${entry.descriptionBy === 'deliverykit' ? '(written by deliverykit) ' : ''}${entry.description}`,
      ]),
    )
    for (const line of lines) expect(line).toBe(line.trimEnd())
    expect(lines.filter((line) => line.includes(', permanent')).length).toBeGreaterThan(0)
    expect(lines.filter((line) => line.includes(', temporary')).length).toBeGreaterThan(0)
  })

  it('catalog rows: one list for channels that share it, per channel otherwise, or one channel', () => {
    const channelsOf = (rows: ReadonlyArray<{ readonly channel: string }>) => [...new Set(rows.map((row) => row.channel))]
    expect(channelsOf(catalogRows('octopush', undefined))).toEqual(['all'])
    expect(channelsOf(catalogRows('octopush', 'sms'))).toEqual(['sms'])
    expect(channelsOf(catalogRows('octopush', 'email'))).toEqual(['email'])
    expect(channelsOf(catalogRows('messangi', undefined))).toEqual(['sms', 'email', 'push', 'rcs', 'whatsapp'])
    const email = catalogRows('messangi', 'email').map((row) => row.code)
    expect(email).not.toEqual(catalogRows('messangi', 'sms').map((row) => row.code))
    expect(catalogRows('messangi', undefined).filter((row) => row.channel === 'email').map((row) => row.code)).toEqual(email)
    expect(catalogRows('masstack', 'push')).toEqual([])
  })

  const table = (files: Readonly<Record<string, string>>, ...flags: ReadonlyArray<string>) =>
    runWith(['normalize', '--vendor', 'octopush', '--format', 'table', ...flags, ...Object.keys(files)], files).stdout.trimEnd().split('\n')

  it('the file column is as wide as the longest name, between the heading and 24 characters', () => {
    const short = table({ 'd/a': sms, 'd/b': sms })
    expect(short[0]).toMatch(/^file {2}vendor /)
    expect(short[1]).toMatch(/^a {5}octopush /)
    const long = table({ 'd/a-very-long-file-name-indeed.json': sms, 'd/b': sms })
    expect(long[0]).toMatch(/^file {22}vendor /)
    expect(long[1]).toMatch(/^a-very-long-file-name-i… {2}octopush /)
  })

  it('cells are cut to their column with …, escaped first, and never split a surrogate pair', () => {
    const recipient = (number: string) => {
      const [heading = '', row = ''] = table({ 'a.json': JSON.stringify({ ...(JSON.parse(sms) as object), number }) })
      const start = heading.indexOf('recipient')
      return row.slice(start, start + 30)
    }
    expect(recipient('+33600000000')).toBe('+33600000000                  ')
    expect(recipient('1234567890123456789012345678')).toBe('1234567890123456789012345678  ')
    expect(recipient('12345678901234567890123456789')).toBe('123456789012345678901234567…  ')
    // 28 code units fit; past that, the cell keeps 27 and a …, or 26 if 27 would split a pair.
    expect(recipient('12345678901234567890123456😀')).toBe('12345678901234567890123456😀  ')
    expect(recipient('12345678901234567890123456😀x')).toBe('12345678901234567890123456…   ')
    expect(recipient('1234567890123456789012345😀xy')).toBe('1234567890123456789012345😀…  ')
    expect(recipient('\u001b\u001b\u001b\u001b\u001b')).toBe('\\u001b\\u001b\\u001b\\u001b\\u0…  ')
  })

  it('the details cell: failures, unknown codes, an opt-out text quoted or empty, and - for no time', () => {
    const stop = (text: string) => `message_id=sms_1&number=%2B33600000000${text}&stop_date=2020-11-04+11%3A11%3A45`
    const rows = table({ 'a.json': sms.replace('DELIVERED', 'BAD_DESTINATION'), 'b.json': sms.replace('DELIVERED', 'X'.repeat(80)), 'c.json': stop('&text=STOP'), 'd.json': stop('') }, '--unknown-status', 'keep')
    const details = rows.map((row) => row.split(/ {2,}/).slice(7).join(' '))
    expect(details.slice(1)).toEqual([expect.stringMatching(/^[a-z_]+, permanent$/), `vendor code "${'X'.repeat(46)}…`, '"STOP"', ''])
    const legacyPush = '{"TYPE":"PUSH","MESSANGI_ID":"-8174720676710228700","TO":"token","STATUS":"SENT"}'
    const undated = runWith(['normalize', '--vendor', 'messangi', '--format', 'table', '-'], {}, legacyPush).stdout.split('\n')[1]
    expect(undated?.split(/ {2,}/)).toEqual(['messangi', 'push', 'token', 'delivered', 'final', '-'])
  })
})

describe('the help lists every flag and command (issue 24, item 11)', () => {
  const optionsSection = HELP.slice(HELP.indexOf('\nOptions:\n'), HELP.indexOf('\nExit status:'))

  it("the Options section lists exactly the parser's flags, each once, with its short form", () => {
    const listed = [...optionsSection.matchAll(/^ {2}--([a-z][a-z-]*)/gm)].map((match) => match[1])
    expect([...listed].sort()).toEqual(Object.keys(FLAGS).sort())
    expect(new Set(listed).size).toBe(listed.length)
    for (const [name, flag] of Object.entries(FLAGS)) {
      if ('short' in flag) expect(optionsSection).toMatch(new RegExp(`^ {2}--${name}, -${flag.short} `, 'm'))
    }
  })

  it('every --flag the help names anywhere is a flag of the parser', () => {
    const named = new Set([...HELP.matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)].map((match) => match[1] ?? ''))
    expect([...named].filter((name) => !(name in FLAGS))).toEqual([])
  })

  it('every command has a Usage line and a paragraph, and each option says every command that takes it', () => {
    const blocks = optionsSection.split(/\n(?= {2}--)/).slice(1)
    for (const [command, flags] of Object.entries(COMMAND_FLAGS)) {
      expect(HELP).toContain(`\n  deliverykit ${command} `)
      expect(HELP).toMatch(new RegExp(`^${command} +\\S`, 'm'))
      for (const flag of flags) {
        const block = blocks.find((text) => text.startsWith(`  --${flag} `)) ?? ''
        expect([flag, new RegExp(`\\b${command}\\b`).test(block)]).toEqual([flag, true])
      }
    }
  })
})

describe('channels: another spelling is suggested (issue 24, item 11)', () => {
  it.each([
    [['normalize', '--vendor', 'octopush', '--channel', 'voice_sms'], 'voice'],
    [['normalize', '--vendor', 'octopush', '--channel', 'Voice-SMS'], 'voice'],
    [['normalize', '--vendor', 'octopush', '--channel', 'messenger'], 'facebook'],
    [['normalize', '--vendor', 'messangi', '--channel', 'E-mail'], 'email'],
    [['normalize', '--vendor', 'messangi', '--channel', 'wa'], 'whatsapp'],
    [['normalize', '--vendor', 'messangi', '--channel', 'whatsap'], 'whatsapp'],
    [['catalog', 'octopush', '--channel', 'voice_sms'], 'voice'],
  ])('%j: did you mean --channel %s?', (argv, channel) => {
    const { code, stderr } = runWith(argv, {}, sms)
    expect([code, stderr.endsWith(`; did you mean --channel ${channel}? (see deliverykit --help)\n`)]).toEqual([EXIT.usage, true])
  })

  it('a channel the vendor does not use is not suggested: voice_sms on Messangi', () => {
    expect(runWith(['normalize', '--vendor', 'messangi', '--channel', 'voice_sms'], {}, sms).stderr).not.toContain('did you mean')
  })

  it('every alias, in any case and with -, _, space or dot between letters, suggests its channel where the vendor has it, and never a channel it lacks', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.entries(CHANNEL_ALIASES)),
        fc.subarray([...CHANNELS], { minLength: 1 }),
        fc.array(fc.constantFrom('-', '_', ' ', '.', ''), { minLength: 12, maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        ([alias, channel], known, separators, upper) => {
          // The aliases are ASCII letters: one code unit each.
          const spelled = alias.split('').map((letter, index) => `${index > 0 ? (separators[index] ?? '') : ''}${upper[index] === true ? letter.toUpperCase() : letter}`).join('')
          const suggestion = didYouMeanChannel(spelled, known)
          if (known.includes(channel as (typeof CHANNELS)[number])) expect(suggestion).toBe(channel)
          if (suggestion !== undefined) expect(known).toContain(suggestion)
        },
      ),
    )
  })

  it('every alias names a channel, and no alias is a channel', () => {
    for (const [alias, channel] of Object.entries(CHANNEL_ALIASES)) {
      expect(CHANNELS).toContain(channel)
      expect(CHANNELS).not.toContain(alias)
    }
  })
})

describe('catalog --legacy (issue 24, item 11)', () => {
  it("prints every row of Messangi's legacy tables, marked legacy, and only those", () => {
    const { code, stdout } = runWith(['catalog', 'messangi', '--legacy', '--json'])
    const rows = JSON.parse(stdout) as ReadonlyArray<Record<string, unknown>>
    const expected = Object.entries(MESSANGI_LEGACY_CATALOGS).flatMap(([channel, catalog]) => Object.entries(catalog).map(([code, entry]) => ({ vendor: 'messangi', legacy: true, channel, code, ...entry })))
    expect([code, rows]).toEqual([EXIT.ok, expected])
    expect(expected.length).toBeGreaterThan(3)
  })

  it('the table is titled as legacy, and a channel narrows it', () => {
    const lines = runWith(['catalog', 'messangi', '--legacy', '--channel', 'push']).stdout.split('\n')
    expect(lines[0]).toBe(`Messangi legacy status catalog (${String(Object.keys(MESSANGI_LEGACY_CATALOGS.push ?? {}).length)} rows)`)
    expect(lines.slice(3).filter((text) => text !== '').every((text) => text.startsWith('push '))).toBe(true)
  })

  it('a vendor without legacy tables, or a channel the legacy tables lack, is a usage error', () => {
    expect(runWith(['catalog', 'octopush', '--legacy'])).toEqual(usage('--legacy: only messangi has legacy tables; octopush has one catalog'))
    expect(runWith(['catalog', 'messangi', '--legacy', '--channel', 'whatsapp'])).toEqual(usage("messangi's legacy callbacks does not send on whatsapp"))
  })
})
