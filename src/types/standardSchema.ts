// The Standard Schema v1 interface, copied from its specification (standardschema.dev,
// `@standard-schema/spec`, MIT), as the specification asks libraries to do instead of
// depending on the package. test/types/standardSchema.test-d.ts checks that it stays
// assignable to the package's own types.

/**
 * The Standard Schema v1 interface (`~standard`) that zod, valibot and ArkType implement
 * and Hono, tRPC and TanStack accept: a validator from one library any framework can run.
 * Copied from the specification, so deliverykit depends on no package for it.
 *
 * @category Standard Schema
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  /** The Standard Schema properties. */
  readonly '~standard': StandardSchemaV1.Props<Input, Output>
}

/**
 * The types of the Standard Schema v1 interface.
 *
 * @category Standard Schema
 */
// The specification's own layout: an interface and a namespace of its types, merged.
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace StandardSchemaV1 {
  /** The Standard Schema properties interface. */
  interface Props<Input = unknown, Output = Input> {
    /** The version number of the standard. */
    readonly version: 1
    /** The vendor name of the schema library. */
    readonly vendor: string
    /** Validates unknown input values. */
    readonly validate: (value: unknown, options?: Options) => Result<Output> | Promise<Result<Output>>
    /** Inferred types associated with the schema: declared for the types, absent at run time. */
    readonly types?: Types<Input, Output> | undefined
  }

  /** The result interface of the validate function. */
  type Result<Output> = SuccessResult<Output> | FailureResult

  /** The result interface if validation succeeds. */
  interface SuccessResult<Output> {
    /** The typed output value. */
    readonly value: Output
    /** A falsy value for `issues` indicates success. */
    readonly issues?: undefined
  }

  /** Options the caller of `validate` may pass. */
  interface Options {
    /** Explicit support for additional vendor-specific parameters, if needed. */
    readonly libraryOptions?: Record<string, unknown> | undefined
  }

  /** The result interface if validation fails. */
  interface FailureResult {
    /** The issues of failed validation. */
    readonly issues: ReadonlyArray<Issue>
  }

  /** The issue interface of the failure output. */
  interface Issue {
    /** The error message of the issue. */
    readonly message: string
    /** The path of the issue, if any. */
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined
  }

  /** The path segment interface of the issue. */
  interface PathSegment {
    /** The key representing a path segment. */
    readonly key: PropertyKey
  }

  /** The Standard Schema types interface. */
  interface Types<Input = unknown, Output = Input> {
    /** The input type of the schema. */
    readonly input: Input
    /** The output type of the schema. */
    readonly output: Output
  }

  /** Infers the input type of a Standard Schema. */
  type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['input']

  /** Infers the output type of a Standard Schema. */
  type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['output']
}

/**
 * A Standard Schema whose input is a callback body (what `normalizeWebhook` takes: an
 * object, JSON or form text, `URLSearchParams` or bytes) and whose output is its events.
 * `validate` answers at once (never a Promise) and never throws: `{ value: events }`, or
 * `{ issues }` with deliverykit's messages and the JSON path of each.
 *
 * @category Standard Schema
 */
export interface EventsSchema<Events> extends StandardSchemaV1<unknown, Events> {
  readonly '~standard': EventsSchemaProps<Events>
}

/**
 * `~standard` of an {@link EventsSchema}: the vendor is `'deliverykit'`, and `validate`
 * answers synchronously.
 *
 * @category Standard Schema
 */
export interface EventsSchemaProps<Events> extends StandardSchemaV1.Props<unknown, Events> {
  readonly vendor: 'deliverykit'
  readonly validate: (value: unknown, options?: StandardSchemaV1.Options) => StandardSchemaV1.Result<Events>
}
