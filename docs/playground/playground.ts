/**
 * The playground: deliverykit's browser build decoding a body you paste, in the page, with
 * the webhook entry, so a receipt, a STOP or a reply each shows as events. Bundled by
 * scripts/playground.mjs (npm run playground) from the built dist/index.js.
 */
import {
  CHANNEL_NAMES,
  VENDORS,
  VENDOR_NAMES,
  formatError,
  isMessangiChannel,
  safeParseWebhook,
  type AnyWebhookEvent,
  type OctopushPhoneChannelOption,
  type SafeParseResult,
  type Vendor,
} from 'deliverykit'

import masstackList from '../../examples/payloads/masstack/envelope-list.json' with { type: 'json' }
import masstackOne from '../../examples/payloads/masstack/envelope-one.json' with { type: 'json' }
import masstackRecord from '../../examples/payloads/masstack/record.json' with { type: 'json' }
import messangiLegacyEmail from '../../examples/payloads/messangi/legacy-email.json' with { type: 'json' }
import messangiLegacySms from '../../examples/payloads/messangi/legacy-sms.json' with { type: 'json' }
import messangiMo from '../../examples/payloads/messangi/sms/mo.json' with { type: 'json' }
import messangiSmsCallback from '../../examples/payloads/messangi/sms/mt-callback.json' with { type: 'json' }
import messangiSendResponse from '../../examples/payloads/messangi/sms/send-response.json' with { type: 'json' }
import messangiWhatsapp from '../../examples/payloads/messangi/whatsapp/callback.json' with { type: 'json' }
import octopushEmail from '../../examples/payloads/octopush/email.json' with { type: 'json' }
import octopushInbound from '../../examples/payloads/octopush/inbound.json' with { type: 'json' }
import octopushRcs from '../../examples/payloads/octopush/rcs.json' with { type: 'json' }
import octopushSms2020 from '../../examples/payloads/octopush/sms-2020.json' with { type: 'json' }
import octopushSms from '../../examples/payloads/octopush/sms.json' with { type: 'json' }
import octopushStop from '../../examples/payloads/octopush/stop.json' with { type: 'json' }
import octopushVoice2020 from '../../examples/payloads/octopush/voice-sms-2020.json' with { type: 'json' }
import octopushVoice from '../../examples/payloads/octopush/voice-sms.json' with { type: 'json' }
import octopushWhatsapp from '../../examples/payloads/octopush/whatsapp.json' with { type: 'json' }

/** What the channel menu offers per vendor; '' means "the body says". */
const CHANNEL_CHOICES: Readonly<Record<Vendor, ReadonlyArray<readonly [string, string]>>> = {
  octopush: [
    ['', 'from the body (SMS if it names none)'],
    ['sms', 'SMS'],
    ['voice', 'voice (2020 format)'],
    ['rcs', 'RCS'],
    ['whatsapp', 'WhatsApp'],
    ['facebook', 'Facebook'],
    ['instagram', 'Instagram'],
  ],
  messangi: [['sms', 'SMS'], ['email', 'e-mail'], ['push', 'push'], ['rcs', 'RCS'], ['whatsapp', 'WhatsApp'], ['', 'none: legacy forms and inbound messages name theirs']],
  masstack: [['', 'from the record']],
}

const OCTOPUSH_CHANNELS: ReadonlyArray<string> = ['sms', 'voice', 'rcs', 'whatsapp', 'facebook', 'instagram'] satisfies ReadonlyArray<OctopushPhoneChannelOption>
const isOctopushChannel = (channel: string): channel is OctopushPhoneChannelOption => OCTOPUSH_CHANNELS.includes(channel)

interface Example {
  readonly label: string
  readonly channel: string
  readonly body: unknown
}

const EXAMPLES: Readonly<Record<Vendor, ReadonlyArray<Example>>> = {
  octopush: [
    { label: 'SMS', channel: '', body: octopushSms },
    { label: 'SMS, 2020 format', channel: '', body: octopushSms2020 },
    { label: 'voice SMS', channel: '', body: octopushVoice },
    { label: 'voice SMS, 2020 format', channel: 'voice', body: octopushVoice2020 },
    { label: 'RCS', channel: '', body: octopushRcs },
    { label: 'WhatsApp', channel: '', body: octopushWhatsapp },
    { label: 'e-mail, two deliveries', channel: '', body: octopushEmail },
    { label: 'STOP (opt-out)', channel: '', body: octopushStop },
    { label: 'reply (inbound SMS)', channel: '', body: octopushInbound },
  ],
  messangi: [
    { label: 'SMS status callback', channel: 'sms', body: messangiSmsCallback },
    { label: 'SMS send API response', channel: 'sms', body: messangiSendResponse },
    { label: 'WhatsApp status callback', channel: 'whatsapp', body: messangiWhatsapp },
    { label: 'legacy SMS form', channel: '', body: messangiLegacySms },
    { label: 'legacy e-mail form', channel: '', body: messangiLegacyEmail },
    { label: 'inbound (MO) message: STOP', channel: '', body: messangiMo },
  ],
  masstack: [
    { label: 'envelope with a list', channel: '', body: masstackList },
    { label: 'envelope with one SMS', channel: '', body: masstackOne },
    { label: 'one e-mail record', channel: '', body: masstackRecord },
  ],
}

type Result = SafeParseResult<ReadonlyArray<AnyWebhookEvent>>

/**
 * Decodes with the page's choices, whatever callback the body is; unknown codes are kept
 * when the box is ticked. The vendor is known at run time: a channel is passed once it is
 * narrowed, and a Messangi status callback without one is an error that says so.
 */
const run = (vendor: Vendor, channel: string, body: string, keepUnknown: boolean): Result => {
  const unknownStatus = keepUnknown ? 'keep' : 'error'
  if (vendor === 'octopush' && isOctopushChannel(channel)) return safeParseWebhook(vendor, body, { channel, unknownStatus })
  if (vendor === 'messangi' && isMessangiChannel(channel)) return safeParseWebhook(vendor, body, { channel, unknownStatus })
  return safeParseWebhook(vendor, body, { unknownStatus })
}

const element = <E extends HTMLElement>(id: string, type: new () => E): E => {
  const found = document.getElementById(id)
  if (!(found instanceof type)) throw new Error(`the page lacks #${id}`)
  return found
}

const vendorSelect = element('vendor', HTMLSelectElement)
const channelSelect = element('channel', HTMLSelectElement)
const exampleSelect = element('example', HTMLSelectElement)
const keepUnknown = element('keep-unknown', HTMLInputElement)
const bodyInput = element('body', HTMLTextAreaElement)
const summary = element('summary', HTMLParagraphElement)
const table = element('events', HTMLTableElement)
const errorText = element('error', HTMLPreElement)

const option = (value: string, label: string): HTMLOptionElement => {
  const o = document.createElement('option')
  o.value = value
  o.textContent = label
  return o
}

const currentVendor = (): Vendor => VENDORS.find((v) => v === vendorSelect.value) ?? 'octopush'

const cell = (row: HTMLTableRowElement, text: string, className?: string): void => {
  const td = row.insertCell()
  if (className !== undefined) td.className = className
  if (className === 'badge') td.append(Object.assign(document.createElement('span'), { textContent: text }))
  else td.textContent = text
}

const render = (): void => {
  const result = run(currentVendor(), channelSelect.value, bodyInput.value, keepUnknown.checked)
  const tbody = table.tBodies[0] ?? table.createTBody()
  tbody.replaceChildren()
  if (!result.success) {
    table.hidden = true
    summary.className = 'summary rejected'
    summary.textContent = `Rejected (${result.error.kind}): ${String(result.error.issues.length)} issue${result.error.issues.length === 1 ? '' : 's'}`
    errorText.hidden = false
    errorText.textContent = formatError(result.error)
    return
  }
  errorText.hidden = true
  errorText.textContent = ''
  table.hidden = result.events.length === 0
  summary.className = 'summary ok'
  summary.textContent = `${String(result.events.length)} event${result.events.length === 1 ? '' : 's'}`
  for (const event of result.events) {
    const row = tbody.insertRow()
    switch (event.kind) {
      case 'delivery':
        row.className = event.classification
        cell(row, 'delivery')
        cell(row, event.recipient)
        cell(row, CHANNEL_NAMES[event.channel])
        cell(row, event.vendorStatus, 'code')
        cell(row, event.status, 'code')
        cell(row, event.classification, 'badge')
        cell(row, event.classification === 'failure' ? `${event.failure.reason}, ${event.failure.permanent ? 'permanent' : 'temporary'}` : '')
        cell(row, event.occurredAt ?? '', 'time')
        cell(row, event.description, 'description')
        break
      case 'opt_out':
      case 'inbound':
        // Who wrote, and what: an opt-out goes to the suppression list, a reply to your inbox.
        row.className = event.kind
        cell(row, event.kind === 'opt_out' ? 'opt-out' : 'inbound')
        cell(row, event.from)
        cell(row, CHANNEL_NAMES[event.channel])
        cell(row, '', 'code')
        cell(row, event.text ?? '', 'text')
        cell(row, '', 'badge')
        cell(row, '')
        cell(row, event.occurredAt ?? '', 'time')
        cell(row, event.kind === 'opt_out' ? 'The person asked to receive nothing more: suppress them.' : 'A message the person sent you.', 'description')
        break
    }
  }
}

const showExamples = (): void => {
  const vendor = currentVendor()
  channelSelect.replaceChildren(...CHANNEL_CHOICES[vendor].map(([value, label]) => option(value, label)))
  exampleSelect.replaceChildren(option('', 'pick an example…'), ...EXAMPLES[vendor].map((example, i) => option(String(i), example.label)))
}

const pickExample = (): void => {
  const example = EXAMPLES[currentVendor()][Number(exampleSelect.value)]
  if (exampleSelect.value === '' || example === undefined) return
  channelSelect.value = example.channel
  bodyInput.value = JSON.stringify(example.body, null, 2)
  render()
}

vendorSelect.replaceChildren(...VENDORS.map((vendor) => option(vendor, VENDOR_NAMES[vendor])))
vendorSelect.addEventListener('change', () => {
  showExamples()
  exampleSelect.value = '0'
  pickExample()
})
exampleSelect.addEventListener('change', pickExample)
channelSelect.addEventListener('change', render)
keepUnknown.addEventListener('change', render)
bodyInput.addEventListener('input', () => {
  exampleSelect.value = '' // the body is yours now
  render()
})

showExamples()
exampleSelect.value = '0'
pickExample()
document.body.dataset['ready'] = 'true'
