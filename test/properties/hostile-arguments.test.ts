/**
 * Every function exported from every entry point, called with a hostile value in any
 * argument position, answers: it never throws (issue 12, defect 7). The exports are
 * enumerated at run time from the entry points the package declares, so an export added
 * later is covered without touching this file.
 *
 * Deliberate exceptions, and what they must do instead:
 * - `absurd` throws by design: it is only reached by a value its type says cannot exist;
 *   so do `matchClassification` and `matchStatus` given, event first, a value that is not
 *   an event (they must call a handler, and a non-event has none).
 * - The `parse` family (every export named `parse` or `parse…`: `parse`, `parseWebhook`,
 *   `parseInbound`, Messangi's `parseLegacy`), the query builders of
 *   `deliverykit/postgres` (they build queries, so have no error to return), and
 *   `deliverykit/handler`'s `createWebhookHandler` and `replay` (wrong settings show when
 *   the server starts, not as a promise rejected later) throw by design, and only a `DeliveryKitError` that `isDeliveryKitError` recognises, carrying a
 *   well-formed error.
 */
import { readFileSync } from 'node:fs'

import { formatError, isDeliveryKitError, VENDORS, type NormalizeError } from 'deliverykit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { CANONICAL, HOSTILE, PLAUSIBLE } from './hostile.js'
import { property, RUNS } from './harness.js'
import { ok } from './oracle.js'

/** Exports that throw by design, by name, with why. */
const THROWS_BY_DESIGN: Readonly<Record<string, string>> = {
  absurd: 'marks a branch its type says is unreachable',
  // Given the event first, the matchers call the caller's handler at once: what a handler
  // throws is the caller's, and an event or handlers that are not what the types say throw
  // as the handler's call would (the curried form throws the same when it is applied).
  matchClassification: 'calls the caller\'s handler, given the event first',
  matchStatus: 'calls the caller\'s handler, given the event first',
}

/** The `parse` family, and the query builders: throw, but only a DeliveryKitError. */
const isParseFamily = (name: string, path = ''): boolean =>
  /^parse($|[A-Z])/.test(name) || path.startsWith('deliverykit/postgres.') || path === 'deliverykit/handler.createWebhookHandler' || path === 'deliverykit/handler.replay'

interface Export {
  /** `entry.name`, e.g. `deliverykit/octopush.normalize`. */
  readonly path: string
  readonly name: string
  readonly fn: (...args: ReadonlyArray<unknown>) => unknown
  readonly isClass: boolean
}

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { readonly exports: Readonly<Record<string, unknown>> }

/** Every code entry point the package declares, as users import it (the test config points each name at src/); the JSON Schemas hold no function. */
const ENTRY_POINTS: ReadonlyArray<string> = Object.keys(packageJson.exports)
  .filter((key) => key !== './package.json' && !key.endsWith('.json'))
  .map((key) => `deliverykit${key.slice(1)}`)

const isModuleNamespace = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Module]'

/** The functions of a module namespace, and of the namespaces it re-exports (the root's `octopush`, …), each once. */
const functionsOf = (entry: string, namespace: Readonly<Record<string, unknown>>, seen: Set<unknown>, out: Array<Export>): void => {
  for (const [name, value] of Object.entries(namespace)) {
    if (isModuleNamespace(value)) functionsOf(`${entry}.${name}`, value, seen, out)
    else if (typeof value === 'function' && !seen.has(value)) {
      seen.add(value)
      const fn = value as (...args: ReadonlyArray<unknown>) => unknown
      out.push({ path: `${entry}.${name}`, name, fn, isClass: /^class[\s{]/.test(Function.prototype.toString.call(value)) })
    }
  }
}

const EXPORTS: ReadonlyArray<Export> = await (async () => {
  const seen = new Set<unknown>()
  const out: Array<Export> = []
  for (const entry of ENTRY_POINTS) functionsOf(entry, (await import(/* @vite-ignore */ entry)) as Readonly<Record<string, unknown>>, seen, out)
  return out
})()

const CHECKED = EXPORTS.filter((e) => !Object.prototype.hasOwnProperty.call(THROWS_BY_DESIGN, e.name))

const KINDS: ReadonlyArray<string> = ['invalid_body', 'unknown_status', 'unknown_channel', 'unexpected_callback', 'invalid_options']
const MAX_RECEIVED = 200

/** An error deliverykit returns is well formed, and formatError can render it. */
const checkReturnedError = (error: NormalizeError, where: string): void => {
  ok(KINDS.includes(error.kind), `${where}: unknown kind ${error.kind}`)
  ok(error.issues.length > 0, `${where}: an error has issues`)
  for (const issue of error.issues) {
    ok(typeof issue.message === 'string' && issue.message.length > 0, `${where}: an issue has a message`)
    if (issue.code === 'invalid_option') {
      // The option, then the end of its name or a step into it (`options.cost.amount`, `options.raw[0]`).
      ok(/^[:.[]/.test(issue.message.slice(`options.${String(issue.path[0])}`.length)) && issue.message.startsWith(`options.${String(issue.path[0])}`), `${where}: the message names the option: ${issue.message.slice(0, 200)}`)
      ok(issue.received.length <= MAX_RECEIVED, `${where}: received is ${String(issue.received.length)} characters`)
    }
  }
  ok(formatError(error).startsWith(error.issues[0].message), `${where}: formatError renders the error`)
}

const isEitherLike = (value: unknown): value is { readonly _tag: 'Left'; readonly left: unknown } | { readonly _tag: 'Right'; readonly right: unknown } =>
  typeof value === 'object' && value !== null && '_tag' in value && (value._tag === 'Left' || value._tag === 'Right')

/** Whatever a function answered is something its caller can use: errors well formed, texts short where they promise to be. */
const checkAnswer = (exported: Export, answer: unknown, where: string): void => {
  if (isEitherLike(answer)) {
    if (answer._tag === 'Left') checkReturnedError(answer.left as NormalizeError, where)
  } else if (typeof answer === 'object' && answer !== null && 'success' in answer) {
    if (answer.success === false && 'error' in answer) checkReturnedError(answer.error as NormalizeError, where)
  } else if (typeof answer === 'object' && answer !== null && 'detected' in answer && answer.detected === false) {
    ok('reason' in answer && typeof answer.reason === 'string' && answer.reason.length < 2_000, `${where}: detectVendor gives a short reason`)
  }
  if (exported.name === 'describeValue') ok(typeof answer === 'string' && answer.length < MAX_RECEIVED, `${where}: describeValue gives a short text`)
}

const call = (exported: Export, args: ReadonlyArray<unknown>): unknown => (exported.isClass ? Reflect.construct(exported.fn, args) : exported.fn(...args))

describe('every export answers hostile arguments without throwing', () => {
  it('finds the exports of every entry point, the deliberate exceptions among them', () => {
    const paths = EXPORTS.map((e) => e.path)
    expect(ENTRY_POINTS).toEqual(expect.arrayContaining(['deliverykit', ...VENDORS.map((vendor) => `deliverykit/${vendor}`)]))
    expect(paths).toEqual(
      expect.arrayContaining([
        'deliverykit.normalize',
        'deliverykit.safeParse',
        'deliverykit.parse',
        'deliverykit.normalizeInbound',
        'deliverykit.classify',
        'deliverykit.eventFromStatus',
        'deliverykit.detectVendor',
        'deliverykit.describeValue',
        'deliverykit.isDeliveryKitError',
        'deliverykit.DeliveryKitError',
        'deliverykit.absurd',
        'deliverykit.octopush.normalize',
        'deliverykit.messangi.normalizeLegacy',
        'deliverykit.masstack.isMasstackEnvelope',
      ]),
    )
    for (const name of Object.keys(THROWS_BY_DESIGN)) expect(EXPORTS.some((e) => e.name === name)).toBe(true)
  })

  it('sweep: every function, every hostile value, every argument position, around each canonical call', () => {
    let calls = 0
    for (const exported of CHECKED) {
      for (const [hostileName, makeHostile] of Object.entries(HOSTILE)) {
        for (const around of CANONICAL) {
          for (let at = 0; at < arityOf(exported); at++) {
            const args = around.map((make) => make())
            args[at] = makeHostile()
            callAndCheck(exported, args, `${exported.path} with ${hostileName} as argument ${String(at + 1)}`)
            calls++
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(CHECKED.length * Object.keys(HOSTILE).length)
  }, 120_000)

  property(
    'a share of the functions (rotating), a hostile value in a random argument position and random plausible ones around it: an answer, never a throw (the parse family: only a DeliveryKitError)',
    [fc.constantFrom(...Object.keys(HOSTILE)), fc.array(fc.nat(PLAUSIBLE.length - 1), { minLength: 4, maxLength: 4 }), fc.nat(), fc.nat()],
    (hostileName, fills, position, rotation) => {
      const makeHostile = HOSTILE[hostileName]
      if (makeHostile === undefined) throw new Error(`no hostile value named ${hostileName}`)
      for (const [index, exported] of CHECKED.entries()) {
        if ((index + rotation) % SHARE !== 0) continue
        const arity = arityOf(exported)
        const at = position % arity
        const args = fills.slice(0, arity).map((i) => PLAUSIBLE[i]?.())
        args[at] = makeHostile()
        callAndCheck(exported, args, `${exported.path} with ${hostileName} as argument ${String(at + 1)}, around plausible ${fills.join(',')}`)
      }
    },
  )
})

/**
 * One run calls every SHARE-th function, rotating: a third of them at `npm test`'s 1,000
 * runs; one function per run beyond 10,000 runs (`npm run fuzz`), where a third took 40
 * minutes. 100,000 runs still call each function well over a thousand times, with fresh
 * neighbours each time; the sweep above calls each with every hostile value.
 */
const SHARE = RUNS > 10_000 ? CHECKED.length : 3

/** The declared parameters, and one more: optional parameters are not counted by `length`. */
const arityOf = (exported: Export): number => Math.max(exported.fn.length, 1) + 1

/** Calls an export; a throw fails unless it is the parse family's DeliveryKitError. */
const callAndCheck = (exported: Export, args: ReadonlyArray<unknown>, where: string): void => {
  let answer: unknown
  try {
    answer = call(exported, args)
  } catch (thrown) {
    if (!isParseFamily(exported.name, exported.path)) throw new Error(`${where} threw ${describeThrown(thrown)}`, { cause: thrown })
    ok(isDeliveryKitError(thrown), `${where} threw ${describeThrown(thrown)}, not a DeliveryKitError`)
    checkReturnedError(thrown.error, where)
    return
  }
  // An answer that is one of the arguments (advance returns one of its events) is the
  // caller's own value, hostile or not: nothing to check, and reading it could throw.
  if (!args.includes(answer)) checkAnswer(exported, answer, where)
}

function describeThrown(thrown: unknown): string {
  try {
    return thrown instanceof Error ? `${thrown.name}: ${thrown.message.slice(0, 200)}` : typeof thrown
  } catch {
    return 'an unreadable value'
  }
}
