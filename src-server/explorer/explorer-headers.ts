/**
 * The headers of the explorer's loopback channel into the data API (agreed in src-shared/admin-api.ts).
 * They mean something only from a loopback peer with this launch's secret; neither is ever logged
 * nor echoed in an answer.
 */

/** The launch's explorer secret: the call is the Studio's own (traced; the Studio's rights without a token). */
export const EXPLORER_HEADER = 'x-pas-explorer';

/** `randomise`: the explorer's PII toggle; honoured only together with a valid explorer secret. */
export const PII_HEADER = 'x-pas-pii';
export const PII_RANDOMISE = 'randomise';

/** The data API's answer header when its personal data is randomised (`randomised`): for the explorer and any client. */
export const PII_RANDOMISED_HEADER = 'x-pas-pii';
