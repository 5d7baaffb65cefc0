// detectVendor rule by rule: for each shape, the whole answer (vendor, kind, shape, channel,
// evidence), and the near misses that must not match. Written from the survivors of the
// mutation run (npm run mutate -- root); the shipped payloads are in detect.test.ts.
import { detectVendor } from 'deliverykit'
import { describe, expect, it } from 'vitest'

const found = (vendor: string, kind: string, shape: string, evidence: ReadonlyArray<string>, channel?: string) => ({
  detected: true,
  vendor,
  kind,
  shape,
  ...(channel === undefined ? {} : { channel }),
  evidence,
})

const RECEIPT = ['message_id', 'number', 'status', 'delivery_date']
const receipt = { message_id: 'm', number: '+33600000000', status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06' }

describe('each rule gives its whole answer', () => {
  it.each([
    ['Octopush STOP', { stop_date: 'd', number: 'n' }, found('octopush', 'opt_out', 'Octopush STOP callback', ['stop_date', 'number'], 'sms')],
    ['Octopush inbound', { reception_date: 'd', number: 'n', text: 't' }, found('octopush', 'inbound', 'Octopush inbound SMS callback', ['reception_date', 'number', 'text'], 'sms')],
    ['Octopush inbound, older', { answer_date: 'd', number: 'n', text: 't' }, found('octopush', 'inbound', 'Octopush inbound SMS callback (older answer_date)', ['answer_date', 'number', 'text'], 'sms')],
    ['Octopush e-mail', { message_id: 'm', deliveries: [] }, found('octopush', 'delivery', 'Octopush e-mail delivery callback', ['message_id', 'deliveries'], 'email')],
    ['Octopush receipt, no channel', receipt, found('octopush', 'delivery', 'Octopush delivery callback', RECEIPT, 'sms')],
    ['Octopush receipt, WhatsApp', { ...receipt, channel: 'whatsapp' }, found('octopush', 'delivery', 'Octopush delivery callback', RECEIPT, 'whatsapp')],
    ['Octopush receipt, voice_sms', { ...receipt, channel: 'voice_sms' }, found('octopush', 'delivery', 'Octopush delivery callback', RECEIPT, 'voice')],
    ['Octopush receipt, a channel it does not know', { ...receipt, channel: 'fax' }, found('octopush', 'delivery', 'Octopush delivery callback', RECEIPT)],
    ['Octopush receipt, channel inherited from Object.prototype', { ...receipt, channel: 'toString' }, found('octopush', 'delivery', 'Octopush delivery callback', RECEIPT)],
    ['Octopush receipt, call_duration', { ...receipt, call_duration: 3 }, found('octopush', 'delivery', 'Octopush delivery callback', RECEIPT, 'voice')],
    ['Octopush receipt, charged_duration in meta_data', { ...receipt, meta_data: { charged_duration: 3 } }, found('octopush', 'delivery', 'Octopush delivery callback', RECEIPT, 'voice')],
    ['Octopush receipt, pressed_keys_code in meta_data', { ...receipt, meta_data: { pressed_keys_code: '1' } }, found('octopush', 'delivery', 'Octopush delivery callback', RECEIPT, 'voice')],
    ['Octopush receipt, a null call field', { ...receipt, call_duration: null, meta_data: { other: 1 } }, found('octopush', 'delivery', 'Octopush delivery callback', RECEIPT, 'sms')],
    ['Octopush receipt, DELIVERY_DATE', { message_id: 'm', number: 'n', status: 's', DELIVERY_DATE: 'd' }, found('octopush', 'delivery', 'Octopush delivery callback (DELIVERY_DATE in capitals)', ['message_id', 'number', 'status', 'DELIVERY_DATE'], 'sms')],
    ['Messangi legacy MO', { TYPE: 'MO_MESSAGE', FROM: 'f', TEXT: 't' }, found('messangi', 'inbound', 'Messangi legacy inbound (MO) callback', ['TYPE', 'FROM', 'TEXT'], 'sms')],
    ['Messangi legacy Facebook', { TYPE: 'FACEBOOK', FROM: 'f', MESSAGE_BODY: 'b' }, found('messangi', 'inbound', 'Messangi legacy Facebook message callback', ['TYPE', 'FROM', 'MESSAGE_BODY'], 'facebook')],
    ['Messangi legacy status, SMS', { TYPE: 'SMS', MESSANGI_ID: 'i', STATUS: 's' }, found('messangi', 'delivery', 'Messangi legacy status callback', ['TYPE', 'MESSANGI_ID', 'STATUS'], 'sms')],
    ['Messangi legacy status, PUSH', { TYPE: 'PUSH', MESSANGI_ID: 'i', STATUS: 's' }, found('messangi', 'delivery', 'Messangi legacy status callback', ['TYPE', 'MESSANGI_ID', 'STATUS'], 'push')],
    ['Messangi legacy status, EMAIL', { TYPE: 'EMAIL', MESSANGI_ID: 'i', STATUS: 's' }, found('messangi', 'delivery', 'Messangi legacy status callback', ['TYPE', 'MESSANGI_ID', 'STATUS'], 'email')],
    ['Messangi legacy status, a TYPE that is not text', { TYPE: 1, MESSANGI_ID: 'i', STATUS: 's' }, found('messangi', 'delivery', 'Messangi legacy status callback', ['TYPE', 'MESSANGI_ID', 'STATUS'])],
    ['Messangi legacy inbound form', { mo: 'm', mobile: 'n' }, found('messangi', 'inbound', 'Messangi legacy inbound form (mo, mobile)', ['mo', 'mobile'], 'sms')],
    ['Messangi MO, processId', { user: 'u', text: 't', processId: 1 }, found('messangi', 'inbound', 'Messangi inbound (MO) callback', ['user', 'text'])],
    ['Messangi MO, origin', { user: 'u', text: 't', origin: 'o' }, found('messangi', 'inbound', 'Messangi inbound (MO) callback', ['user', 'text'])],
    ['Messangi MO, connection', { user: 'u', text: 't', connection: 'c' }, found('messangi', 'inbound', 'Messangi inbound (MO) callback', ['user', 'text'])],
    ['Messangi send response', { meta: {}, data: { id: 1, status: 's', to: 't' } }, found('messangi', 'delivery', 'Messangi send API response', ['data'])],
    ['Messangi send response without meta, as it decodes', { data: { id: 1, status: 's', to: 't' } }, found('messangi', 'delivery', 'Messangi send API response', ['data'])],
    ['Octopush STOP, sender in metadata', { stop_date: 'd', metadata: { number: 'n' } }, found('octopush', 'opt_out', 'Octopush STOP callback', ['stop_date', 'metadata.number'], 'sms')],
    ['Octopush STOP, sender in meta_data', { stop_date: 'd', meta_data: { number: 'n' } }, found('octopush', 'opt_out', 'Octopush STOP callback', ['stop_date', 'meta_data.number'], 'sms')],
    ['Octopush inbound, sender in metadata', { reception_date: 'd', text: 't', metadata: { number: 'n', message_id: 'm' } }, found('octopush', 'inbound', 'Octopush inbound SMS callback', ['reception_date', 'metadata.number', 'text'], 'sms')],
    ['Octopush inbound, older, sender in meta_data', { answer_date: 'd', text: 't', meta_data: { number: 'n' } }, found('octopush', 'inbound', 'Octopush inbound SMS callback (older answer_date)', ['answer_date', 'meta_data.number', 'text'], 'sms')],
    ['Messangi status callback', { id: 1, status: 's', to: 't' }, found('messangi', 'delivery', 'Messangi status callback (the channel must be named)', ['id', 'status', 'to'])],
    ['Masstack envelope', { commit: true, data: [] }, found('masstack', 'delivery', 'Masstack Communications API envelope', ['commit', 'data'])],
    ['Masstack envelope without commit, one record', { data: { status: 's', terminatingNumber: 'n' } }, found('masstack', 'delivery', 'Masstack Communications API envelope', ['data'])],
    ['Masstack envelope without commit, a list', { data: [{ status: 's', destinationEmail: 'e' }] }, found('masstack', 'delivery', 'Masstack Communications API envelope', ['data'])],
    ['Octopush receipt without delivery_date', { message_id: 'm', number: 'n', status: 's' }, found('octopush', 'delivery', 'Octopush delivery callback (no delivery_date)', ['message_id', 'number', 'status'], 'sms')],
    ['Octopush reply without a date', { number: 'n', text: 't' }, found('octopush', 'inbound', 'Octopush inbound SMS callback (no date)', ['number', 'text'], 'sms')],
    ['Octopush reply without a date, sender in metadata', { text: 't', metadata: { number: 'n' } }, found('octopush', 'inbound', 'Octopush inbound SMS callback (no date)', ['metadata.number', 'text'], 'sms')],
    ['Masstack SMS record', { status: 's', terminatingNumber: 'n' }, found('masstack', 'delivery', 'Masstack communication record', ['status'], 'sms')],
    ['Masstack e-mail record', { status: 's', destinationEmail: 'e' }, found('masstack', 'delivery', 'Masstack communication record', ['status'], 'email')],
    ['Masstack list', [{ status: 's', terminatingNumber: 'n' }, { status: 's', destinationEmail: 'e' }], { detected: true, vendor: 'masstack', kind: 'delivery', shape: 'Masstack list of communication records', evidence: ['status', 'terminatingNumber or destinationEmail'] }],
  ])('%s', (_, body, expected) => {
    expect(detectVendor(body)).toStrictEqual(expected)
  })
})

describe('near misses are not detected', () => {
  const notDetected = (body: unknown): string => {
    const detection = detectVendor(body)
    if (detection.detected) expect.fail(`detected ${JSON.stringify(detection)}`)
    return detection.reason
  }

  it.each([
    ['a legacy MO whose TYPE is not MO_MESSAGE', { TYPE: 'SMS', FROM: 'f', TEXT: 't' }],
    ['a legacy Facebook whose TYPE is not FACEBOOK', { TYPE: 'SMS', FROM: 'f', MESSAGE_BODY: 'b' }],
    ['user and text without an MO field', { user: 'u', text: 't' }],
    ['user and text with a null processId', { user: 'u', text: 't', processId: null }],
    ['meta and data without data.id', { meta: {}, data: { status: 's', to: 't' } }],
    ['meta and data without data.status', { meta: {}, data: { id: 1, to: 't' } }],
    ['meta and data without data.to', { meta: {}, data: { id: 1, status: 's' } }],
    ['an Octopush STOP whose metadata has no number', { stop_date: 'd', metadata: { message_id: 'm' } }],
    ['an Octopush STOP whose metadata is not an object', { stop_date: 'd', metadata: 'n' }],
    ['an Octopush STOP whose metadata.number is null', { stop_date: 'd', metadata: { number: null } }],
    ['meta and data that is not an object', { meta: {}, data: 'x' }],
    ['a record with status but no number or address', { status: 's' }],
    ['a record with a number but no status', { terminatingNumber: 'n' }],
    ['an e-mail receipt whose deliveries is not a list', { message_id: 'm', deliveries: {} }],
    ['a receipt field that is null', { ...receipt, number: null }],
    ['a receipt field that is undefined', { ...receipt, number: undefined }],
    ['a Masstack data without commit that holds no record', { data: { status: 's' } }],
    ['a Masstack data without commit that is an empty list', { data: [] }],
    ['an undated Octopush reply that has a status', { number: 'n', text: 't', status: 's' }],
  ])('%s', (_, body) => {
    expect(notDetected(body)).toMatch(/^no known callback has these fields \(/)
  })

  it('a field inherited from the prototype does not count: such a body is not JSON data, and is refused before any field is read', () => {
    expect(notDetected(Object.assign(Object.create({ stop_date: 'd' }) as object, { number: 'n' }))).toBe(
      'expected a plain object or array (JSON data), received an instance of a class (not a plain object)',
    )
    expect(notDetected(Object.assign(Object.create(null) as object, { number: 'n' }))).toBe('no known callback has these fields (number)')
  })

  it('lists: empty, holding a non-record, or a record that is not Masstack\'s', () => {
    const reason = 'an array that is not a Masstack list of communication records'
    expect(notDetected([])).toBe(reason)
    expect(notDetected([{ status: 's', terminatingNumber: 'n' }, 'x'])).toBe(reason)
    expect(notDetected([{ status: 's', terminatingNumber: 'n' }, { status: 's' }])).toBe(reason)
  })

  it('the reason names eight fields, and counts them past eight', () => {
    const fields = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${String(i)}`, 1]))
    expect(notDetected(fields(8))).toBe('no known callback has these fields (f0, f1, f2, f3, f4, f5, f6, f7)')
    expect(notDetected(fields(9))).toBe('no known callback has these fields (f0, f1, f2, f3, f4, f5, f6, f7, … (9 fields))')
    expect(notDetected({})).toBe('no known callback has these fields (none)')
  })
})
