// Descriptions and mappings of Masstack's status codes, as `normalize` reads them. The rationale and
// source of each row are in catalog.ts, joined to these rows only in the public catalog.
import { permanent, temporary, type ChannelRows, type StatusRow } from '../../kit/rows.js'
import type { MasstackEmailStatusCode, MasstackSmsStatusCode } from './codes.js'

/** The rows of `MASSTACK_SMS_CATALOG`: descriptions and mappings, what events carry. */
export const MASSTACK_SMS_ROWS: Readonly<Record<MasstackSmsStatusCode, StatusRow>> = {
  REGISTERED: {
    description: 'The SMS has been accepted (input is correct) and registered in the system to be submitted to GSM network for delivery, however the SMS has not been sent yet',
    classification: 'transient', status: 'accepted',
  },
  SUBMITTED: {
    description: 'The SMS has been already submitted to GSM network and sent to the user. No confirmation of delivery, expiration or error has been received so far',
    classification: 'transient', status: 'sent',
  },
  DELIVERED: {
    description: 'The SMS has been successfully delivered to the subscriber device',
    classification: 'final', status: 'delivered',
  },
  EXPIRED: {
    description: 'It was not possible to deliver the SMS to the user during the set maximum delivery time (48h by default), e.g: the phone was off during the whole period',
    classification: 'failure', status: 'expired', failure: { reason: 'expired', permanent: temporary },
  },
  UNDELIVERABLE: {
    description: 'It is not possible to deliver the SMS because of a GSM network reason, for example, the destination number does not exist',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'invalid_recipient', permanent: permanent },
  },
  FAILED: {
    description: 'The SMS processing in the system has failed and it could not be sent or, at least, it is not guaranteed it was sent',
    classification: 'failure', status: 'unconfirmed', failure: { reason: 'provider_error', permanent: temporary },
  },
}

/** The rows of `MASSTACK_EMAIL_CATALOG`: descriptions and mappings, what events carry. */
export const MASSTACK_EMAIL_ROWS: Readonly<Record<MasstackEmailStatusCode, StatusRow>> = {
  SUBMITTED: {
    description: 'The e-mail has been accepted and submitted to e-mail service provider to be sent, no final status is known yet',
    classification: 'transient', status: 'sent',
  },
  DELIVERED: {
    description: 'The e-mail has been delivered to the destination e-mail server successfully, although it is not guaranteed that is already available at user inbox (the process is opaque)',
    classification: 'final', status: 'delivered',
  },
  OPEN: {
    description: 'The e-mail has been already opened by the user',
    classification: 'final', status: 'read',
  },
  CLICKED: {
    description: 'At least one link included in the e-mail has been clicked by the user',
    classification: 'final', status: 'clicked',
  },
  UNDELIVERABLE: {
    description: 'The e-mail cannot be delivered to the destination address because of a permanent situation, for example, the address does not exist.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'invalid_recipient', permanent: permanent },
  },
  DEFERRED: {
    description: 'The e-mail was rejected by destination e-mail server because of a temporary issue expected to be resolved soon (e.g: overload), the sending will be reattempted',
    classification: 'transient', status: 'deferred',
  },
  REJECTED: {
    description: 'The e-mail was rejected by destination e-mail server because of a temporary reason, for example, the user memory usage is over quota',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'mailbox', permanent: temporary },
  },
  DROPPED: {
    description: 'The e-mail was dropped by the e-mail service provider because it has been identified as a sending that is going to fail, e.g: it was already rejected before',
    classification: 'failure', status: 'rejected', failure: { reason: 'blocked_recipient', permanent: permanent },
  },
}

/** The rows by channel. */
export const MASSTACK_ROW_CATALOGS: ChannelRows = {
  sms: MASSTACK_SMS_ROWS,
  email: MASSTACK_EMAIL_ROWS,
}
