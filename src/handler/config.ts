import { DeliveryKitError } from '../errors/DeliveryKitError.js'
import { invalidOptionIssue, invalidOptionsError } from '../errors/build.js'
import type { InvalidOptionsError } from '../errors/error.js'
import { describeValue } from '../errors/format.js'
import { DEFAULT_MAX_BODY_SIZE } from '../types/options.js'
import { isVendor, VENDORS, type Vendor } from '../model/vendor.js'
import { decodeBody } from './decode.js'
import { secretDigest, type SecretDigest } from './secret.js'
import type { RouteOptions, WebhookStore } from './store.js'

/** The shortest secret accepted: 16 characters. `openssl rand -hex 16` gives 32. */
export const MIN_SECRET_LENGTH = 16

/** The settings of a handler once checked, copied out of what the caller gave. */
export interface Checked {
  readonly vendor: Vendor
  readonly options: RouteOptions
  readonly store: WebhookStore
  readonly digests: ReadonlyArray<SecretDigest>
  readonly secretParameter: string
  readonly maxBodySize: number
  readonly now: () => Date
  readonly storeAttempts: number
  readonly onProblem: ((problem: { readonly outcome: 'store_failed' | 'misconfigured'; readonly message: string; readonly error?: unknown }) => void) | undefined
}

/** An `invalid_options` error naming a setting of the handler. */
const invalid = (vendor: string, name: string, expected: string, value: unknown): InvalidOptionsError =>
  invalidOptionsError(vendor, value, invalidOptionIssue(name, expected, describeValue(value)))

/** The route's options as plain data: text, finite numbers and booleans; `maxBodySize` is the handler's own setting. */
const routeOptions = (options: unknown): RouteOptions | undefined => {
  if (options === undefined) return {}
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return undefined
  const copied: Record<string, string | number | boolean> = {}
  for (const [name, value] of Object.entries(options)) {
    if (name === 'maxBodySize' || value === undefined) continue
    if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) copied[name] = value
    else return undefined
  }
  return copied
}

const isFunction = (value: unknown): value is (...args: ReadonlyArray<unknown>) => unknown => typeof value === 'function'

/**
 * Checks a handler's settings, or throws a `DeliveryKitError` naming the first that is
 * wrong: a mistake in them shows when the server starts, not at the vendor's first call.
 */
export const checkSettings = (config: unknown): Checked => {
  let checked: Checked | InvalidOptionsError
  try {
    checked = readSettings(config)
  } catch {
    checked = invalid('handler', 'config', 'settings that can be read', config)
  }
  if ('kind' in checked) throw new DeliveryKitError(checked)
  return checked
}

const readSettings = (config: unknown): Checked | InvalidOptionsError => {
  if (typeof config !== 'object' || config === null) return invalid('handler', 'config', 'an object with vendor, store and secrets', config)
  const { vendor, options, store, secrets, secretParameter = 'token', now = () => new Date(), storeAttempts = 3, onProblem } = config as Readonly<Record<string, unknown>>
  if (!isVendor(vendor)) return invalid('handler', 'vendor', `one of ${VENDORS.join(', ')}`, vendor)
  const copied = routeOptions(options)
  if (copied === undefined) return invalid(vendor, 'options', "the vendor's options: text, numbers and booleans", options)
  const given = typeof options === 'object' && options !== null ? (options as { readonly maxBodySize?: unknown }).maxBodySize : undefined
  const { maxBodySize = given ?? DEFAULT_MAX_BODY_SIZE } = config as { readonly maxBodySize?: unknown }
  if (typeof maxBodySize !== 'number' || !(maxBodySize >= 0)) return invalid(vendor, 'maxBodySize', 'a number of bytes, 0 or more', maxBodySize)
  // The decoder checks the route's options: an empty body is refused for what it is, or for the options.
  const probe = decodeBody(vendor, new Uint8Array(0), copied, maxBodySize)
  if (!probe.success && probe.error.kind === 'invalid_options') return probe.error
  if (typeof store !== 'object' || store === null) return invalid(vendor, 'store', 'a store with recordEvents and keepBody', store)
  const { recordEvents, keepBody, isTransient } = store as Readonly<Record<string, unknown>>
  if (!isFunction(recordEvents) || !isFunction(keepBody) || !(isTransient === undefined || isFunction(isTransient))) {
    return invalid(vendor, 'store', 'a store with recordEvents and keepBody', store)
  }
  const wanted = `a list of secrets of at least ${String(MIN_SECRET_LENGTH)} characters`
  if (!Array.isArray(secrets) || secrets.length === 0) return invalid(vendor, 'secrets', wanted, secrets)
  const texts: ReadonlyArray<unknown> = [...(secrets as ReadonlyArray<unknown>)]
  const digests: Array<SecretDigest> = []
  for (const secret of texts) {
    if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) return invalid(vendor, 'secrets', wanted, secret)
    digests.push(secretDigest(secret))
  }
  if (typeof secretParameter !== 'string' || secretParameter === '') return invalid(vendor, 'secretParameter', 'the name of a query parameter', secretParameter)
  if (!isFunction(now)) return invalid(vendor, 'now', 'a function that returns the time', now)
  if (typeof storeAttempts !== 'number' || !Number.isInteger(storeAttempts) || storeAttempts < 1) return invalid(vendor, 'storeAttempts', 'a whole number, 1 or more', storeAttempts)
  if (!(onProblem === undefined || isFunction(onProblem))) return invalid(vendor, 'onProblem', 'a function', onProblem)
  return {
    vendor,
    options: copied,
    // The store itself, not its methods copied out: a class's methods keep their `this`.
    store: store as WebhookStore,
    digests,
    secretParameter,
    maxBodySize,
    now: now as () => Date,
    storeAttempts,
    onProblem: onProblem as Checked['onProblem'],
  }
}
