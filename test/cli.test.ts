import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { EXIT, HELP, run, type CliIo } from '../src/cli/run.js'

const sms = '{"message_id":"sms_1","number":"+33600000000","status":"DELIVERED","delivery_date":"2025-01-22 11:46:06"}'

/** Runs the command in memory against a small set of files. */
const runWith = (argv: ReadonlyArray<string>, files: Readonly<Record<string, string>> = {}, stdin = '') => {
  const out: Array<string> = []
  const err: Array<string> = []
  const io: CliIo = {
    listFiles: (path) => {
      const inFolder = Object.keys(files).filter((name) => name.startsWith(`${path}/`)).sort()
      if (inFolder.length > 0) return inFolder
      if (path in files) return [path]
      throw new Error(`ENOENT: no such file or directory, stat '${path}'`)
    },
    readFile: (path) => files[path] ?? '',
    readStdin: () => stdin,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
  }
  const code = run(argv, io, '9.9.9')
  return { code, stdout: out.join(''), stderr: err.join('') }
}

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
    expect(withoutChannel.code).toBe(EXIT.usage)
    expect(withoutChannel.stderr).toContain('options.channel: expected one of sms, email, push, rcs, whatsapp (Messangi status callbacks and send API responses do not name their channel), received nothing')
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
    [[], 'no command given'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['normalize'], '--vendor is required'],
    [['normalize', '--vendor', 'twilio'], 'unknown vendor "twilio"; expected one of octopush, messangi, masstack'],
    [['normalize', '--vendor', 'octopush', '--unknown-status', 'drop'], '--unknown-status takes "keep" or "error", not "drop"'],
    [['normalize', '--vendor', 'octopush', '--colour'], "Unknown option '--colour'"],
    [['normalize', '--vendor', 'octopush', '--time-zone', 'Nowhere/Land', '-'], 'options.timeZone: expected an IANA time zone name'],
  ])('exits 2 with help for bad usage: %j', (argv, message) => {
    const { code, stderr } = runWith(argv, {}, sms)
    expect(code).toBe(EXIT.usage)
    expect(stderr).toContain(message)
    expect(stderr).toContain('Usage:')
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
    expect(json).toHaveLength(33)
    expect(json[0]).toMatchObject({ vendor: 'octopush', channel: 'all', code: 'DELIVERED', status: 'delivered', classification: 'final' })
    expect(runWith(['catalog', 'masstack', '--channel', 'push'])).toMatchObject({ code: EXIT.usage })
    expect(runWith(['catalog', 'nope']).stderr).toContain('unknown vendor "nope"')
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
    expect(HELP).toContain('deliverykit normalize --vendor octopush examples/payloads/octopush')
    expect(runWith(['--version']).stdout).toBe('9.9.9\n')
  })
})

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
const root = fileURLToPath(new URL('..', import.meta.url))

// The built command, as a subprocess: npm test builds before it runs vitest.
describe.runIf(existsSync(cli) || process.env['CI'] === 'true')('the built deliverykit command', () => {
  it('normalizes the shipped example payloads (the README main job)', () => {
    const stdout = execFileSync(process.execPath, [cli, 'normalize', '--vendor', 'octopush', 'examples/payloads/octopush'], { cwd: root, encoding: 'utf8' })
    const byFile = JSON.parse(stdout) as Record<string, ReadonlyArray<Record<string, unknown>>>
    // Every callback of the folder, whatever its kind: receipts, the STOP and the reply.
    expect(Object.fromEntries(Object.entries(byFile).map(([file, events]) => [file, events.map((event) => event['status'] ?? event['kind'])]))).toEqual({
      'examples/payloads/octopush/email.json': ['read', 'unconfirmed'],
      'examples/payloads/octopush/inbound.json': ['inbound'],
      'examples/payloads/octopush/rcs.json': ['delivered'],
      'examples/payloads/octopush/sms-2020.json': ['delivered'],
      'examples/payloads/octopush/sms.json': ['delivered'],
      'examples/payloads/octopush/stop.json': ['opt_out'],
      'examples/payloads/octopush/voice-sms-2020.json': ['undeliverable'],
      'examples/payloads/octopush/voice-sms.json': ['delivered'],
      'examples/payloads/octopush/whatsapp.json': ['read'],
    })
  })

  it('normalizes the shipped Messangi payloads, naming the channel for those that need it', () => {
    const statuses = (args: ReadonlyArray<string>) =>
      Object.values(JSON.parse(execFileSync(process.execPath, [cli, 'normalize', '--vendor', 'messangi', ...args], { cwd: root, encoding: 'utf8' })) as Record<string, ReadonlyArray<Record<string, unknown>>>)
        .flat()
        .map((event) => event['status'] ?? event['kind'])
    expect(statuses(['examples/payloads/messangi'])).toEqual(['undeliverable', 'delivered'])
    expect(statuses(['--channel', 'sms', 'examples/payloads/messangi/sms'])).toEqual(['inbound', 'delivered', 'accepted'])
  })

  it('exits 1 for a bad body and 2 for bad usage', () => {
    const bad = spawnSync(process.execPath, [cli, 'normalize', '--vendor', 'octopush', '-'], { input: '{"status":1}', encoding: 'utf8' })
    expect([bad.status, bad.stdout]).toEqual([1, ''])
    expect(bad.stderr).toContain('status: expected string, received 1')
    const usage = spawnSync(process.execPath, [cli, 'normalise'], { encoding: 'utf8' })
    expect(usage.status).toBe(2)
    expect(usage.stderr).toContain('unknown command "normalise"')
  })

  it('prints the package version', () => {
    const version = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8', cwd: root })
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
  })
})

describe.runIf(existsSync(cli) || process.env['CI'] === 'true')('the built detect and catalog commands', () => {
  it('detect exits 0 for a known body and 1 for an unknown one', () => {
    const known = spawnSync(process.execPath, [cli, 'detect', 'examples/payloads/octopush/email.json'], { cwd: root, encoding: 'utf8' })
    expect(known.status).toBe(0)
    expect(JSON.parse(known.stdout)).toMatchObject({ detected: true, vendor: 'octopush', kind: 'delivery', channel: 'email' })
    const unknown = spawnSync(process.execPath, [cli, 'detect', '-'], { input: '{"x":1}', encoding: 'utf8' })
    expect([unknown.status, unknown.stderr]).toEqual([1, '(stdin): not recognised: no known callback has these fields (x)\n'])
  })

  it('catalog exits 0 with the table and 2 for an unknown vendor', () => {
    const table = spawnSync(process.execPath, [cli, 'catalog', 'octopush'], { encoding: 'utf8' })
    expect(table.status).toBe(0)
    expect(table.stdout.split('\n')[0]).toBe('Octopush status catalog (33 rows)')
    expect(spawnSync(process.execPath, [cli, 'catalog', 'twilio'], { encoding: 'utf8' }).status).toBe(2)
  })
})
