// The command in memory (test/cli/harness.ts). Its usage errors and text output, cell by
// cell, are in cli-usage.test.ts; the built command as a subprocess in cli-process.test.ts.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { OutputClosed, READER_GONE_CODES, inputsOf, readerHasGone } from '../../src/cli/io.js'
import { CHANNEL_NEEDED_BY_SOME_BODIES, EXIT, HELP, run, type CliIo } from '../../src/cli/run.js'
import type { Detection } from '../../src/detect.js'
import * as E from '../../src/util/either.js'
import { INBOUND_ENTRY, WEBHOOK_ENTRY } from '../../src/runtime/run.js'
import type { AnyWebhookEvent } from '../../src/model/webhook.js'
import { VENDORS, type Vendor } from '../../src/model/vendor.js'
import { runEntry } from '../../src/normalize.js'
import { REGISTRY } from '../../src/options.js'
import { jsonToForm } from '../../src/cli/form.js'
import type { Posted } from '../../src/cli/io.js'
import { MAX_SENT_BODIES } from '../../src/cli/send.js'
import { offline, runRecorded, runSend, runWith, sms } from './harness.js'

describe('deliverykit normalize (in memory)', () => {
  it('prints the events of one body as a JSON array', () => {
    const { code, stdout, stderr } = runWith(['normalize', '--vendor', 'octopush', 'a.json'], { 'a.json': sms })
    expect([code, stderr]).toEqual([EXIT.ok, ''])
    const events = JSON.parse(stdout) as ReadonlyArray<Record<string, unknown>>
    expect(events.map((event) => [event['status'], event['occurredAt']])).toEqual([['delivered', '2025-01-22T11:46:06+01:00']])
  })

  it('prints an object keyed by file for a folder', () => {
    const { code, stdout } = runWith(['normalize', '--vendor', 'octopush', 'dir'], { 'dir/a.json': sms, 'dir/b.json': sms.replace('DELIVERED', 'EXPIRED') })
    expect(code).toBe(EXIT.ok)
    const byFile = JSON.parse(stdout) as Record<string, ReadonlyArray<Record<string, unknown>>>
    expect(Object.entries(byFile).map(([file, events]) => [file, events.map((event) => event['status'])])).toEqual([
      ['dir/a.json', ['delivered']],
      ['dir/b.json', ['expired']],
    ])
  })

  it('reads standard input with - and applies --channel, --time-zone and --ndjson', () => {
    const { code, stdout } = runWith(['normalize', '--vendor', 'octopush', '--channel', 'voice', '--time-zone', 'UTC', '--ndjson', '-'], {}, sms)
    expect(code).toBe(EXIT.ok)
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines.map((event) => [event['channel'], event['occurredAt']])).toEqual([['voice', '2025-01-22T11:46:06+00:00']])
  })

  it('normalizes Messangi bodies: --channel is needed for a status callback, not for a legacy one', () => {
    const callback = '{"id":"m-1","to":"+5588999999999","status":"READ","date":"2024-01-01T12:00:00Z"}'
    const legacy = '{"TYPE":"PUSH","MESSANGI_ID":"-8174720676710228700","TO":"token","STATUS":"SENT"}'
    const withChannel = runWith(['normalize', '--vendor', 'messangi', '--channel', 'whatsapp', '-'], {}, callback)
    expect([withChannel.code, (JSON.parse(withChannel.stdout) as ReadonlyArray<Record<string, unknown>>).map((event) => [event['channel'], event['status']])]).toEqual([
      EXIT.ok,
      [['whatsapp', 'read']],
    ])
    const withoutChannel = runWith(['normalize', '--vendor', 'messangi', '-'], {}, callback)
    expect(withoutChannel).toEqual({
      code: EXIT.usage,
      stdout: '',
      stderr:
        '(stdin): --channel: expected one of sms, email, push, rcs, whatsapp (Messangi status callbacks and send API responses do not name their channel), received nothing\n' +
        'deliverykit: nothing was printed: name the channel with --channel, or read these bodies apart (see deliverykit --help)\n',
    })
    const legacyRun = runWith(['normalize', '--vendor', 'messangi', '-'], {}, legacy)
    expect((JSON.parse(legacyRun.stdout) as ReadonlyArray<Record<string, unknown>>).map((event) => [event['channel'], event['messageId'], event['status']])).toEqual([
      ['push', '-8174720676710228700', 'delivered'],
    ])
  })

  it('keeps unknown codes with --unknown-status keep', () => {
    const { code, stdout } = runWith(['normalize', '--vendor', 'octopush', '--unknown-status', 'keep', '-'], {}, sms.replace('DELIVERED', 'NEW'))
    expect(code).toBe(EXIT.ok)
    expect((JSON.parse(stdout) as ReadonlyArray<Record<string, unknown>>).map((event) => event['classification'])).toEqual(['unknown'])
  })

  it('exits 1 with the formatted error on stderr for a bad body, and goes on with the others', () => {
    const { code, stdout, stderr } = runWith(['normalize', '--vendor', 'octopush', 'dir'], {
      'dir/bad.json': '{"status":"BOUNCY"}',
      'dir/good.json': sms,
      'dir/text.json': 'not json',
    })
    expect(code).toBe(EXIT.rejected)
    expect(stderr.split('\n')).toEqual([
      'dir/bad.json: invalid body',
      '  message_id: missing; expected string',
      '  number: missing; expected string',
      'dir/text.json: invalid body',
      expect.stringMatching(/^ {2}\(root\): not valid JSON \(/),
      '',
    ])
    // The refused bodies are error entries where their events would be, in order.
    const document = JSON.parse(stdout) as Record<string, unknown>
    expect(Object.keys(document)).toEqual(['dir/bad.json', 'dir/good.json', 'dir/text.json'])
    expect(document['dir/bad.json']).toEqual({ error: { kind: 'invalid_body', message: 'message_id: missing; expected string\nnumber: missing; expected string', path: 'dir/bad.json' } })
    expect(document['dir/text.json']).toEqual({ error: { kind: 'invalid_body', message: expect.stringMatching(/^\(root\): not valid JSON \(/) as unknown, path: 'dir/text.json' } })
  })

  it.each([
    [[], 'no command given; the commands are normalize, detect, catalog, send, replay'],
    [['frobnicate'], 'unknown command "frobnicate"; the commands are normalize, detect, catalog, send, replay'],
    [['normalize'], '--vendor is required'],
    [['normalize', '--vendor', 'twilio'], `--vendor: expected one of ${VENDORS.join(', ')}, received "twilio"`],
    [['normalize', '--vendor', 'octopush', '--unknown-status', 'drop'], '--unknown-status: expected "keep" or "error", received "drop"'],
    [['normalize', '--vendor', 'octopush', '--colour'], 'unknown flag --colour'],
    [['normalize', '--vendor', 'octopush', '--time-zone', 'Nowhere/Land', '-'], '--time-zone: expected an IANA time zone name such as "Europe/Paris", received "Nowhere/Land"'],
  ])('exits 2 with one line and a pointer to --help for bad usage: %j', (argv, message) => {
    expect(runWith(argv, {}, sms)).toEqual({ code: EXIT.usage, stdout: '', stderr: `deliverykit: ${message} (see deliverykit --help)\n` })
  })

  it('reads form-encoded bodies and normalizes opt-outs with --inbound', () => {
    const form = 'message_id=sms_1&number=%2B33600000000&text=STOP&stop_date=2020-11-04+11%3A11%3A45'
    const { code, stdout } = runWith(['normalize', '--vendor', 'octopush', '--inbound', '-'], {}, form)
    expect(code).toBe(EXIT.ok)
    expect((JSON.parse(stdout) as ReadonlyArray<Record<string, unknown>>).map((event) => [event['kind'], event['from']])).toEqual([['opt_out', '+33600000000']])
  })

  it('detect names the vendor and kind of each body, and exits 1 for one it cannot tell', () => {
    const { code, stdout, stderr } = runWith(['detect', 'dir'], { 'dir/a.json': sms, 'dir/b.json': '{"hello":1}' })
    expect(code).toBe(EXIT.rejected)
    expect(stderr).toBe('dir/b.json: not recognised: no known callback has these fields (hello)\n')
    const byFile = JSON.parse(stdout) as Record<string, Record<string, unknown>>
    expect([byFile['dir/a.json']?.['vendor'], byFile['dir/a.json']?.['kind'], byFile['dir/b.json']?.['detected']]).toEqual(['octopush', 'delivery', false])
  })

  it('catalog prints the status table, filtered by channel, or as JSON', () => {
    const table = runWith(['catalog', 'masstack', '--channel', 'email'])
    expect(table.code).toBe(EXIT.ok)
    const lines = table.stdout.trimEnd().split('\n')
    expect(lines[0]).toBe('Masstack status catalog (8 rows)')
    expect(lines[2]).toMatch(/^channel +code +status +classification +failure +vendor description$/)
    expect(lines.find((line) => line.includes(' DEFERRED '))).toMatch(/^e-mail +DEFERRED +deferred +transient +The e-mail was rejected/)
    const json = JSON.parse(runWith(['catalog', 'octopush', '--json']).stdout) as ReadonlyArray<Record<string, unknown>>
    expect(json).toHaveLength(35)
    expect(json[0]).toMatchObject({ vendor: 'octopush', channel: 'all', code: 'DELIVERED', status: 'delivered', classification: 'final' })
    expect(runWith(['catalog', 'masstack', '--channel', 'push'])).toMatchObject({ code: EXIT.usage })
    expect(runWith(['catalog', 'nope']).stderr).toBe(`deliverykit: --vendor: expected one of ${VENDORS.join(', ')}, received "nope" (see deliverykit --help)\n`)
  })

  it('catalog shows where a code outside the vendor\'s table comes from, and marks a description deliverykit wrote', () => {
    const json = JSON.parse(runWith(['catalog', 'messangi', '--channel', 'sms', '--json']).stdout) as ReadonlyArray<Record<string, unknown>>
    const accepted = json.find((row) => row['code'] === 'ACCEPTED')
    expect(accepted).toMatchObject({ channel: 'sms', descriptionBy: 'deliverykit', description: 'The send API accepted the message request.' })
    expect(accepted?.['source']).toMatch(/weni-ai\/rapidpro-courier/)
    expect(json.find((row) => row['code'] === 'DELIVRD')).not.toHaveProperty('source')
    const table = runWith(['catalog', 'messangi', '--channel', 'sms']).stdout.split('\n')
    expect(table.find((line) => line.includes(' ACCEPTED '))).toMatch(/\(written by deliverykit\) The send API accepted the message request\.$/)
    expect(table.find((line) => line.includes(' DELIVRD '))).toMatch(/ SMS message was successfully delivered\.$/)
  })

  it('exits 1 when a named file does not exist', () => {
    const { code, stderr } = runWith(['normalize', '--vendor', 'octopush', 'missing.json'])
    expect(code).toBe(EXIT.rejected)
    expect(stderr).toBe("deliverykit: missing.json: ENOENT: no such file or directory, stat 'missing.json'\n")
  })

  it('prints help with examples, and the version', () => {
    expect(runWith(['--help'])).toEqual({ code: EXIT.ok, stdout: HELP, stderr: '' })
    expect(HELP).toContain('deliverykit normalize --vendor octopush --format table node_modules/deliverykit/examples/payloads/octopush')
    expect(runWith(['--version']).stdout).toBe('9.9.9\n')
  })
})

describe('deliverykit output and failures (in memory)', () => {
  it('writes JSON as JSON.stringify(document, null, 2) would, one event at a time', () => {
    const email = readFileSync(new URL('../../examples/payloads/octopush/email.json', import.meta.url), 'utf8')
    const files = { 'dir/a.json': sms, 'dir/b.json': email, 'dir/c.json': '{"status":1}' }
    const several = runWith(['normalize', '--vendor', 'octopush', 'dir'], files)
    expect(several.stdout).toBe(`${JSON.stringify(JSON.parse(several.stdout), null, 2)}\n`)
    expect(Object.keys(JSON.parse(several.stdout) as object)).toEqual(['dir/a.json', 'dir/b.json', 'dir/c.json'])
    const one = runWith(['normalize', '--vendor', 'octopush', 'b.json'], { 'b.json': email })
    expect(one.stdout).toBe(`${JSON.stringify(JSON.parse(one.stdout), null, 2)}\n`)
    expect((JSON.parse(one.stdout) as ReadonlyArray<unknown>).length).toBe(2)
    // Every body rejected: an error entry for each, keyed for several, alone for one.
    const refused = runWith(['normalize', '--vendor', 'octopush', 'dir'], { 'dir/c.json': '{}', 'dir/d.json': '{}' }).stdout
    expect(Object.entries(JSON.parse(refused) as Record<string, { readonly error: { readonly path: string } }>).map(([key, entry]) => [key, entry.error.path])).toEqual([
      ['dir/c.json', 'dir/c.json'],
      ['dir/d.json', 'dir/d.json'],
    ])
    expect((JSON.parse(runWith(['normalize', '--vendor', 'octopush', 'c.json'], { 'c.json': '{}' }).stdout) as { readonly error: { readonly kind: string } }).error.kind).toBe('invalid_body')
  })

  it('a table shows deliveries, failures, unknown codes, opt-outs and inbound messages, one line each', () => {
    const stop = 'message_id=sms_1&number=%2B33600000000&text=STOP&stop_date=2020-11-04+11%3A11%3A45'
    const files = { 'dir/a.json': sms, 'dir/b.json': sms.replace('DELIVERED', 'EXPIRED'), 'dir/c.json': sms.replace('DELIVERED', 'NEW'), 'dir/stop.json': stop }
    const { code, stdout } = runWith(['normalize', '--vendor', 'octopush', '--unknown-status', 'keep', '--format', 'table', 'dir'], files)
    expect(code).toBe(EXIT.ok)
    const rows = stdout.trimEnd().split('\n').map((row) => row.split(/ {2,}/))
    expect(rows).toEqual([
      ['file', 'vendor', 'channel', 'recipient', 'status', 'classification', 'time', 'details'],
      ['a.json', 'octopush', 'sms', '+33600000000', 'delivered', 'final', '2025-01-22T11:46:06+01:00'],
      ['b.json', 'octopush', 'sms', '+33600000000', 'expired', 'failure', '2025-01-22T11:46:06+01:00', 'expired, temporary'],
      ['c.json', 'octopush', 'sms', '+33600000000', 'unknown', 'unknown', '2025-01-22T11:46:06+01:00', 'vendor code "NEW"'],
      ['stop.json', 'octopush', 'sms', 'from +33600000000', 'opt-out', '-', '2020-11-04T11:11:45+01:00', '"STOP"'],
    ])
    // One input: no file column.
    expect(runWith(['normalize', '--vendor', 'octopush', '--format', 'table', '-'], {}, sms).stdout.split('\n')[0]).toMatch(/^vendor +channel +recipient +status +classification +time +details$/)
  })

  it('--ndjson and --format ndjson agree, and --format table with --ndjson is a usage error', () => {
    const ndjson = runWith(['normalize', '--vendor', 'octopush', '--ndjson', '-'], {}, sms)
    expect(runWith(['normalize', '--vendor', 'octopush', '--format', 'ndjson', '-'], {}, sms)).toEqual(ndjson)
    expect(ndjson.stdout.split('\n')).toHaveLength(2)
    expect(runWith(['normalize', '--vendor', 'octopush', '--format', 'table', '--ndjson', '-'], {}, sms)).toMatchObject({ code: EXIT.usage, stderr: 'deliverykit: --format table and --ndjson disagree (see deliverykit --help)\n' })
  })

  it('anything thrown is one line and exit 3; a closed output stops quietly with exit 1', () => {
    const io = (stdout: CliIo['stdout'], readStdin: CliIo['readStdin'] = () => sms): { io: CliIo; err: Array<string> } => {
      const err: Array<string> = []
      return { io: { listFiles: (path) => ({ files: [path], skipped: [], folder: false }), readFile: () => sms, readStdin, stdout, flush: () => undefined, stderr: (text) => err.push(text), ...offline }, err }
    }
    const broken = io(() => {
      throw new Error('disk on fire\nsecond line')
    })
    expect(run(['normalize', '--vendor', 'octopush', '-'], broken.io, '1')).toBe(EXIT.failed)
    expect(broken.err).toEqual(['deliverykit: failed: disk on fire\\u000asecond line\n'])
    const closed = io(() => {
      throw new OutputClosed('gone')
    })
    expect(run(['normalize', '--vendor', 'octopush', '-'], closed.io, '1')).toBe(EXIT.rejected)
    expect(closed.err).toEqual([])
    const unreadable = io(
      () => undefined,
      () => {
        // Not an Error: still one line.
        throw 'EACCES' as unknown as Error
      },
    )
    expect(run(['normalize', '--vendor', 'octopush', '-'], unreadable.io, '1')).toBe(EXIT.rejected)
    expect(unreadable.err).toEqual(['(stdin): cannot read: EACCES\n'])
  })
})

describe('hostile inputs and output (issue 21, items 10 and 12)', () => {
  it('a table of 150,000 bodies is written whole: no list is spread onto the stack', () => {
    const count = 150_000
    const files: Record<string, string> = {}
    for (let i = 0; i < count; i++) files[`dir/${String(i).padStart(6, '0')}.json`] = sms
    const { code, stdout, stderr } = runWith(['normalize', '--vendor', 'octopush', '--format', 'table', 'dir'], files)
    expect([code, stderr]).toEqual([EXIT.ok, ''])
    const lines = stdout.trimEnd().split('\n')
    expect([lines.length, lines[0], lines[count]]).toEqual([count + 1, expect.stringMatching(/^file {9}vendor /), expect.stringMatching(/^149999\.json {2}octopush {2}sms /)])
    // About a second alone; the time limit is for a machine running other tests beside it.
  }, 60_000)

  it("a folder's *.json entry that is not a regular file is skipped with a line on stderr; the others are read", () => {
    const fifo = { what: 'a FIFO' }
    const { code, stdout, stderr } = runWith(['normalize', '--vendor', 'octopush', '--ndjson', 'dir'], { 'dir/a.json': sms, 'dir/b.json': fifo, 'dir/c.json': sms.replace('sms_1', 'sms_3') })
    expect([code, stderr]).toEqual([EXIT.ok, 'dir/b.json: skipped: a FIFO, not a regular file\n'])
    expect(stdout.trimEnd().split('\n').map((text) => (JSON.parse(text) as Record<string, unknown>)['messageId'])).toEqual(['sms_1', 'sms_3'])
    // The output is flushed once per body read, not per skipped entry.
    expect(runRecorded(['detect', 'dir'], { 'dir/a.json': sms, 'dir/b.json': fifo, 'dir/c.json': sms }).flushes).toHaveLength(2)
    // Only such entries: the line, then the folder has no body files.
    expect(runWith(['detect', 'dir'], { 'dir/p.json': { what: 'a socket' } })).toEqual({
      code: EXIT.rejected,
      stdout: '',
      stderr: 'dir/p.json: skipped: a socket, not a regular file\ndeliverykit: dir: no body files (*.json, *.form or *.txt) in this folder\n',
    })
  })

  it("each body's output is flushed before the next body is read", () => {
    const log: Array<string> = []
    const io: CliIo = {
      listFiles: (path) => ({ files: [`${path}/a.json`, `${path}/b.json`, `${path}/c.json`], skipped: [], folder: true }),
      readFile: (path, regularOnly) => (log.push(`read ${path} ${String(regularOnly)}`), sms),
      readStdin: () => (log.push('read stdin'), sms),
      stdout: () => log.push('out'),
      flush: () => log.push('flush'),
      stderr: () => undefined,
      ...offline,
    }
    for (const format of ['json', 'ndjson', 'table']) {
      log.length = 0
      expect(run(['normalize', '--vendor', 'octopush', '--format', format, 'dir', '-'], io, '1')).toBe(EXIT.ok)
      // Between a write and the next read there is a flush: nothing waits behind a read.
      const reads = log.flatMap((entry, index) => (entry.startsWith('read') ? [index] : []))
      expect(log.filter((entry) => entry.startsWith('read'))).toEqual(['read dir/a.json true', 'read dir/b.json true', 'read dir/c.json true', 'read stdin'])
      for (const at of reads.slice(1)) expect(log.slice(0, at).lastIndexOf('flush')).toBeGreaterThan(log.slice(0, at).lastIndexOf('out'))
    }
    // A file named on the command line may be a FIFO (a shell's <(…)): it is read as it is.
    log.length = 0
    const named: CliIo = { ...io, listFiles: (path) => ({ files: [path], skipped: [], folder: false }) }
    expect(run(['detect', 'x.json'], named, '1')).toBe(EXIT.ok)
    expect(log.filter((entry) => entry.startsWith('read'))).toEqual(['read x.json false'])
  })

  /** Paths a command line may name: files, a folder holding one of them, standard input, a file named (stdin). */
  const BODIES: Readonly<Record<string, string>> = {
    'a.json': sms.replace('sms_1', 'a'),
    'dir/b.json': sms.replace('sms_1', 'dir-b'),
    'dir/c.json': sms.replace('sms_1', 'dir-c'),
    '(stdin)': sms.replace('sms_1', 'file-named-stdin'),
  }
  const STDIN_BODY = sms.replace('sms_1', 'stdin')

  it('JSON output is lossless: every input is named once and read once, whatever the command line repeats', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a.json', 'dir', 'dir/b.json', '-', '(stdin)'), { minLength: 1, maxLength: 8 }), (paths) => {
        const reads: Array<string> = []
        const out: Array<string> = []
        const io: CliIo = {
          listFiles: (path) =>
            path === 'dir' ? { files: ['dir/b.json', 'dir/c.json'], skipped: [], folder: true } : { files: [path], skipped: [], folder: false },
          readFile: (path) => (reads.push(path), BODIES[path] ?? ''),
          readStdin: () => (reads.push('-'), STDIN_BODY),
          stdout: (text) => out.push(text),
          flush: () => undefined,
          stderr: () => undefined,
          ...offline,
        }
        for (const command of [['normalize', '--vendor', 'octopush'], ['detect']]) {
          reads.length = 0
          out.length = 0
          expect(run([...command, ...paths], io, '1')).toBe(EXIT.ok)
          const named = new Set(paths.flatMap((path) => (path === 'dir' ? ['dir/b.json', 'dir/c.json'] : [path === '-' ? '-' : path])))
          // Read once each.
          expect([...reads].sort()).toEqual([...named].sort())
          const text = out.join('')
          const parsed = JSON.parse(text) as unknown
          if (named.size === 1) continue
          // As many keys in the text as in the parsed object: no key is written twice.
          const keysInText = text.split('\n').filter((row) => /^ {2}"/.test(row)).length
          expect(Object.keys(parsed as object).length).toBe(keysInText)
          expect(keysInText).toBe(named.size)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('the same file named twice is one input; a file named (stdin) is ./(stdin), apart from standard input', () => {
    const twice = runWith(['normalize', '--vendor', 'octopush', 'a.json', 'a.json'], BODIES)
    expect((JSON.parse(twice.stdout) as ReadonlyArray<Record<string, unknown>>).map((event) => event['messageId'])).toEqual(['a'])
    const folderAndFile = runWith(['normalize', '--vendor', 'octopush', 'dir/c.json', 'dir'], BODIES)
    expect(Object.keys(JSON.parse(folderAndFile.stdout) as object)).toEqual(['dir/c.json', 'dir/b.json'])
    const both = runWith(['normalize', '--vendor', 'octopush', '(stdin)', '-', '-'], BODIES, STDIN_BODY)
    const byName = JSON.parse(both.stdout) as Record<string, ReadonlyArray<Record<string, unknown>>>
    expect(Object.entries(byName).map(([name, events]) => [name, events.map((event) => event['messageId'])])).toEqual([
      ['./(stdin)', ['file-named-stdin']],
      ['(stdin)', ['stdin']],
    ])
    const io: CliIo = { listFiles: (path) => ({ files: [path], skipped: [], folder: false }), readFile: () => '', readStdin: () => '', stdout: () => undefined, flush: () => undefined, stderr: () => undefined, ...offline }
    const inputs = inputsOf(['x.json', '-', 'x.json', '-'], io)
    expect(typeof inputs === 'string' ? inputs : inputs.map((input) => input.name)).toEqual(['x.json', '(stdin)'])
  })

  it('every way a reader can close is a closed reader; other write errors are not', () => {
    const thrown = (code: unknown) => Object.assign(new Error(String(code)), { code })
    // The ways the issue names, each a closed reader.
    for (const code of ['EPIPE', 'ECONNRESET', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END', 'ENOTCONN', 'ESHUTDOWN']) {
      expect([code, readerHasGone(thrown(code)), READER_GONE_CODES.has(code)]).toEqual([code, true, true])
    }
    for (const other of ['ENOSPC', 'EACCES', 'EIO', undefined, 32]) expect([other, readerHasGone(thrown(other))]).toEqual([other, false])
    expect([readerHasGone(null), readerHasGone('EPIPE'), readerHasGone({ code: 'EPIPE' })]).toEqual([false, false, true])
  })
})

describe('characters never written raw (issue 21, item 12)', () => {
  /**
   * What docs/security.md promises to escape, written out by hand: C0 controls but the
   * line break that ends a line, DEL and C1 controls, the line and paragraph separators,
   * every bidirectional control (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069),
   * and lone surrogates.
   */
  // eslint-disable-next-line no-control-regex -- the characters are the point
  const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

  const DANGEROUS = ['\u200e', '\u200f', '\u061c', '\u202a', '\u202e', '\u2066', '\u2069', '\u2028', '\u2029', '\u001b', '\u0085', '\u009b', '\u007f', '\ud800', '\udfff', '\u0000', '\t', '\n', '\r']
  const text = fc.array(fc.oneof(fc.constantFrom(...DANGEROUS), fc.string({ unit: 'grapheme', maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 12 }).map((parts) => parts.join(''))

  it('the bidirectional marks U+200E, U+200F and U+061C are escaped in the table, JSON and NDJSON', () => {
    const number = '+33\u200e6\u200f0\u061c0'
    const body = JSON.stringify({ ...(JSON.parse(sms) as object), number })
    const table = runWith(['normalize', '--vendor', 'octopush', '--format', 'table', '-'], {}, body).stdout
    expect(table.split('\n')[1]).toMatch(/^octopush {2}sms {8}\+33\\u200e6\\u200f0\\u061c0 {2}/)
    for (const format of ['json', 'ndjson']) {
      const out = runWith(['normalize', '--vendor', 'octopush', '--format', format, '-'], {}, body).stdout
      expect(out).toContain('"recipient": "+33\\u200e6\\u200f0\\u061c0"'.replace(': ', format === 'json' ? ': ' : ':'))
    }
  })

  it('for any text in a body, no output format writes a character of the set raw, and JSON reads back the same text', () => {
    fc.assert(
      fc.property(text, text, text, (number, messageId, status) => {
        fc.pre(!/^ \d/.test(number))
        const body = JSON.stringify({ message_id: messageId, number, status: `X${status}`, delivery_date: '2025-01-22 11:46:06' })
        const run = (format: string) => runWith(['normalize', '--vendor', 'octopush', '--unknown-status', 'keep', '--format', format, 'a.json', 'b.json'], { 'a.json': body, 'b.json': sms })
        for (const format of ['json', 'ndjson', 'table']) {
          const { code, stdout, stderr } = run(format)
          expect([format, code, stderr]).toEqual([format, EXIT.ok, ''])
          expect([format, RAW.exec(stdout)?.[0]]).toEqual([format, undefined])
        }
        const events = (JSON.parse(run('json').stdout) as Record<string, ReadonlyArray<Record<string, unknown>>>)['a.json'] ?? []
        expect(events.map((event) => [event['recipient'], event['messageId'], event['vendorStatus']])).toEqual([[number, messageId, `X${status}`]])
        const line = JSON.parse(run('ndjson').stdout.split('\n')[0] ?? '') as Record<string, unknown>
        expect([line['recipient'], line['messageId'], line['vendorStatus']]).toEqual([number, messageId, `X${status}`])
      }),
      { numRuns: 300 },
    )
  })

  it('error lines and file names on stderr hold none of the set either', () => {
    fc.assert(
      fc.property(text, (name) => {
        const file = `dir/${name}.json`
        const { code, stdout, stderr } = runWith(['normalize', '--vendor', 'octopush', '--format', 'table', 'dir'], { [file]: JSON.stringify({ status: name }), 'dir/~ok.json': sms })
        expect([code, stderr.split('\n')[0]?.endsWith(': invalid body')]).toEqual([EXIT.rejected, true])
        expect(RAW.exec(stderr.replace(/\n/g, ''))?.[0]).toBeUndefined()
        expect(RAW.exec(stdout)?.[0]).toBeUndefined()
      }),
      { numRuns: 200 },
    )
  })
})

/** The keys any member of a union may have. */
type KeysOfAny<T> = T extends unknown ? keyof T : never
// No event and no detection has an `error` key, so `'error' in entry` tells an error entry apart.
const noErrorKey: 'error' extends KeysOfAny<AnyWebhookEvent | Detection> ? never : true = true

describe('refused bodies are error entries in JSON and NDJSON output (issue 24, item 11)', () => {
  const BODIES = {
    good: sms,
    invalid: '{"status":"BOUNCY"}',
    unknown: sms.replace('DELIVERED', 'NEW'),
    notJson: 'not json',
  } as const
  const KINDS = { invalid: 'invalid_body', unknown: 'unknown_status', notJson: 'invalid_body' } as const
  const names = fc.array(fc.constantFrom(...(Object.keys(BODIES) as ReadonlyArray<keyof typeof BODIES>)), { minLength: 1, maxLength: 6 })
  const folderOf = (kinds: ReadonlyArray<keyof typeof BODIES>) => Object.fromEntries(kinds.map((kind, index) => [`dir/${String(index).padStart(2, '0')}-${kind}.json`, BODIES[kind]]))

  it('JSON: every body has its entry, in order: its events, or {error: {kind, message, path}}', () => {
    expect(noErrorKey).toBe(true)
    fc.assert(
      fc.property(names, (kinds) => {
        const files = folderOf(kinds)
        const { code, stdout } = runWith(['normalize', '--vendor', 'octopush', ...(kinds.length === 1 ? Object.keys(files) : ['dir'])], files)
        const entries: ReadonlyArray<unknown> = kinds.length === 1 ? [JSON.parse(stdout)] : Object.values(JSON.parse(stdout) as Record<string, unknown>)
        if (kinds.length > 1) expect(Object.keys(JSON.parse(stdout) as object)).toEqual(Object.keys(files))
        entries.forEach((entry, index) => {
          const kind = kinds[index] ?? 'good'
          const path = Object.keys(files)[index]
          if (kind === 'good') expect(Array.isArray(entry) && entry.every((event: object) => !('error' in event))).toBe(true)
          else expect(entry).toEqual({ error: { kind: KINDS[kind], message: expect.any(String) as unknown, path } })
        })
        expect(code).toBe(kinds.every((kind) => kind === 'good') ? EXIT.ok : EXIT.rejected)
      }),
    )
  })

  it('NDJSON: one line per event and one per refused body, in order, told apart by an "error" key', () => {
    fc.assert(
      fc.property(names, (kinds) => {
        const files = folderOf(kinds)
        const lines = runWith(['normalize', '--vendor', 'octopush', '--ndjson', 'dir'], files)
          .stdout.trimEnd()
          .split('\n')
          .map((text) => JSON.parse(text) as Record<string, unknown>)
        expect(lines.map((entry) => ('error' in entry ? (entry['error'] as { readonly path: string }).path : 'event'))).toEqual(Object.keys(files).map((path, index) => (kinds[index] === 'good' ? 'event' : path)))
      }),
    )
  })

  it('a file that cannot be read is an unreadable_file entry, for detect too', () => {
    const io: CliIo = {
      listFiles: (path) => ({ files: [path], skipped: [], folder: false }),
      readFile: () => {
        throw new Error('EACCES: permission denied')
      },
      readStdin: () => sms,
      stdout: (text) => out.push(text),
      flush: () => undefined,
      stderr: () => undefined,
      ...offline,
    }
    const out: Array<string> = []
    for (const command of [['normalize', '--vendor', 'octopush'], ['detect']]) {
      out.length = 0
      expect(run([...command, 'a.json', '-'], io, '1')).toBe(EXIT.rejected)
      expect(JSON.parse(out.join('')) as unknown).toMatchObject({ 'a.json': { error: { kind: 'unreadable_file', message: 'cannot read: EACCES: permission denied', path: 'a.json' } }, '(stdin)': expect.anything() as unknown })
    }
  })
})

describe('usage errors come before any output (issue 24, item 11)', () => {
  const legacy = '{"TYPE":"PUSH","MESSANGI_ID":"-8174720676710228700","TO":"token","STATUS":"SENT"}'
  const callback = '{"id":"m-1","to":"+5588999999999","status":"READ","date":"2024-01-01T12:00:00Z"}'

  it('Messangi without --channel: a body that needs it, wherever it is, makes the run print nothing but the usage lines; each body is read once', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }), fc.constantFrom('json', 'ndjson', 'table'), (needs, format) => {
        const files = Object.fromEntries(needs.map((need, index) => [`dir/${String(index)}.json`, need ? callback : legacy]))
        const reads: Array<string> = []
        const out: Array<string> = []
        const err: Array<string> = []
        const io: CliIo = {
          listFiles: () => ({ files: Object.keys(files), skipped: [], folder: true }),
          readFile: (path) => (reads.push(path), files[path] ?? ''),
          readStdin: () => '',
          stdout: (text) => out.push(text),
          flush: () => undefined,
          stderr: (text) => err.push(text),
          ...offline,
        }
        const code = run(['normalize', '--vendor', 'messangi', '--format', format, 'dir'], io, '1')
        expect(reads).toEqual(Object.keys(files))
        if (needs.includes(true)) {
          expect([code, out.join('')]).toEqual([EXIT.usage, ''])
          expect(err.map((text) => text.slice(0, text.indexOf(':')))).toEqual([...Object.keys(files).filter((_, index) => needs[index]), 'deliverykit'])
        } else {
          expect(code).toBe(EXIT.ok)
          expect(out.join('')).not.toBe('')
        }
      }),
    )
  })

  it('only a vendor listed as needing an option some bodies lack is held back: no shipped or wild body of another needs one', () => {
    const bodies: Array<readonly [string, string]> = []
    const walk = (folder: string, vendor: string | undefined): void => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name)
        if (entry.isDirectory()) walk(path, vendor ?? entry.name)
        else if (entry.name.endsWith('.json') && vendor !== undefined) bodies.push([vendor, readFileSync(path, 'utf8')])
      }
    }
    walk(fileURLToPath(new URL('../../examples/payloads/', import.meta.url)), undefined)
    for (const vendor of VENDORS) {
      const wild = fileURLToPath(new URL(`../fixtures/wild/${vendor}/`, import.meta.url))
      for (const name of readdirSync(wild).filter((file) => file.endsWith('.json'))) {
        const fixture = JSON.parse(readFileSync(join(wild, name), 'utf8')) as { readonly body?: unknown; readonly form?: string }
        bodies.push([vendor, fixture.form ?? JSON.stringify(fixture.body)])
      }
    }
    expect(bodies.length).toBeGreaterThan(60)
    const needing = new Set<string>()
    for (const [vendor, body] of bodies) {
      for (const entry of [WEBHOOK_ENTRY, INBOUND_ENTRY]) {
        // An option refused before any body is read (Masstack sends no inbound callbacks) is the command's probe's to say.
        const probe = runEntry(REGISTRY, entry, vendor, '', {})
        if (E.isLeft(probe) && probe.left.kind === 'invalid_options') continue
        const result = runEntry(REGISTRY, entry, vendor, body, {})
        if (E.isLeft(result) && result.left.kind === 'invalid_options') needing.add(vendor)
      }
    }
    expect([...needing]).toEqual([...CHANNEL_NEEDED_BY_SOME_BODIES])
  })
})

describe('send (in memory; issue 24, item 11)', () => {
  const URL_GIVEN = 'http://127.0.0.1:3000/webhooks/octopush'
  const ok = (): Posted => ({ status: 200, statusText: 'OK', text: '' })
  const stop = 'message_id=sms_1&number=%2B33600000000&text=STOP&stop_date=2020-11-04+11%3A11%3A45'
  const examples = { 'examples/octopush/a.json': sms, 'examples/octopush/b.form': stop, 'examples/messangi/legacy.json': '{}', 'examples/messangi/sms/mt.json': '{"id":"m-1"}' }

  it('sends nothing without --url, nor with a URL that is not http(s), nor with a bad --timeout', async () => {
    for (const [argv, message] of [
      [['send', '--vendor', 'octopush'], 'send needs --url'],
      [['send', '--vendor', 'octopush', 'examples/octopush/a.json'], 'send needs --url'],
      [['send', '--vendor', 'octopush', '--url', 'file:///etc/passwd'], '--url: expected an http:// or https:// URL, received "file:///etc/passwd"'],
      [['send', '--vendor', 'octopush', '--url', '127.0.0.1:3000'], '--url: expected an http:// or https:// URL'],
      [['send', '--vendor', 'octopush', '--url', URL_GIVEN, '--timeout', '0'], '--timeout: expected seconds'],
      [['send', '--vendor', 'octopush', '--url', URL_GIVEN, '--timeout', 'soon'], '--timeout: expected seconds'],
      [['send', '--url', URL_GIVEN], 'send needs --vendor'],
      [['send', '--vendor', 'octopus', '--url', URL_GIVEN], 'did you mean --vendor octopush?'],
    ] as const) {
      const result = await runSend(argv, examples, ok)
      expect([result.code, result.posts, result.stdout, result.stderr.startsWith("deliverykit: ") && result.stderr.includes(message)]).toEqual([EXIT.usage, [], '', true])
    }
  })

  it('with no file, posts the example bodies of the vendor to the URL given, each as it is, and prints each status', async () => {
    const result = await runSend(['send', '--vendor', 'octopush', '--url', URL_GIVEN], examples, ok)
    expect(result.posts).toEqual([
      { url: URL_GIVEN, contentType: 'application/json', body: sms, timeoutMs: 10_000 },
      { url: URL_GIVEN, contentType: 'application/x-www-form-urlencoded', body: stop, timeoutMs: 10_000 },
    ])
    expect([result.code, result.stdout, result.stderr]).toEqual([EXIT.ok, 'examples/octopush/a.json (json): 200 OK\nexamples/octopush/b.form (form): 200 OK\n', ''])
  })

  it('--form posts a JSON body as the form the library reads back to the same events', async () => {
    const email = readFileSync(new URL('../../examples/payloads/octopush/voice-sms.json', import.meta.url), 'utf8')
    const result = await runSend(['send', '--vendor', 'octopush', '--form', '--url', URL_GIVEN, 'v.json'], { 'v.json': email }, ok)
    const [posted] = result.posts
    expect(posted?.contentType).toBe('application/x-www-form-urlencoded')
    expect(events(runEntry(REGISTRY, WEBHOOK_ENTRY, 'octopush', posted?.body ?? '', {}))).toEqual(events(runEntry(REGISTRY, WEBHOOK_ENTRY, 'octopush', email, {})))
  })

  it('--channel picks the examples of that channel; one with none, or with files named, is a usage error', async () => {
    const sms = await runSend(['send', '--vendor', 'messangi', '--channel', 'sms', '--url', URL_GIVEN], examples, ok)
    expect(sms.posts.map((post) => post.body)).toEqual(['{"id":"m-1"}'])
    const none = await runSend(['send', '--vendor', 'messangi', '--channel', 'rcs', '--url', URL_GIVEN], examples, ok)
    expect([none.code, none.posts, none.stderr]).toEqual([EXIT.usage, [], 'deliverykit: --channel: no example bodies for messangi on "rcs"; messangi\'s examples have folders for sms (see deliverykit --help)\n'])
    const files = await runSend(['send', '--vendor', 'messangi', '--channel', 'sms', '--url', URL_GIVEN, 'a.json'], { 'a.json': sms.posts[0]?.body ?? '' }, ok)
    expect([files.code, files.posts]).toEqual([EXIT.usage, []])
  })

  it('a reply that is not 2xx, a body that cannot be a form, and a post that fails are exit 1; the other bodies are still sent', async () => {
    const files = { 'd/a.json': sms, 'd/b.json': '[1]', 'd/c.json': sms, 'd/d.json': sms }
    let count = 0
    const result = await runSend(['send', '--vendor', 'octopush', '--form', '--url', URL_GIVEN, 'd'], files, () => {
      count += 1
      if (count === 1) return { status: 400, statusText: 'Bad Request', text: 'invalid body:\n\u001b[31mnumber missing' }
      if (count === 2) throw new Error('fetch failed')
      return ok()
    })
    expect(result.code).toBe(EXIT.rejected)
    expect(result.posts.length).toBe(3)
    expect(result.stdout).toBe('d/a.json (form): 400 Bad Request: invalid body: \\u001b[31mnumber missing\nd/d.json (form): 200 OK\n')
    expect(result.stderr).toBe('d/b.json: not sent: a form needs a JSON object at the root\nd/c.json (form): not sent: fetch failed\n')
  })

  it(`posts at most ${String(MAX_SENT_BODIES)} bodies: more is a usage error before any is sent`, async () => {
    const many = Object.fromEntries(Array.from({ length: MAX_SENT_BODIES + 1 }, (_, index) => [`d/${String(index).padStart(3, '0')}.json`, sms]))
    const result = await runSend(['send', '--vendor', 'octopush', '--url', URL_GIVEN, 'd'], many, ok)
    expect([result.code, result.posts.length, result.stderr]).toEqual([EXIT.usage, 0, `deliverykit: send posts at most ${String(MAX_SENT_BODIES)} bodies, and ${String(MAX_SENT_BODIES + 1)} were named (see deliverykit --help)\n`])
    const all = await runSend(['send', '--vendor', 'octopush', '--url', URL_GIVEN, '--timeout', '0.5', 'd'], Object.fromEntries(Object.entries(many).slice(1)), ok)
    expect([all.code, all.posts.length, all.posts[0]?.timeoutMs]).toEqual([EXIT.ok, MAX_SENT_BODIES, 500])
  })
})

describe('JSON bodies as forms (issue 24, item 11)', () => {
  const payloads = fileURLToPath(new URL('../../examples/payloads/', import.meta.url))
  const shipped: Array<readonly [Vendor, string, string | undefined]> = []
  for (const vendor of VENDORS) {
    for (const entry of readdirSync(join(payloads, vendor), { withFileTypes: true })) {
      if (entry.isDirectory()) for (const name of readdirSync(join(payloads, vendor, entry.name))) shipped.push([vendor, join(vendor, entry.name, name), entry.name])
      else if (entry.name.endsWith('.json')) shipped.push([vendor, join(vendor, entry.name), undefined])
    }
  }

  it.each(shipped)("%s %s: the form the send command posts decodes to the JSON body's events", (vendor, path, channel) => {
    const json = readFileSync(join(payloads, path), 'utf8')
    const form = jsonToForm(json)
    if ('error' in form) throw new Error(form.error)
    // An empty list is posted as an empty field, which the library reads as [] in a form (test/kit/codecs.test.ts).
    const fromForm = runEntry(REGISTRY, WEBHOOK_ENTRY, vendor, form.form, { channel })
    expect(E.isRight(fromForm)).toBe(true)
    expect(events(fromForm)).toEqual(events(runEntry(REGISTRY, WEBHOOK_ENTRY, vendor, json, { channel })))
    expect(shipped.length).toBeGreaterThan(15)
  })

  it('only a JSON object is a form, nested no deeper than the form reader keeps', () => {
    expect(jsonToForm('[1]')).toEqual({ error: 'a form needs a JSON object at the root' })
    expect(jsonToForm('"x"')).toEqual({ error: 'a form needs a JSON object at the root' })
    expect(jsonToForm('{"a":{"b":[1,{"c":null}]},"d":[],"e":true}')).toEqual({ form: 'a%5Bb%5D%5B0%5D=1&a%5Bb%5D%5B1%5D%5Bc%5D=&d=&e=true' })
    expect('error' in jsonToForm(`{"a":${'['.repeat(9)}1${']'.repeat(9)}}`)).toBe(true)
  })
})

/** A result's events without what depends on the encoding (raw, eventId), or its error's kind. */
const events = (result: ReturnType<typeof runEntry>): unknown =>
  E.isRight(result) ? JSON.parse(JSON.stringify(result.right, (key, value: unknown) => (key === 'raw' || key === 'eventId' ? undefined : value))) : result.left.kind
