// The built command, run as a subprocess (dist/cli.js): what a user's shell sees. The
// in-memory tests of the same command are in cli.test.ts; these are kept apart so the
// mutation run, which mutates src/ and not dist/, can leave them out.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'

import { isInboundVendor, VENDORS } from 'deliverykit'
import { afterAll, describe, expect, it } from 'vitest'

import { HELP } from '../../src/cli/run.js'

const sms = '{"message_id":"sms_1","number":"+33600000000","status":"DELIVERED","delivery_date":"2025-01-22 11:46:06"}'

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const root = fileURLToPath(new URL('../..', import.meta.url))

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
    // The MO example's text is STOP: an opt-out by the default optOutKeywords.
    expect(statuses(['--channel', 'sms', 'examples/payloads/messangi/sms'])).toEqual(['opt_out', 'delivered', 'accepted'])
  })

  it('exits 1 for a bad body and 2 for bad usage', () => {
    const bad = spawnSync(process.execPath, [cli, 'normalize', '--vendor', 'octopush', '-'], { input: '{"status":1}', encoding: 'utf8' })
    expect([bad.status, (JSON.parse(bad.stdout) as { readonly error: unknown }).error]).toEqual([1, { kind: 'invalid_body', message: expect.stringContaining('status: expected string, received 1') as unknown, path: '(stdin)' }])
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
    expect(table.stdout.split('\n')[0]).toBe('Octopush status catalog (35 rows)')
    expect(spawnSync(process.execPath, [cli, 'catalog', 'twilio'], { encoding: 'utf8' }).status).toBe(2)
  })
})

/** The built command, run in `cwd` (the repository unless said), with `input` on stdin. */
const runCli = (args: ReadonlyArray<string>, options: { readonly input?: string | Buffer; readonly cwd?: string } = {}) => {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: options.cwd ?? root, input: options.input ?? '', encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** The built command, as `runCli`, without blocking: for tests that run side by side. */
const runCliAsync = (args: ReadonlyArray<string>, input: string) =>
  new Promise<{ readonly status: number | null; readonly stdout: string; readonly stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text))
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text))
    child.stdin.on('error', () => undefined).end(input)
    child.on('close', (status) => {
      resolve({ status, stdout, stderr })
    })
  })

/** Whether text holds a character a terminal acts on: ESC (every ANSI sequence), another control, a C1 control. */
// eslint-disable-next-line no-control-regex -- the characters are the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

/** The failures a user must never see: a stack trace, Node's messages about the argument parser. */
const expectOneLine = (stderr: string, text: string | RegExp): void => {
  expect(stderr.endsWith('\n') && stderr.split('\n').length === 2).toBe(true)
  if (typeof text === 'string') expect(stderr).toBe(`${text}\n`)
  else expect(stderr.slice(0, -1)).toMatch(text)
  expect(stderr).not.toMatch(/\n\s+at |node:internal|Error:/)
}

const work = mkdtempSync(join(tmpdir(), 'deliverykit-cli-'))
afterAll(() => {
  rmSync(work, { recursive: true, force: true })
})
const folder = (name: string, files: Readonly<Record<string, string>> = {}): string => {
  const path = join(work, name)
  mkdirSync(path, { recursive: true })
  for (const [file, text] of Object.entries(files)) writeFileSync(join(path, file), text)
  return path
}

const RECIPIENTS = 50_000
/** An Octopush e-mail receipt of 50,000 recipients (8.6 MB), `user0@example.com` to `user49999@example.com`. */
const bigEmailBody = (): string =>
  JSON.stringify({
    channel: 'email',
    message_id: 'email_big',
    deliveries: Array.from({ length: RECIPIENTS }, (_, i) => ({
      email: `user${String(i)}@example.com`,
      status: 'DELIVERED',
      delivery_date: '2025-01-22 11:46:06',
      status_history: [{ status: 'ISP_SEND', delivery_date: '2025-01-22 11:46:00' }],
    })),
  })

describe.runIf(existsSync(cli) || process.env['CI'] === 'true')('the built command: what it reads (issue 12, defect 9)', { timeout: 60_000 }, () => {
  it('skips a folder named x.json inside a folder, and a folder holding only that is an error, not a stack trace', () => {
    const mixed = folder('mixed', { 'a.json': sms })
    mkdirSync(join(mixed, 'x.json'))
    const ok = runCli(['normalize', '--vendor', 'octopush', mixed])
    expect(ok.status).toBe(0)
    expectOneLine(ok.stderr, `${join(mixed, 'x.json')}: skipped: a folder (folders inside a folder are not read: name it, with its --channel if it needs one)`)
    expect((JSON.parse(ok.stdout) as ReadonlyArray<Record<string, unknown>>).map((event) => event['status'])).toEqual(['delivered'])
    const onlyFolder = folder('only-folder')
    mkdirSync(join(onlyFolder, 'x.json'))
    const inner = join(onlyFolder, 'x.json')
    const refused = runCli(['normalize', '--vendor', 'octopush', onlyFolder])
    expect([refused.status, refused.stdout]).toEqual([1, ''])
    expect(refused.stderr).toBe(`${inner}: skipped: a folder (folders inside a folder are not read: name it, with its --channel if it needs one)\ndeliverykit: ${onlyFolder}: no body files (*.json, *.form or *.txt) in this folder\n`)
    const named = runCli(['normalize', '--vendor', 'octopush', inner])
    expect([named.status, named.stdout]).toEqual([1, ''])
    expectOneLine(named.stderr, `deliverykit: ${inner}: no body files (*.json, *.form or *.txt) in this folder`)
  })

  it('a folder with no body files is exit 1 and one line, for normalize and detect', () => {
    const empty = folder('empty', { 'notes.md': 'not a body', '.hidden.json': sms })
    for (const command of [['normalize', '--vendor', 'octopush'], ['detect']]) {
      const result = runCli([...command, empty])
      expect([result.status, result.stdout]).toEqual([1, ''])
      // The file not named as a body is said; the hidden one is left out, as ls leaves it.
      expect(result.stderr).toBe(`${join(empty, 'notes.md')}: skipped: not named *.json, *.form or *.txt\ndeliverykit: ${empty}: no body files (*.json, *.form or *.txt) in this folder\n`)
    }
  })

  it('a file that cannot be read is one line and exit 1, and the other bodies are still handled', () => {
    const dir = folder('unreadable', { 'a.json': sms })
    symlinkSync(join(dir, 'nowhere'), join(dir, 'broken.json'))
    const result = runCli(['normalize', '--vendor', 'octopush', dir])
    expect(result.status).toBe(1)
    expectOneLine(result.stderr, `${join(dir, 'broken.json')}: cannot read: ENOENT: no such file or directory, open '${join(dir, 'broken.json')}'`)
    const document = JSON.parse(result.stdout) as Record<string, unknown>
    expect(Object.keys(document)).toEqual([join(dir, 'a.json'), join(dir, 'broken.json')])
    expect(document[join(dir, 'broken.json')]).toEqual({ error: { kind: 'unreadable_file', message: `cannot read: ENOENT: no such file or directory, open '${join(dir, 'broken.json')}'`, path: join(dir, 'broken.json') } })
    const missing = runCli(['normalize', '--vendor', 'octopush', join(dir, 'missing.json')])
    expect([missing.status, missing.stdout]).toEqual([1, ''])
    expectOneLine(missing.stderr, /^deliverykit: .*missing\.json: ENOENT: no such file or directory/)
  })

  it('bodies are read as bytes: a UTF-8 byte-order mark is fine, bytes that are not UTF-8 are an invalid body', () => {
    const dir = folder('bytes')
    writeFileSync(join(dir, 'bom.json'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sms)]))
    writeFileSync(join(dir, 'latin1.json'), Buffer.from(sms.replace('sms_1', 'sms_\u00e9'), 'latin1'))
    const result = runCli(['normalize', '--vendor', 'octopush', dir])
    expect(result.status).toBe(1)
    const document = JSON.parse(result.stdout) as Record<string, unknown>
    expect(Object.keys(document)).toEqual([join(dir, 'bom.json'), join(dir, 'latin1.json')])
    expect(document[join(dir, 'latin1.json')]).toEqual({ error: { kind: 'invalid_body', message: '(root): the bytes are not valid UTF-8', path: join(dir, 'latin1.json') } })
    expect(result.stderr).toBe(`${join(dir, 'latin1.json')}: invalid body\n  (root): the bytes are not valid UTF-8\n`)
  })

  it('a body over the 32 MiB limit is refused without being read: a file in one line, standard input too', () => {
    const dir = folder('large')
    const huge = join(dir, 'huge.json')
    writeFileSync(huge, '')
    truncateSync(huge, 64 * 1024 * 1024) // sparse: nothing is written
    const file = runCli(['normalize', '--vendor', 'octopush', huge])
    expect([file.status, (JSON.parse(file.stdout) as { readonly error: { readonly kind: string } }).error.kind]).toEqual([1, 'unreadable_file'])
    expectOneLine(file.stderr, `${huge}: cannot read: the body is 67108864 bytes, over the limit of 33554432 (maxBodySize)`)
    const stdin = runCli(['detect', '-'], { input: Buffer.alloc(33_554_433, 0x20) })
    expect([stdin.status, (JSON.parse(stdin.stdout) as { readonly error: { readonly kind: string } }).error.kind]).toEqual([1, 'unreadable_file'])
    expectOneLine(stdin.stderr, '(stdin): cannot read: the body is over the limit of 33554432 bytes (maxBodySize)')
  })
})

describe.runIf(existsSync(cli) || process.env['CI'] === 'true')('the built command: what it echoes is escaped and cut (issue 12, defect 9)', { timeout: 60_000 }, () => {
  it('detect does not echo a 10 MB key, nor the escape sequences in keys', () => {
    const key = `\u001b]0;owned\u0007\u001b[31m${'k'.repeat(10 * 1024 * 1024)}`
    const result = runCli(['detect', '-'], { input: JSON.stringify({ [key]: 1, '\u009b2J': 2 }) })
    expect(result.status).toBe(1)
    expect(result.stderr.length).toBeLessThan(500)
    expect(RAW_CONTROL.test(result.stderr) || RAW_CONTROL.test(result.stdout)).toBe(false)
    expectOneLine(result.stderr, new RegExp(`^\\(stdin\\): not recognised: no known callback has these fields \\("\\\\u001b\\]0;owned\\\\u0007\\\\u001b\\[31mk+…" \\(${String(key.length)} characters\\), "\\\\u009b2J"\\)$`))
    const detection = JSON.parse(result.stdout) as { readonly detected: boolean; readonly reason: string }
    expect([detection.detected, detection.reason.endsWith(`(${String(key.length)} characters), "\u009b2J")`)]).toEqual([false, true])
  })

  it('a rejected body with a huge, escape-laden value gives short, printable lines', () => {
    const status = `\u001b[2J\u009b31m${'X'.repeat(10 * 1024 * 1024)}`
    const body = JSON.stringify({ ...(JSON.parse(sms) as object), status })
    const result = runCli(['normalize', '--vendor', 'octopush', '-'], { input: body })
    expect([result.status, (JSON.parse(result.stdout) as { readonly error: { readonly kind: string } }).error.kind]).toEqual([1, 'unknown_status'])
    // The error entry holds the same cut message: short, and no raw control character.
    expect(result.stdout.length).toBeLessThan(2000)
    expect(RAW_CONTROL.test(result.stdout)).toBe(false)
    expect(RAW_CONTROL.test(result.stderr)).toBe(false)
    const lines = result.stderr.trimEnd().split('\n')
    expect(lines[0]).toBe('(stdin): unknown status')
    expect(lines[1]).toMatch(new RegExp(`^ {2}status: "\\\\u001b\\[2J\\\\u009b31mX+…" \\(${String(status.length)} characters\\) is not an Octopush status; expected one of DELIVERED, `))
    // Each line is cut at 500 characters, and says how long it was.
    expect(Math.max(...lines.map((text) => text.length))).toBeLessThanOrEqual(500 + '… (10485790 characters)'.length)
  })

  it('values from a body are escaped in JSON, NDJSON and the table, and the JSON still means the same', () => {
    const number = `\u001b[2J+33\u009b6\u202e${'0'.repeat(40)}`
    const body = JSON.stringify({ ...(JSON.parse(sms) as object), number })
    for (const format of ['json', 'ndjson']) {
      const result = runCli(['normalize', '--vendor', 'octopush', '--format', format, '-'], { input: body })
      expect([result.status, RAW_CONTROL.test(result.stdout)]).toEqual([0, false])
      const event = (format === 'json' ? (JSON.parse(result.stdout) as ReadonlyArray<Record<string, unknown>>)[0] : (JSON.parse(result.stdout) as Record<string, unknown>)) ?? {}
      expect(event['recipient']).toBe(number)
    }
    const table = runCli(['normalize', '--vendor', 'octopush', '--format', 'table', '-'], { input: body })
    expect(RAW_CONTROL.test(table.stdout)).toBe(false)
    // The recipient column is 28 wide: the escaped text is cut, with a "…".
    expect(table.stdout.split('\n')[1]).toBe('octopush  sms        \\u001b[2J+33\\u009b6\\u202e00…  delivered      final           2025-01-22T11:46:06+01:00')
  })

  it('a file name with an escape sequence is escaped where it is echoed', () => {
    const dir = folder('names', { '\u001b[31mred.json': '{"status":1}', 'ok.json': sms })
    const result = runCli(['normalize', '--vendor', 'octopush', '--format', 'table', dir])
    expect(result.status).toBe(1)
    expect(RAW_CONTROL.test(result.stderr) || RAW_CONTROL.test(result.stdout)).toBe(false)
    expect(result.stderr.split('\n')[0]).toBe(`${dir}/\\u001b[31mred.json: invalid body`)
  })
})

describe.runIf(existsSync(cli) || process.env['CI'] === 'true')('the built command: a large body is written event by event (issue 12, defect 9)', { timeout: 60_000 }, () => {
  const dir = folder('big', { 'big.json': bigEmailBody(), 'small.json': sms })
  const expected = Array.from({ length: RECIPIENTS }, (_, i) => `user${String(i)}@example.com`)

  it('--ndjson: 50,000 lines, each an event, in order', () => {
    const result = runCli(['normalize', '--vendor', 'octopush', '--ndjson', join(dir, 'big.json')])
    expect([result.status, result.stderr]).toEqual([0, ''])
    const events = result.stdout
      .trimEnd()
      .split('\n')
      .map((text) => JSON.parse(text) as Record<string, unknown>)
    expect(events.map((event) => event['recipient'])).toEqual(expected)
    expect(new Set(events.map((event) => event['status']))).toEqual(new Set(['delivered']))
  })

  it('JSON: one valid document keyed by file, with 50,000 events and 1', () => {
    const result = runCli(['normalize', '--vendor', 'octopush', dir])
    expect([result.status, result.stderr]).toEqual([0, ''])
    const byFile = JSON.parse(result.stdout) as Record<string, ReadonlyArray<Record<string, unknown>>>
    expect(Object.keys(byFile)).toEqual([join(dir, 'big.json'), join(dir, 'small.json')])
    expect(byFile[join(dir, 'big.json')]?.map((event) => event['recipient'])).toEqual(expected)
    expect(byFile[join(dir, 'small.json')]?.map((event) => event['recipient'])).toEqual(['+33600000000'])
  })

  it('the table: a heading and 50,000 lines', () => {
    const result = runCli(['normalize', '--vendor', 'octopush', '--format', 'table', join(dir, 'big.json')])
    const lines = result.stdout.trimEnd().split('\n')
    expect([result.status, lines.length, lines[RECIPIENTS]]).toEqual([0, RECIPIENTS + 1, expect.stringMatching(/^octopush +email +user49999@example\.com +delivered +final +2025-01-22T11:46:06\+01:00$/)])
  })

  // A reader can go in several ways, and which error the command's next write gets depends
  // on what standard output is: a pipe gives EPIPE; the socket Node gives a child gives
  // ECONNRESET when the reader left output unread, EPIPE otherwise. Each way is a test, and
  // each expects the same: exit 1, nothing on stderr. (The list of codes is checked one by
  // one, in memory, in cli.test.ts.)
  const big = (): ReadonlyArray<string> => [cli, 'normalize', '--vendor', 'octopush', '--ndjson', join(dir, 'big.json')]

  /** The command on `big.json`, its stdout handed to `reader`; resolves with its exit code and stderr. */
  const withReader = (reader: (stdout: Readable) => void) =>
    new Promise<readonly [number | null, string]>((resolve) => {
      const child = spawn(process.execPath, big(), { stdio: ['ignore', 'pipe', 'pipe'] })
      let stderr = ''
      child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text))
      reader(child.stdout)
      child.on('close', (status) => {
        resolve([status, stderr])
      })
    })

  it('a reader that goes away (… | head) stops the command quietly: no EPIPE stack trace', async () => {
    expect(await withReader((stdout) => stdout.once('data', () => stdout.destroy()))).toEqual([1, ''])
  })

  it('a reader that goes away leaving output unread (ECONNRESET on a socket) stops it quietly too', async () => {
    // Nothing is read by the test: Node's own buffer fills and it stops reading, then the
    // socket's fills, and the reader closes with output unread. Whether the socket still
    // holds output at that moment is up to the scheduler, so the test does not depend on
    // it: ECONNRESET and EPIPE must end the same way.
    const result = await withReader((stdout) => {
      stdout.pause()
      const full = setInterval(() => {
        if (stdout.readableLength >= stdout.readableHighWaterMark) {
          clearInterval(full)
          setTimeout(() => stdout.destroy(), 500)
        }
      }, 10)
    })
    expect(result).toEqual([1, ''])
  })

  it('a reader gone before the first write, and a shell pipe into head, stop it quietly', async () => {
    expect(await withReader((stdout) => stdout.destroy())).toEqual([1, ''])
    // A real pipe, as a user's shell makes it: EPIPE.
    const command = `{ "${process.execPath}" "${cli}" normalize --vendor octopush --ndjson "${join(dir, 'big.json')}"; echo "exit $?" >&2; } | head -n 1`
    const piped = spawnSync('sh', ['-c', command], { encoding: 'utf8' })
    expect(JSON.parse(piped.stdout) as Record<string, unknown>).toMatchObject({ recipient: 'user0@example.com' })
    expect(piped.stderr).toBe('exit 1\n')
  })
})

describe.runIf(existsSync(cli) || process.env['CI'] === 'true')('the built command for people (issue 13)', { timeout: 60_000 }, () => {
  it.concurrent.each([
    [['normalize', '--vendor', 'octopush', '--chanel', 'sms'], 'unknown flag --chanel; did you mean --channel?'],
    [['normalize', '--vendor', 'octopush', '--timezone', 'UTC'], 'unknown flag --timezone; did you mean --time-zone?'],
    [['normalize', '--vendor', 'octopush', '-x'], 'unknown flag -x'],
    [['normalise', '--vendor', 'octopush'], 'unknown command "normalise"; did you mean normalize?'],
    [['normalize', '--vendor', 'octopus'], `--vendor: expected one of ${VENDORS.join(', ')}, received "octopus"; did you mean --vendor octopush?`],
    [['catalog', 'Messangi'], `--vendor: expected one of ${VENDORS.join(', ')}, received "Messangi"; did you mean --vendor messangi?`],
    [['normalize', '--vendor', 'octopush', '--channel', 'smss'], '--channel: expected one of sms, voice, rcs, whatsapp, facebook, instagram, received "smss"; did you mean --channel sms?'],
    [['normalize', '--vendor', 'messangi', '--channel', 'whatsap'], '--channel: expected one of sms, email, push, rcs, whatsapp (Messangi status callbacks and send API responses do not name their channel), received "whatsap"; did you mean --channel whatsapp?'],
    [['catalog', 'octopush', '--channel', 'voise'], '--channel: expected one of sms, voice, email, push, rcs, whatsapp, facebook, instagram, received "voise"; did you mean --channel voice?'],
    [['normalize', '--vendor', 'octopush', '--time-zone', 'Europe/Pariss'], '--time-zone: expected an IANA time zone name such as "Europe/Paris", received "Europe/Pariss"'],
    [['normalize', '--vendor', 'octopush', '--unknown-status', 'kep'], '--unknown-status: expected "keep" or "error", received "kep"; did you mean --unknown-status keep?'],
    [['normalize', '--vendor', 'octopush', '--format', 'tabel'], '--format: expected one of json, ndjson, table, received "tabel"; did you mean --format table?'],
    [['normalize', '--vendor', 'masstack', '--inbound'], `--vendor: expected a vendor that sends opt-out or inbound callbacks (${VENDORS.filter(isInboundVendor).join(', ')}), received "masstack"`],
    [['normalize', '--vendor'], '--vendor needs a value'],
    [['normalize', '--vendor', '--ndjson'], '--vendor needs a value, and --ndjson is a flag'],
    [['normalize', '--vendor', 'octopush', '--ndjson=yes'], '--ndjson takes no value'],
    [['catalog', 'octopush', '--ndjson'], 'catalog takes no --ndjson; its flags are --vendor, --channel, --legacy, --format, --json'],
    [['detect', '--vendor', 'octopush'], 'detect takes no --vendor (it takes no flags)'],
    [['normalize'], '--vendor is required'],
    [[], 'no command given; the commands are normalize, detect, catalog, send, replay'],
  ])('usage error, one line, exit 2: %j', async (args, message) => {
    const result = await runCliAsync(args, sms)
    expect([result.status, result.stdout]).toEqual([2, ''])
    expectOneLine(result.stderr, `deliverykit: ${message} (see deliverykit --help)`)
  })

  it('a body that needs a flag not given names the flag, not options.channel', () => {
    const callback = readFileSync(join(root, 'examples/payloads/messangi/whatsapp/callback.json'), 'utf8')
    const result = runCli(['normalize', '--vendor', 'messangi', '-'], { input: callback })
    expect([result.status, result.stdout]).toEqual([2, ''])
    expect(result.stderr).toBe(
      '(stdin): --channel: expected one of sms, email, push, rcs, whatsapp (Messangi status callbacks and send API responses do not name their channel), received nothing\n' +
        'deliverykit: nothing was printed: name the channel with --channel, or read these bodies apart (see deliverykit --help)\n',
    )
  })

  it('--format table shows the shipped Octopush payloads one line per event, under a heading', () => {
    const result = runCli(['normalize', '--vendor', 'octopush', '--format', 'table', 'examples/payloads/octopush'])
    expect([result.status, result.stderr]).toEqual([0, ''])
    // From the payload files and the Octopush catalog.
    expect(result.stdout.trimEnd().split('\n').map((row) => row.split(/ {2,}/))).toEqual([
      ['file', 'vendor', 'channel', 'recipient', 'status', 'classification', 'time', 'details'],
      ['email.json', 'octopush', 'email', 'first.recipient@example.com', 'read', 'final', '2025-01-22T12:24:30+01:00'],
      ['email.json', 'octopush', 'email', 'second.recipient@example.com', 'unconfirmed', 'failure', '2025-01-22T12:19:30+01:00', 'spam, temporary'],
      ['inbound.json', 'octopush', 'sms', 'from +44600000000', 'inbound', '-', '2020-11-04T11:11:45+01:00', '"some reply"'],
      ['rcs.json', 'octopush', 'rcs', '+33600112233', 'delivered', 'final', '2025-01-22T12:29:14+01:00'],
      ['sms-2020.json', 'octopush', 'sms', '+33600000000', 'delivered', 'final', '2020-11-04T11:11:45+01:00'],
      ['sms.json', 'octopush', 'sms', '+33600112233', 'delivered', 'final', '2025-01-22T11:46:06+01:00'],
      ['stop.json', 'octopush', 'sms', 'from +33600000000', 'opt-out', '-', '2020-11-04T11:11:45+01:00', '"stop"'],
      ['voice-sms-2020.json', 'octopush', 'voice', '+33600000000', 'undeliverable', 'failure', '2020-11-04T11:11:45+01:00', 'unreachable, temporary'],
      ['voice-sms.json', 'octopush', 'voice', '+33600112233', 'delivered', 'final', '2025-01-22T12:28:27+01:00'],
      ['whatsapp.json', 'octopush', 'whatsapp', '+33600112233', 'read', 'final', '2025-07-14T09:05:00+02:00'],
    ])
  })

  it('--inbound keeps opt-outs and inbound messages, and refuses the receipts', () => {
    const result = runCli(['normalize', '--vendor', 'octopush', '--inbound', '--format', 'table', 'examples/payloads/octopush'])
    expect(result.status).toBe(1)
    expect(result.stdout.trimEnd().split('\n').slice(1).map((row) => row.split(/ {2,}/).slice(0, 5))).toEqual([
      ['inbound.json', 'octopush', 'sms', 'from +44600000000', 'inbound'],
      ['stop.json', 'octopush', 'sms', 'from +33600000000', 'opt-out'],
    ])
    expect(result.stderr).toContain('examples/payloads/octopush/sms.json: unexpected callback\n  (root): this is an Octopush delivery receipt, not an opt-out or inbound message')
  })

  it('npm run demo shows every shipped payload as tables that fit one screen, one line per event', async () => {
    const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { readonly scripts: Readonly<Record<string, string>> }).scripts['demo'] ?? ''
    expect(script).toBe('npm run build && node scripts/demo.mjs')
    const { demoCommands } = await import('../../scripts/demo.mjs')
    const commands = demoCommands()
    // Every vendor of the list has its folder of examples, and each channel folder its own table.
    expect(new Set(commands.map((args) => args[args.indexOf('--vendor') + 1]))).toEqual(new Set(VENDORS))
    const output = execFileSync(process.execPath, [join(root, 'scripts', 'demo.mjs')], { cwd: root, encoding: 'utf8' })
    const lines = output.trimEnd().split('\n')
    const headings = lines.filter((text) => /^file +vendor +channel/.test(text) || /^vendor +channel/.test(text))
    expect(headings).toHaveLength(commands.length)
    // One line per event: as many as the same folders give events as NDJSON.
    const events = commands
      .map((args) => execFileSync(process.execPath, [cli, ...args.filter((arg, i) => arg !== '--format' && args[i - 1] !== '--format'), '--ndjson'], { cwd: root, encoding: 'utf8' }))
      .join('')
      .trimEnd()
      .split('\n')
    expect(lines).toHaveLength(headings.length + events.length)
    expect(lines.length).toBeLessThanOrEqual(40)
  })

  it('every example of --help runs as shown where the package is installed', () => {
    const install = folder('installed')
    mkdirSync(join(install, 'node_modules'), { recursive: true })
    symlinkSync(root, join(install, 'node_modules', 'deliverykit'))
    mkdirSync(join(install, 'bin'))
    writeFileSync(join(install, 'bin', 'deliverykit'), `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`)
    chmodSync(join(install, 'bin', 'deliverykit'), 0o755)
    const examples = HELP.slice(HELP.indexOf('\nExamples')).split('\n').slice(2).map((text) => text.trim()).filter((text) => text !== '')
    expect(examples.length).toBeGreaterThanOrEqual(6)
    for (const example of examples) {
      const result = spawnSync('sh', ['-c', example], { cwd: install, encoding: 'utf8', env: { ...process.env, PATH: `${join(install, 'bin')}:${process.env['PATH'] ?? ''}` } })
      expect([example, result.status, result.stderr]).toEqual([example, 0, ''])
      expect(result.stdout.length).toBeGreaterThan(0)
    }
    // The bodies they name ship: package.json's files has examples/payloads.
    const files = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { readonly files: ReadonlyArray<string> }).files
    expect(files.map((entry) => entry.replace(/\/$/, '')).some((entry) => entry === 'examples/payloads' || entry === 'examples')).toBe(true)
  })
})

describe.runIf((existsSync(cli) || process.env['CI'] === 'true') && process.platform !== 'win32')('the built command: nothing waits forever, nothing waits behind a read (issue 21, item 10)', { timeout: 60_000 }, () => {
  it("a FIFO named *.json in a folder is skipped with a line on stderr, and the folder's bodies are handled", () => {
    const dir = folder('fifo', { 'a.json': sms, 'c.json': sms.replace('sms_1', 'sms_3') })
    execFileSync('mkfifo', [join(dir, 'b.json')])
    // Bounded: the command on main waited on the FIFO forever, and was killed here.
    const result = spawnSync(process.execPath, [cli, 'normalize', '--vendor', 'octopush', '--ndjson', dir], { encoding: 'utf8', timeout: 20_000 })
    expect([result.status, result.signal, result.stderr]).toEqual([0, null, `${join(dir, 'b.json')}: skipped: a FIFO, not a regular file\n`])
    expect(result.stdout.trimEnd().split('\n').map((text) => (JSON.parse(text) as Record<string, unknown>)['messageId'])).toEqual(['sms_1', 'sms_3'])
  })

  it("a body's events are written before the command waits on the next body (standard input held open)", async () => {
    const dir = folder('flush', { 'a.json': sms })
    const child = spawn(process.execPath, [cli, 'normalize', '--vendor', 'octopush', '--ndjson', join(dir, 'a.json'), '-'], { stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    const firstLine = new Promise<string>((resolve) => {
      child.stdout.setEncoding('utf8').on('data', (text: string) => {
        stdout += text
        if (stdout.includes('\n')) resolve('written')
      })
    })
    // Bounded: on main the events of a.json waited, unwritten, for standard input to end.
    const waited = await Promise.race([firstLine, new Promise<string>((resolve) => {
        setTimeout(() => {
          resolve('not written in 20 s')
        }, 20_000)
      })])
    child.stdin.end(sms.replace('sms_1', 'sms_2'))
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect([waited, status]).toEqual(['written', 0])
    expect(stdout.trimEnd().split('\n').map((text) => (JSON.parse(text) as Record<string, unknown>)['messageId'])).toEqual(['sms_1', 'sms_2'])
  })

  it('the same file named twice, or by a folder and by name, is one key of one valid JSON document', () => {
    const dir = folder('twice', { 'a.json': sms, 'b.json': sms.replace('sms_1', 'sms_2') })
    const result = runCli(['normalize', '--vendor', 'octopush', join(dir, 'a.json'), dir, join(dir, 'a.json')])
    expect(result.status).toBe(0)
    const byFile = JSON.parse(result.stdout) as Record<string, ReadonlyArray<Record<string, unknown>>>
    expect(Object.entries(byFile).map(([file, events]) => [file, events.map((event) => event['messageId'])])).toEqual([
      [join(dir, 'a.json'), ['sms_1']],
      [join(dir, 'b.json'), ['sms_2']],
    ])
    expect(result.stdout.split('\n').filter((row) => row.startsWith('  "')).length).toBe(2)
  })
})

/** What a local endpoint received: one entry per request. */
interface Received {
  readonly method: string
  readonly path: string
  readonly contentType: string
  readonly body: string
}

/**
 * An endpoint on 127.0.0.1, on a port the system picks: `/ok` answers 200, `/bad` 400 with
 * a reason, `/moved` a redirect to `/ok`, `/slow` never answers. Closed after the test.
 */
const withEndpoint = async (test: (base: string, received: ReadonlyArray<Received>) => Promise<void>): Promise<void> => {
  const { createServer } = await import('node:http')
  const received: Array<Received> = []
  const server = createServer((request, response) => {
    let body = ''
    request.setEncoding('utf8').on('data', (text: string) => (body += text))
    request.on('end', () => {
      received.push({ method: request.method ?? '', path: request.url ?? '', contentType: request.headers['content-type'] ?? '', body })
      if (request.url === '/slow') return
      if (request.url === '/moved') response.writeHead(307, { location: '/ok' }).end()
      else if (request.url === '/bad') response.writeHead(400, { 'content-type': 'text/plain' }).end('invalid body: number missing')
      else response.writeHead(200).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  try {
    await test(`http://127.0.0.1:${String(port)}`, received)
  } finally {
    server.closeAllConnections()
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve()
      })
    })
  }
}

describe.runIf(existsSync(cli) || process.env['CI'] === 'true')('the built send command against a local endpoint (issue 24, item 11)', { timeout: 60_000 }, () => {
  it("posts every example body of the vendor, each as it is stored, and prints each reply's status", async () => {
    await withEndpoint(async (base, received) => {
      const result = await runCliAsync(['send', '--vendor', 'octopush', '--url', `${base}/ok`], '')
      const examples = join(root, 'examples/payloads/octopush')
      const names = ['email.json', 'inbound.json', 'rcs.json', 'sms-2020.json', 'sms.json', 'stop.json', 'voice-sms-2020.json', 'voice-sms.json', 'whatsapp.json']
      expect([result.status, result.stderr]).toEqual([0, ''])
      expect(result.stdout).toBe(names.map((name) => `${join(examples, name)} (json): 200 OK\n`).join(''))
      expect(received).toEqual(names.map((name) => ({ method: 'POST', path: '/ok', contentType: 'application/json', body: readFileSync(join(examples, name), 'utf8') })))
    })
  })

  it('--form posts a form; a 400 is exit 1 with its reason; a redirect is reported, not followed', async () => {
    await withEndpoint(async (base, received) => {
      const form = await runCliAsync(['send', '--vendor', 'octopush', '--form', '--url', `${base}/bad`, '-'], sms)
      expect([form.status, form.stdout, form.stderr]).toEqual([1, '(stdin) (form): 400 Bad Request: invalid body: number missing\n', ''])
      expect(received[0]).toEqual({ method: 'POST', path: '/bad', contentType: 'application/x-www-form-urlencoded', body: 'message_id=sms_1&number=%2B33600000000&status=DELIVERED&delivery_date=2025-01-22+11%3A46%3A06' })
      const moved = await runCliAsync(['send', '--vendor', 'octopush', '--url', `${base}/moved`, '-'], sms)
      expect([moved.status, moved.stdout]).toEqual([1, '(stdin) (json): 307 Temporary Redirect\n'])
      expect(received.map((request) => request.path)).toEqual(['/bad', '/moved'])
    })
  })

  it('an endpoint that does not answer within --timeout, or no endpoint at all, is exit 1 and one line each', async () => {
    await withEndpoint(async (base) => {
      const slow = await runCliAsync(['send', '--vendor', 'octopush', '--timeout', '0.3', '--url', `${base}/slow`, '-'], sms)
      expect([slow.status, slow.stdout]).toEqual([1, ''])
      expectOneLine(slow.stderr, /^\(stdin\) \(json\): not sent: .*(timeout|aborted)/i)
    })
    const closed = await runCliAsync(['send', '--vendor', 'octopush', '--url', 'http://127.0.0.1:9/none', '-'], sms)
    expect([closed.status, closed.stdout]).toEqual([1, ''])
    expectOneLine(closed.stderr, /^\(stdin\) \(json\): not sent: fetch failed/)
  })
})

describe.runIf(existsSync(cli) || process.env['CI'] === 'true')('the built command reads stored bodies by name (issue 24, item 11)', { timeout: 60_000 }, () => {
  it('a folder\'s *.form and *.txt files are bodies; other names and folders are said on stderr', () => {
    const stop = 'message_id=sms_1&number=%2B33600000000&text=STOP&stop_date=2020-11-04+11%3A11%3A45'
    const dir = folder('stored', { 'a.form': stop, 'b.txt': sms, 'c.json': sms, 'notes.md': '# notes' })
    mkdirSync(join(dir, 'sms'))
    const result = runCli(['normalize', '--vendor', 'octopush', dir])
    expect(result.status).toBe(0)
    expect(Object.entries(JSON.parse(result.stdout) as Record<string, ReadonlyArray<Record<string, unknown>>>).map(([file, events]) => [file, events.map((event) => event['kind'])])).toEqual([
      [join(dir, 'a.form'), ['opt_out']],
      [join(dir, 'b.txt'), ['delivery']],
      [join(dir, 'c.json'), ['delivery']],
    ])
    expect(result.stderr).toBe(`${join(dir, 'notes.md')}: skipped: not named *.json, *.form or *.txt\n${join(dir, 'sms')}: skipped: a folder (folders inside a folder are not read: name it, with its --channel if it needs one)\n`)
  })
})

describe.runIf(existsSync(cli) || process.env['CI'] === 'true')('the built replay command without pg installed', () => {
  it('says to install pg, exit 1, one line', () => {
    // The command copied where no node_modules holds pg: deliverykit does not depend on it.
    const dir = mkdtempSync(join(tmpdir(), 'deliverykit-no-pg-'))
    try {
      mkdirSync(join(dir, 'dist'))
      writeFileSync(join(dir, 'dist', 'cli.js'), readFileSync(cli))
      writeFileSync(join(dir, 'package.json'), readFileSync(join(root, 'package.json')))
      // Its peer dependencies, as a user installs them; pg not.
      mkdirSync(join(dir, 'node_modules'))
      for (const peer of ['io-ts', 'fp-ts']) symlinkSync(join(root, 'node_modules', peer), join(dir, 'node_modules', peer))
      const result = spawnSync(process.execPath, [join(dir, 'dist', 'cli.js'), 'replay', '--database-url', 'postgres://127.0.0.1:1/none'], { encoding: 'utf8', cwd: dir })
      expect([result.status, result.stdout]).toEqual([1, ''])
      expectOneLine(result.stderr, /^deliverykit: replay: replay needs the 'pg' package, which deliverykit does not install: npm install pg \(Cannot find package 'pg'/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

const databaseUrl = process.env['DATABASE_URL']

describe.runIf((existsSync(cli) || process.env['CI'] === 'true') && databaseUrl !== undefined)('the built command replays kept bodies on a PostgreSQL server', { timeout: 60_000 }, () => {
  it('loads pg where it runs, records what now decodes, releases it, keeps the rest', async () => {
    const { default: pg } = await import('pg')
    const { POSTGRES_SCHEMA, createPostgresStore } = await import('deliverykit/postgres')
    const schema = `deliverykit_cli_${String(process.pid)}_${String(Date.now())}`
    const withSchema = new URL(databaseUrl ?? '')
    withSchema.searchParams.set('options', `-c search_path=${schema}`)
    const admin = new pg.Client({ connectionString: databaseUrl })
    await admin.connect()
    try {
      await admin.query(`CREATE SCHEMA ${schema}`)
      await admin.query(`SET search_path = ${schema}`)
      await admin.query(POSTGRES_SCHEMA)
      const store = createPostgresStore((text, values) => admin.query(text, values))
      const kept = { vendor: 'octopush', options: {}, reason: 'kept', receivedAt: '2026-01-02T03:04:05.678Z' } as const
      await store.keepBody({ ...kept, body: new TextEncoder().encode(sms), errorKind: 'unknown_status' })
      await store.keepBody({ ...kept, body: Uint8Array.of(0x7b, 0x00, 0xff, 0x7d), errorKind: 'invalid_body' })
      const dry = await runCliAsync(['replay', '--dry-run', '--database-url', withSchema.toString()], '')
      expect([dry.status, dry.stderr, dry.stdout.split('\n')[0]]).toEqual([0, '', 'replay: 1 kept bodies now decode: 1 events would be recorded and released (--dry-run: nothing was written); 1 still kept'])
      const result = await runCliAsync(['replay', '--database-url', withSchema.toString()], '')
      expect([result.status, result.stderr, result.stdout.split('\n')[0]]).toEqual([0, '', 'replay: 1 kept bodies now decode: 1 events recorded and released; 1 still kept'])
      const counts = await admin.query<{ readonly events: number; readonly kept: number }>('SELECT (SELECT count(*)::int FROM deliverykit_events) AS events, (SELECT count(*)::int FROM deliverykit_kept_bodies) AS kept')
      expect(counts.rows).toEqual([{ events: 1, kept: 1 }])
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await admin.end()
    }
  })

  it('a server it cannot reach is exit 1 and one line', async () => {
    const result = await runCliAsync(['replay', '--database-url', 'postgres://nobody:nothing@127.0.0.1:1/none'], '')
    expect([result.status, result.stdout]).toEqual([1, ''])
    expectOneLine(result.stderr, /^deliverykit: replay: the database failed: .*ECONNREFUSED/)
  })
})
