import { sValidator } from '@hono/standard-validator'
import type { StandardSchemaV1 as Spec } from '@standard-schema/spec'
import {
  webhookSchema,
  type EventsSchema,
  type InboundEvent,
  type StandardSchemaV1,
  type UnknownStatusEvent,
  type DeliveryEvent,
  type Vendor,
  type VendorWithoutOptions,
  type WebhookEvent,
  type WebhookEventsFor,
} from 'deliverykit'
import * as masstack from 'deliverykit/masstack'
import * as messangi from 'deliverykit/messangi'
import type * as octopush from 'deliverykit/octopush'
import { Hono } from 'hono'
import { describe, expectTypeOf, it } from 'vitest'

describe('webhookSchema is a Standard Schema v1', () => {
  it('is assignable to @standard-schema/spec, and infers the same input and output there', () => {
    const schema = webhookSchema('octopush')
    expectTypeOf(schema).toExtend<Spec<unknown, ReadonlyArray<WebhookEvent>>>()
    expectTypeOf<Spec.InferInput<typeof schema>>().toEqualTypeOf<unknown>()
    expectTypeOf<Spec.InferOutput<typeof schema>>().toEqualTypeOf<ReadonlyArray<WebhookEvent>>()
    expectTypeOf<StandardSchemaV1.InferOutput<typeof schema>>().toEqualTypeOf<ReadonlyArray<WebhookEvent>>()
  })

  it('copies the specification\'s interface: each is assignable to the other', () => {
    expectTypeOf<StandardSchemaV1<string, number>>().toExtend<Spec<string, number>>()
    expectTypeOf<Spec<string, number>>().toExtend<StandardSchemaV1<string, number>>()
    expectTypeOf<StandardSchemaV1.Issue>().toEqualTypeOf<Spec.Issue>()
    expectTypeOf<StandardSchemaV1.Result<number>>().toEqualTypeOf<Spec.Result<number>>()
  })

  it('validates synchronously: validate returns a result, never a Promise', () => {
    const result = webhookSchema('masstack')['~standard'].validate({})
    expectTypeOf(result).toEqualTypeOf<StandardSchemaV1.Result<ReadonlyArray<WebhookEvent>>>()
    expectTypeOf(webhookSchema('masstack')['~standard'].vendor).toEqualTypeOf<'deliverykit'>()
  })

  it('gives the events normalizeWebhook gives for the same options', () => {
    expectTypeOf(webhookSchema('octopush', { unknownStatus: 'keep' })).toEqualTypeOf<EventsSchema<WebhookEventsFor<{ unknownStatus: 'keep' }>>>()
    expectTypeOf<StandardSchemaV1.InferOutput<ReturnType<typeof octopush.webhookSchema<{ readonly unknownStatus: 'keep' }>>>>().toEqualTypeOf<
      ReadonlyArray<DeliveryEvent | UnknownStatusEvent | InboundEvent>
    >()
    expectTypeOf(messangi.webhookSchema({ channel: 'sms' })).toEqualTypeOf<EventsSchema<ReadonlyArray<WebhookEvent>>>()
    expectTypeOf(masstack.webhookSchema()).toEqualTypeOf<EventsSchema<ReadonlyArray<WebhookEvent>>>()
  })

  it('requires Messangi\'s channel, as normalizeWebhook does', () => {
    // @ts-expect-error: Messangi's channel option is required
    webhookSchema('messangi')
    // @ts-expect-error: Messangi's channel option is required
    messangi.webhookSchema()
    // @ts-expect-error: not a Messangi channel
    webhookSchema('messangi', { channel: 'fax' })
    expectTypeOf(webhookSchema('messangi', { channel: 'whatsapp' })).toEqualTypeOf<EventsSchema<ReadonlyArray<WebhookEvent>>>()
    // The compile error's text, which the vendor argument is checked against.
    expectTypeOf<VendorWithoutOptions<'messangi', 'the vendor'>>().toEqualTypeOf<'messangi needs the options argument: pass { channel } after the vendor'>()
  })

  it('takes a vendor known only at run time, with the options every vendor accepts', () => {
    const vendor = 'messangi' as Vendor
    expectTypeOf(webhookSchema(vendor)).toEqualTypeOf<EventsSchema<ReadonlyArray<WebhookEvent>>>()
    expectTypeOf(webhookSchema(vendor, { unknownStatus: 'keep', timeZone: 'UTC' })).toEqualTypeOf<EventsSchema<WebhookEventsFor<{ unknownStatus: 'keep'; timeZone: string }>>>()
    // @ts-expect-error: channel is not an option every vendor accepts; narrow the vendor first
    webhookSchema(vendor, { channel: 'sms' })
  })
})

describe('a Hono route validated by webhookSchema', () => {
  it('hands its handler the events type, for the json and form targets alike', () => {
    new Hono()
      .post('/octopush', sValidator('json', webhookSchema('octopush')), (c) => {
        expectTypeOf(c.req.valid('json')).toEqualTypeOf<ReadonlyArray<WebhookEvent>>()
        return c.body(null, 204)
      })
      .post('/octopush/form', sValidator('form', webhookSchema('octopush', { unknownStatus: 'keep' })), (c) => {
        expectTypeOf(c.req.valid('form')).toEqualTypeOf<WebhookEventsFor<{ unknownStatus: 'keep' }>>()
        expectTypeOf(c.req.valid('form')).toEqualTypeOf<ReadonlyArray<DeliveryEvent | UnknownStatusEvent | InboundEvent>>()
        return c.body(null, 204)
      })
      .post('/messangi/whatsapp', sValidator('json', messangi.webhookSchema({ channel: 'whatsapp' })), (c) => {
        const events = c.req.valid('json')
        expectTypeOf(events).toEqualTypeOf<ReadonlyArray<WebhookEvent>>()
        for (const event of events) if (event.kind === 'delivery') expectTypeOf(event).toEqualTypeOf<DeliveryEvent>()
        return c.body(null, 204)
      })
  })
})
