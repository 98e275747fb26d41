/**
 * What later generators need to know about each customer (a compact card, not the row), and a
 * weighted pick among the customers that existed on a given day: a few big accounts receive most
 * of the invoices, as in a real business.
 */
import type { DemoRandom } from './demo-random.ts';
import type { Timeline } from './demo-calendar.ts';

/** A customer as later generators see it (documents copy its address and currency). */
export interface ClientCard {
  readonly id: number;
  readonly company: string;
  /** Unix seconds of tblclients.datecreated. */
  readonly createdAt: number;
  readonly active: boolean;
  /** tblcurrencies.id used on its documents (default_currency 0 means the base currency, 1). */
  readonly currency: number;
  readonly country: number;
  readonly street: string;
  readonly city: string;
  readonly state: string;
  readonly zip: string;
  readonly firstContactId: number;
  readonly contactCount: number;
  readonly primaryContactName: string;
  readonly primaryContactEmail: string;
  readonly phone: string;
}

/** The customers, by id, with a date-aware weighted picker. */
export class ClientDirectory {
  private readonly cumulative: Float64Array;

  constructor(
    readonly clients: readonly ClientCard[],
    weights: readonly number[],
    private readonly timeline: Timeline,
  ) {
    this.cumulative = new Float64Array(clients.length);
    let sum = 0;
    weights.forEach((w, i) => {
      sum += w;
      this.cumulative[i] = sum;
    });
  }

  /** The customer with tblclients.userid = `id`. */
  get(id: number): ClientCard {
    const client = this.clients[id - 1];
    if (client === undefined) throw new Error(`no demo client ${id}`);
    return client;
  }

  /** A customer created on or before `day`, big accounts more likely (client 1 if none yet). */
  pickExistingOn(day: number, random: DemoRandom): ClientCard {
    const existing = Math.max(1, this.timeline.countUpTo(day));
    const roll = random.faker.number.float({ min: 0, max: this.cumulative[existing - 1] ?? 0 });
    let low = 0;
    let high = existing - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.cumulative[mid] ?? 0) >= roll) high = mid;
      else low = mid + 1;
    }
    return this.get(low + 1);
  }

  /** One of the customer's contact ids. */
  pickContact(client: ClientCard, random: DemoRandom): number {
    return client.firstContactId + random.int(0, client.contactCount - 1);
  }
}
