import { describeValue } from '../errors/format.js'
import { VENDORS, isVendor } from '../model/vendor.js'
import { didYouMean } from '../util/didYouMean.js'
import { flagValueError, type Flags } from './args.js'
import { jsonToForm } from './form.js'
import { EXIT, SUBFOLDER_SKIPPED, inputsOf, line, reasonOf, worse, type CliIo, type ExitCode, type Input } from './io.js'
import { printable } from './terminal.js'

/** The most bodies one `send` posts: it tests an endpoint, it does not load it. */
export const MAX_SENT_BODIES = 100

/** How long each post may take, reply included, unless `--timeout` says otherwise (seconds). */
export const DEFAULT_TIMEOUT_SECONDS = 10
const MAX_TIMEOUT_SECONDS = 300

const FORM = 'application/x-www-form-urlencoded'
const JSON_TYPE = 'application/json'

/** A usage error of `send`: said before anything is read or sent. */
interface Usage {
  readonly usage: string
}

/** The URL given, if it is one `fetch` can post to: http or https, named in full. */
const urlOf = (given: string | undefined): string | Usage => {
  if (given === undefined) return { usage: 'send needs --url: it posts only to the URL you name (such as http://127.0.0.1:3000/webhooks/octopush), and has none of its own' }
  let url: URL
  try {
    url = new URL(given)
  } catch {
    return { usage: `--url: expected an http:// or https:// URL, received ${describeValue(given)}` }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { usage: `--url: expected an http:// or https:// URL, received ${describeValue(given)}` }
  return url.href
}

const timeoutOf = (given: string | undefined): number | Usage => {
  if (given === undefined) return DEFAULT_TIMEOUT_SECONDS * 1000
  const seconds = Number(given)
  if (given.trim() === '' || !Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_TIMEOUT_SECONDS) {
    return { usage: `--timeout: expected seconds, more than 0 and at most ${String(MAX_TIMEOUT_SECONDS)}, received ${describeValue(given)}` }
  }
  return Math.ceil(seconds * 1000)
}

/**
 * The folder of example bodies to post: the vendor's, or with `--channel` its folder of
 * that channel (Messangi's `sms`, `whatsapp`), which must exist.
 */
const examplesOf = (io: CliIo, vendor: string, channel: string | undefined): string | Usage => {
  const folder = `${io.examplesFolder}/${vendor}`
  if (channel === undefined) return folder
  let channels: ReadonlyArray<string>
  try {
    channels = io
      .listFiles(folder)
      .skipped.filter((entry) => entry.why === SUBFOLDER_SKIPPED)
      .map((entry) => entry.path.slice(entry.path.lastIndexOf('/') + 1))
  } catch (thrown) {
    return { usage: `the example bodies cannot be listed: ${reasonOf(thrown)}` }
  }
  if (channels.includes(channel)) return `${folder}/${channel}`
  const there = channels.length === 0 ? `${vendor}'s examples have no folder per channel: leave --channel out` : `${vendor}'s examples have folders for ${channels.join(', ')}`
  return { usage: `--channel: no example bodies for ${vendor} on ${describeValue(channel)}; ${there}` }
}

/** The text of a body read as bytes or text. */
const textOf = (body: string | Uint8Array): string => (typeof body === 'string' ? body : new TextDecoder().decode(body))

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/**
 * What is posted for a body: JSON as JSON, or with `--form` as the form a vendor would
 * post; a body that is not JSON (a stored form post) as a form, as it is.
 */
const requestBody = (text: string, asForm: boolean): { readonly body: string; readonly contentType: string } | { readonly error: string } => {
  if (!isJson(text)) return { body: text.trim(), contentType: FORM }
  if (!asForm) return { body: text, contentType: JSON_TYPE }
  const form = jsonToForm(text)
  return 'error' in form ? form : { body: form.form, contentType: FORM }
}

/** Why a post failed without a reply: `fetch` puts the system's reason (ECONNREFUSED) in `cause`. */
const whyNotSent = (thrown: unknown): string => {
  const cause: unknown = thrown instanceof Error ? thrown.cause : undefined
  return cause === undefined ? reasonOf(thrown) : `${reasonOf(thrown)}: ${reasonOf(cause)}`
}

/**
 * `send`: posts each body (the files named, or the vendor's example bodies) to the one URL
 * given, one after the other, and prints each reply's status. Every usage error is said
 * before anything is sent. Exit 0 when every reply is 2xx; 1 when one is not, or a body
 * could not be read or sent.
 */
export const sendCommand = async (flags: Flags, paths: ReadonlyArray<string>, io: CliIo): Promise<ExitCode> => {
  const usage = (message: string): ExitCode => {
    io.stderr(line(`deliverykit: ${message} (see deliverykit --help)`))
    return EXIT.usage
  }
  const vendor = flags.vendor
  if (vendor === undefined) return usage('send needs --vendor: it picks the example bodies, or says whose bodies the files are')
  if (!isVendor(vendor)) return usage(flagValueError('--vendor', `one of ${VENDORS.join(', ')}`, describeValue(vendor), didYouMean(vendor, VENDORS)))
  const url = urlOf(flags.url)
  if (typeof url !== 'string') return usage(url.usage)
  const timeoutMs = timeoutOf(flags.timeout)
  if (typeof timeoutMs !== 'number') return usage(timeoutMs.usage)
  if (paths.length > 0 && flags.channel !== undefined) return usage('--channel picks a folder of the example bodies; with files named, name the folder itself')
  let sources = paths
  if (paths.length === 0) {
    const folder = examplesOf(io, vendor, flags.channel)
    if (typeof folder !== 'string') return usage(folder.usage)
    sources = [folder]
  }
  const inputs = inputsOf(sources, io)
  if (typeof inputs === 'string') {
    io.stderr(line(`deliverykit: ${inputs}`))
    return EXIT.rejected
  }
  if (inputs.length > MAX_SENT_BODIES) return usage(`send posts at most ${String(MAX_SENT_BODIES)} bodies, and ${String(inputs.length)} were named`)
  let exit: ExitCode = EXIT.ok
  for (const input of inputs) exit = worse(exit, await sendOne(input, url, flags.form === true, timeoutMs, io))
  return exit
}

const sendOne = async (input: Input, url: string, asForm: boolean, timeoutMs: number, io: CliIo): Promise<ExitCode> => {
  let text: string
  try {
    text = textOf(input.read())
  } catch (thrown) {
    io.stderr(line(`${input.name}: cannot read: ${reasonOf(thrown)}`))
    return EXIT.rejected
  }
  const request = requestBody(text, asForm)
  if ('error' in request) {
    io.stderr(line(`${input.name}: not sent: ${request.error}`))
    return EXIT.rejected
  }
  const kind = request.contentType === FORM ? 'form' : 'json'
  try {
    const reply = await io.post({ url, contentType: request.contentType, body: request.body, timeoutMs })
    const ok = reply.status >= 200 && reply.status < 300
    // The endpoint's words, not ours: made printable and cut, on one line.
    const said = ok || reply.text.trim() === '' ? '' : `: ${printable(reply.text.trim().replace(/\s+/g, ' '), 200)}`
    io.stdout(line(`${input.name} (${kind}): ${String(reply.status)} ${reply.statusText}${said}`))
    io.flush()
    return ok ? EXIT.ok : EXIT.rejected
  } catch (thrown) {
    io.stderr(line(`${input.name} (${kind}): not sent: ${whyNotSent(thrown)}`))
    return EXIT.rejected
  }
}
