/**
 * The `Either` values deliverykit returns, built here: `{ _tag: 'Left', left }` and
 * `{ _tag: 'Right', right }`, exactly as fp-ts builds them, typed as fp-ts's own `Either`
 * (a type-only import, which costs nothing at run time). Importing the values from fp-ts's
 * root would pull its whole `either` module (and `function`, `Apply`, …) into every
 * bundle: about 2.8 KB gzipped per entry.
 */
import type { either } from 'fp-ts'

/** `{ _tag: 'Left', left }`, as fp-ts's `left`. */
export const left = <L = never, R = never>(value: L): either.Either<L, R> => ({ _tag: 'Left', left: value })

/** `{ _tag: 'Right', right }`, as fp-ts's `right`. */
export const right = <L = never, R = never>(value: R): either.Either<L, R> => ({ _tag: 'Right', right: value })

/** As fp-ts's `isLeft`. */
export const isLeft = <L, R>(value: either.Either<L, R>): value is either.Left<L> => value._tag === 'Left'

/** As fp-ts's `isRight`. */
export const isRight = <L, R>(value: either.Either<L, R>): value is either.Right<R> => value._tag === 'Right'
