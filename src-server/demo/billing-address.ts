/** The billing/shipping columns sales documents copy from their customer. */
import type { ClientCard } from './client-directory.ts';
import type { DemoRow } from './insert-statements.ts';

/** billing_* from the customer; shipping_* too when the document includes shipping. */
export function billingColumns(client: ClientCard, includeShipping: boolean): DemoRow {
  return {
    billing_street: client.street,
    billing_city: client.city,
    billing_state: client.state,
    billing_zip: client.zip,
    billing_country: client.country,
    shipping_street: includeShipping ? client.street : '',
    shipping_city: includeShipping ? client.city : '',
    shipping_state: includeShipping ? client.state : '',
    shipping_zip: includeShipping ? client.zip : '',
    shipping_country: includeShipping ? client.country : 0,
    include_shipping: includeShipping ? 1 : 0,
  };
}
