/**
 * Bodies given as bytes, in every form a runtime hands them over: an `ArrayBuffer` (what
 * `await request.arrayBuffer()` gives), a `SharedArrayBuffer`, or any view of one (a
 * `Uint8Array`, a `Buffer`, a `DataView`, any other typed array). Each is told apart by
 * its internal slots, through the intrinsic getters of its class called on it: none of
 * the caller's code runs, whatever the value's own properties, prototype or
 * `Symbol.toStringTag` say. A view is a window on its buffer: its bytes are those from its
 * `byteOffset`, `byteLength` of them, in memory order (a `Uint16Array`'s are its bytes, not
 * its numbers).
 */

/** A body's bytes, or why they are gone: what `received` says of a detached buffer. */
export type BodyBytes =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly shared: boolean }
  | { readonly ok: false; readonly received: string }

/** The class of a typed array, a DataView, an ArrayBuffer or a SharedArrayBuffer, as its prototype holds its getters. */
type Intrinsic = { readonly prototype: object } | undefined

/** What the intrinsic getter `name` of `owner`'s prototype answers for `value`; throws when `value` lacks the class's slots. */
const slot = (owner: Intrinsic, name: PropertyKey, value: unknown): unknown => {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- the getter is called on the value itself, below
  const getter = owner === undefined ? undefined : Object.getOwnPropertyDescriptor(owner.prototype, name)?.get
  if (getter === undefined) throw new TypeError(`no intrinsic ${String(name)}`)
  // An empty argument list: nothing is spread onto the stack.
  // eslint-disable-next-line no-restricted-syntax -- Reflect.apply calls the intrinsic getter without the value's own `call`
  return Reflect.apply(getter, value, [])
}

/** What a slot answers, or `undefined` when the value lacks it. */
const slotOrUndefined = (owner: Intrinsic, name: PropertyKey, value: unknown): unknown => {
  try {
    return slot(owner, name, value)
  } catch {
    return undefined
  }
}

/** `%TypedArray%`, the class every typed array's getters live on. */
const TYPED_ARRAY: Intrinsic = { prototype: Object.getPrototypeOf(Uint8Array.prototype) as object }

/** `SharedArrayBuffer`, absent from a page that is not cross-origin isolated. */
const sharedArrayBufferClass = (): Intrinsic => (globalThis as { readonly SharedArrayBuffer?: { readonly prototype: object } }).SharedArrayBuffer

const isArrayBuffer = (value: unknown): boolean => typeof slotOrUndefined(ArrayBuffer, 'byteLength', value) === 'number'
const isSharedArrayBuffer = (value: unknown): boolean => typeof slotOrUndefined(sharedArrayBufferClass(), 'byteLength', value) === 'number'

/** A number a getter answered, or 0 (a view past the end of a buffer that shrank has no bytes). */
const sizeSlot = (owner: Intrinsic, name: PropertyKey, value: unknown): number => {
  const size = slotOrUndefined(owner, name, value)
  return typeof size === 'number' ? size : 0
}

/** "a DataView", "an Int8Array": a class's name with its article. */
const named = (name: string): string => `${/^[AEIO]/.test(name) ? 'an' : 'a'} ${name}`

/**
 * Where a value's bytes are, if it is bytes: its buffer, and the window of it a view
 * shows. `detached` is what a value whose buffer is detached is called.
 */
const windowOf = (value: object): { readonly buffer: unknown; readonly offset: number; readonly length: number; readonly detached: string } | undefined => {
  if (ArrayBuffer.isView(value)) {
    // A typed array answers its class's name; a DataView has no such slot and answers undefined.
    const name = slotOrUndefined(TYPED_ARRAY, Symbol.toStringTag, value)
    const owner: Intrinsic = typeof name === 'string' ? TYPED_ARRAY : DataView
    // A DataView over a detached buffer throws for its offset and length (a typed array answers 0): 0, and the buffer tells.
    return {
      buffer: slotOrUndefined(owner, 'buffer', value),
      offset: sizeSlot(owner, 'byteOffset', value),
      length: sizeSlot(owner, 'byteLength', value),
      detached: `${named(typeof name === 'string' ? name : 'DataView')} over a detached ArrayBuffer`,
    }
  }
  if (isArrayBuffer(value)) return { buffer: value, offset: 0, length: sizeSlot(ArrayBuffer, 'byteLength', value), detached: 'a detached ArrayBuffer' }
  if (isSharedArrayBuffer(value)) return { buffer: value, offset: 0, length: sizeSlot(sharedArrayBufferClass(), 'byteLength', value), detached: 'a SharedArrayBuffer' }
  return undefined
}

/**
 * The bytes of a value given as bytes, or `undefined` for any other value. A detached
 * `ArrayBuffer`, and a view over one (its bytes were transferred, as `postMessage` and
 * `structuredClone` with `transfer` do), have none: `ok: false` says what was given.
 * `shared` says the bytes are in shared memory, which another thread may write while they
 * are read (see {@link readableBytes}). Reads no byte: its cost does not grow with the body.
 */
export const bytesOf = (value: unknown): BodyBytes | undefined => {
  if (typeof value !== 'object' || value === null) return undefined
  const window = windowOf(value)
  if (window === undefined) return undefined
  try {
    // The library's own view of the same memory: nothing of the caller's view is read again.
    const bytes = new Uint8Array(window.buffer as ArrayBuffer, window.offset, window.length)
    return { ok: true, bytes, shared: isSharedArrayBuffer(window.buffer) }
  } catch {
    // A detached buffer cannot be viewed: the one way to get here from a buffer or a view.
    return { ok: false, received: window.detached }
  }
}

/** Bytes the reader may decode: a copy of bytes in shared memory, which no other thread can change while they are read; the bytes themselves otherwise. */
export const readableBytes = (read: { readonly bytes: Uint8Array; readonly shared: boolean }): Uint8Array => {
  if (!read.shared) return read.bytes
  const copy = new Uint8Array(read.bytes.byteLength)
  copy.set(read.bytes)
  return copy
}
