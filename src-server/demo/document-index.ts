/**
 * A compact index of generated documents (two typed arrays, a few bytes per row) so later
 * generators can link to a real invoice or estimate of the right customer: an estimate converted
 * into an invoice, an expense or task billed on one. The rows themselves are long gone to the
 * database, which keeps memory bounded at any scale.
 */
import type { Timeline } from './demo-calendar.ts';

/** Which customer each invoice (or estimate) belongs to, searchable by customer and date. */
export class DocumentIndex {
  private readonly clients: Int32Array;
  private readonly statusOf: Uint8Array;
  private offsets: Int32Array | null = null;
  private ids: Int32Array | null = null;

  constructor(
    private readonly timeline: Timeline,
    private readonly clientCount: number,
    /** Statuses a later document may link to (e.g. invoices: not draft, not cancelled). */
    private readonly linkable: ReadonlySet<number>,
  ) {
    this.clients = new Int32Array(timeline.count + 1);
    this.statusOf = new Uint8Array(timeline.count + 1);
  }

  /** Records document `id`. */
  record(id: number, clientId: number, status: number): void {
    this.clients[id] = clientId;
    this.statusOf[id] = status;
    this.offsets = null;
  }

  /** The customer of document `id`. */
  clientOf(id: number): number {
    return this.clients[id] ?? 0;
  }

  /** The day document `id` is dated. */
  dayOf(id: number): number {
    return this.timeline.dayOf(id);
  }

  /** Groups ids by customer (counting sort; ids stay ascending, i.e. by date). */
  private build(): { offsets: Int32Array; ids: Int32Array } {
    if (this.offsets !== null && this.ids !== null) return { offsets: this.offsets, ids: this.ids };
    const offsets = new Int32Array(this.clientCount + 2);
    for (let id = 1; id < this.clients.length; id++) {
      const slot = (this.clients[id] ?? 0) + 1;
      offsets[slot] = (offsets[slot] ?? 0) + 1;
    }
    for (let c = 1; c < offsets.length; c++) offsets[c] = (offsets[c] ?? 0) + (offsets[c - 1] ?? 0);
    const cursor = offsets.slice();
    const ids = new Int32Array(this.clients.length);
    for (let id = 1; id < this.clients.length; id++) {
      const client = this.clients[id] ?? 0;
      ids[cursor[client] ?? 0] = id;
      cursor[client] = (cursor[client] ?? 0) + 1;
    }
    this.offsets = offsets;
    this.ids = ids;
    return { offsets, ids };
  }

  /** The first linkable document of `clientId` dated within [fromDay, toDay] not in `taken`, or 0. */
  findLinkable(clientId: number, fromDay: number, toDay: number, taken?: ReadonlySet<number>): number {
    const { offsets, ids } = this.build();
    for (let i = offsets[clientId] ?? 0; i < (offsets[clientId + 1] ?? 0); i++) {
      const id = ids[i] ?? 0;
      const day = this.timeline.dayOf(id);
      if (day > toDay) break;
      if (day >= fromDay && this.linkable.has(this.statusOf[id] ?? 0) && !(taken?.has(id) ?? false)) return id;
    }
    return 0;
  }
}
