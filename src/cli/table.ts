import { CHANNELS } from '../model/channel.js'
import { STATUSES } from '../model/status.js'
import { VENDORS } from '../model/vendor.js'
import type { AnyWebhookEvent } from '../model/webhook.js'
import type { CliIo, Input, Output } from './io.js'
import { printable } from './terminal.js'

/**
 * The length of the longest word. A loop, not `Math.max(...lengths)`: a spread passes each
 * item as an argument on the stack, which overflows for a long list (one per input file).
 */
const longest = (words: Iterable<string>): number => {
  let length = 0
  for (const word of words) length = Math.max(length, word.length)
  return length
}

/** What the status column shows of an opt-out and an inbound message. */
const KIND_WORDS = { opt_out: 'opt-out', inbound: 'inbound' } as const

interface Column {
  readonly title: string
  /** The width of the column; the last column has none: its cells are cut at 60 characters. */
  readonly width?: number
}

/** Fixed widths, so that a table is written row by row, without reading every event first. */
const COLUMNS: ReadonlyArray<Column> = [
  { title: 'vendor', width: longest(['vendor', ...VENDORS]) },
  { title: 'channel', width: longest(['channel', ...CHANNELS]) },
  { title: 'recipient', width: 28 },
  { title: 'status', width: longest(['status', 'unknown', ...Object.values(KIND_WORDS), ...STATUSES]) },
  { title: 'classification', width: longest(['classification', 'transient', 'failure', 'unknown']) },
  { title: 'time', width: '2025-01-22T11:46:06.123+01:00'.length },
  { title: 'details' },
]

/** The file column, as wide as the longest name up to 24 characters. */
const fileColumn = (inputs: ReadonlyArray<Input>): Column => ({ title: 'file', width: Math.min(24, Math.max('file'.length, longest(inputs.map((input) => input.label)))) })

const LAST_CELL = 60

/**
 * A cell: the text made printable and cut to `width` with a `…`. Only the first
 * `width + 1` characters of the text are read.
 */
const cell = (text: string, width: number): string => {
  // printable reads no further than its limit; shown is longer than width if text is.
  const shown = printable(text, width + 1)
  if (shown.length <= width) return shown.padEnd(width)
  // Cut before the last place, and not inside a surrogate pair.
  const end = /[\ud800-\udbff]/.test(shown.charAt(width - 2)) ? width - 2 : width - 1
  return `${shown.slice(0, end)}…`.padEnd(width)
}

const render = (columns: ReadonlyArray<Column>, cells: ReadonlyArray<string>): string =>
  cells
    .map((text, index) => {
      const width = columns[index]?.width
      return cell(text, width ?? LAST_CELL)
    })
    .join('  ')
    .trimEnd()

const quoted = (text: string | undefined): string => (text === undefined ? '' : `"${text}"`)

/** An event's cells, after the file: delivery statuses, opt-outs and inbound messages alike. */
const cellsOf = (event: AnyWebhookEvent): ReadonlyArray<string> => {
  const time = event.occurredAt ?? event.vendorTime ?? '-'
  if (event.kind !== 'delivery') {
    return [event.vendor, event.channel, `from ${event.from}`, KIND_WORDS[event.kind], '-', time, quoted(event.text)]
  }
  const details =
    event.classification === 'failure'
      ? `${event.failure.reason}, ${event.failure.permanent ? 'permanent' : 'temporary'}`
      : event.classification === 'unknown'
        ? `vendor code "${event.vendorStatus}"`
        : ''
  return [event.vendor, event.channel, event.recipient, event.status, event.classification, time, details]
}

/**
 * Events as a table for people: a heading, then one line per event (with the file's name
 * first when there are several inputs). Every cell is made printable and cut to its
 * column, so a row is one line whatever the body holds.
 */
export const tableOutput = (io: CliIo, inputs: ReadonlyArray<Input>): Output => {
  const several = inputs.length > 1
  const columns = several ? [fileColumn(inputs), ...COLUMNS] : COLUMNS
  let headed = false
  return {
    add: (input: Input, value: unknown) => {
      if (!headed) io.stdout(`${render(columns, columns.map((column) => column.title))}\n`)
      headed = true
      // Safe: the table is used for events only.
      const events = value as ReadonlyArray<AnyWebhookEvent>
      for (const event of events) io.stdout(`${render(columns, several ? [input.label, ...cellsOf(event)] : cellsOf(event))}\n`)
    },
    // A table is for people, who read a refused body's reason on stderr.
    reject: () => undefined,
    end: () => undefined,
  }
}
