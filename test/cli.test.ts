// The command in memory (test/cliHarness.ts). Its usage errors and text output, cell by
// cell, are in cli-usage.test.ts; the built command as a subprocess in cli-process.test.ts.
import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { OutputClosed } from '../src/cli/io.js'
import { EXIT, HELP, run, type CliIo } from '../src/cli/run.js'
import { runWith, sms } from './cliHarness.js'

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
      stderr: '(stdin): --channel: expected one of sms, email, push, rcs, whatsapp (Messangi status callbacks and send API responses do not name their channel), received nothing\n',
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
    expect(Object.keys(JSON.parse(stdout) as object)).toEqual(['dir/good.json'])
  })

  it.each([
    [[], 'no command given; the commands are normalize, detect, catalog'],
    [['frobnicate'], 'unknown command "frobnicate"; the commands are normalize, detect, catalog'],
    [['normalize'], '--vendor is required'],
    [['normalize', '--vendor', 'twilio'], '--vendor: expected one of octopush, messangi, masstack, received "twilio"'],
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
    expect(runWith(['catalog', 'nope']).stderr).toBe('deliverykit: --vendor: expected one of octopush, messangi, masstack, received "nope" (see deliverykit --help)\n')
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
    const email = readFileSync(new URL('../examples/payloads/octopush/email.json', import.meta.url), 'utf8')
    const files = { 'dir/a.json': sms, 'dir/b.json': email, 'dir/c.json': '{"status":1}' }
    const several = runWith(['normalize', '--vendor', 'octopush', 'dir'], files)
    expect(several.stdout).toBe(`${JSON.stringify(JSON.parse(several.stdout), null, 2)}\n`)
    expect(Object.keys(JSON.parse(several.stdout) as object)).toEqual(['dir/a.json', 'dir/b.json'])
    const one = runWith(['normalize', '--vendor', 'octopush', 'b.json'], { 'b.json': email })
    expect(one.stdout).toBe(`${JSON.stringify(JSON.parse(one.stdout), null, 2)}\n`)
    expect((JSON.parse(one.stdout) as ReadonlyArray<unknown>).length).toBe(2)
    // Every body rejected: an empty object for several, nothing for one.
    expect(runWith(['normalize', '--vendor', 'octopush', 'dir'], { 'dir/c.json': '{}', 'dir/d.json': '{}' }).stdout).toBe('{}\n')
    expect(runWith(['normalize', '--vendor', 'octopush', 'c.json'], { 'c.json': '{}' }).stdout).toBe('')
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
      return { io: { listFiles: (path) => [path], readFile: () => sms, readStdin, stdout, stderr: (text) => err.push(text) }, err }
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
