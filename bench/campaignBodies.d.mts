// Types of postgresCampaign.mjs, for the tests that build a small campaign.

/** The campaign's bodies as Octopush posts them, shuffled, a tenth twice. */
export declare const campaignRawBodies: (sizes?: { readonly sms?: number; readonly emails?: number; readonly recipients?: number }) => ReadonlyArray<Record<string, unknown>>
