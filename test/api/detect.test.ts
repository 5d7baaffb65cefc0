import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

import { detectVendor } from 'deliverykit'
import { describe, expect, it } from 'vitest'

import { payload } from '../helpers.js'
import { TESTKITS } from '../vendors/testkit.js'

const root = fileURLToPath(new URL('../../examples/payloads/', import.meta.url))
const walk = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : name.endsWith('.json') ? [relative(root, path)] : []
  })

// What each shipped payload is, written out by hand in its vendor's testkit (test/vendors/<vendor>/testkit.ts).
const EXPECTED: Readonly<Record<string, readonly [string, string, string, string | undefined]>> = Object.fromEntries(
  TESTKITS.flatMap((kit) => Object.entries(kit.detected).map(([file, [kind, shape, channel]]) => [file, [kit.vendor, kind, shape, channel] as const])),
)

describe('detectVendor', () => {
  it('knows every shipped payload', () => {
    expect([...walk(root)].sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  const cases = Object.entries(EXPECTED).map(([file, [vendor, kind, shape, channel]]) => ({ file, vendor, kind, shape, channel }))
  it.each(cases)('$file', ({ file, vendor, kind, shape, channel }) => {
    const detection = detectVendor(payload(file))
    expect(detection).toMatchObject({ detected: true, vendor, kind, shape })
    expect(detection.detected ? detection.channel : 'not detected').toBe(channel)
  })

  it('recognises opt-out and inbound callbacks', () => {
    expect(detectVendor({ message_id: 'sms_1', number: '+33600000000', text: 'stop', stop_date: '2020-11-04 11:11:45' })).toMatchObject({ vendor: 'octopush', kind: 'opt_out' })
    expect(detectVendor({ number: '+44600000000', text: 'hi', reception_date: '2020-11-04 11:11:45' })).toMatchObject({ vendor: 'octopush', kind: 'inbound' })
    expect(detectVendor({ user: '+5588', text: 'hi', origin: '12345' })).toMatchObject({ vendor: 'messangi', kind: 'inbound' })
    expect(detectVendor('TYPE=MO_MESSAGE&FROM=555&TEXT=STOP')).toMatchObject({ vendor: 'messangi', kind: 'inbound', channel: 'sms' })
  })

  it('accepts raw bodies like normalize', () => {
    expect(detectVendor(JSON.stringify(payload('octopush/sms.json')))).toMatchObject({ vendor: 'octopush' })
    expect(detectVendor(new TextEncoder().encode(JSON.stringify(payload('masstack/record.json'))))).toMatchObject({ vendor: 'masstack' })
  })

  it('refuses text that is not JSON', () => {
    const detection = detectVendor('{"a":')
    expect(!detection.detected && detection.reason).toMatch(/^not valid JSON \(/)
  })

  it.each([
    [null, 'not a JSON object'],
    [42, 'not a JSON object'],
    ['', 'the body is empty'],
    [{}, 'no known callback has these fields (none)'],
    [{ hello: 'world', status: 'DELIVERED' }, 'no known callback has these fields (hello, status)'],
    [[1, 2], 'an array that is not a Masstack list of communication records'],
    [{ id: '1', status: 'DELIVERED', to: '555', terminatingNumber: '600' }, 'the fields fit Messangi and Masstack alike: name the vendor'],
  ])('refuses %j, saying why', (body, reason) => {
    expect(detectVendor(body)).toEqual({ detected: false, reason })
  })

  it('names at most eight fields, each cut and escaped: a 10 MB key or an escape sequence is not echoed', () => {
    const long = `\u001b[2J${'k'.repeat(10 * 1024 * 1024)}`
    const detection = detectVendor({ [long]: 1, plain_key: 2, '\u009b31m': 3 })
    const reason = detection.detected ? '' : detection.reason
    expect(reason).toBe(`no known callback has these fields ("\\u001b[2J${'k'.repeat(56)}…" (10485764 characters), plain_key, "\u009b31m")`)
    const many = detectVendor(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${String(i)}`, i])))
    expect(many).toEqual({ detected: false, reason: 'no known callback has these fields (f0, f1, f2, f3, f4, f5, f6, f7, … (20 fields))' })
  })
})
