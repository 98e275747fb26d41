/** How many of each main entity the demo holds at a given scale (scale 1 ≈ a small agency). */

/** Rows of each main (parent) entity. */
export interface DemoCounts {
  readonly staff: number;
  readonly clients: number;
  readonly leads: number;
  readonly projects: number;
  readonly subscriptions: number;
  readonly contracts: number;
  readonly invoices: number;
  readonly estimates: number;
  readonly proposals: number;
  readonly creditNotes: number;
  readonly expenses: number;
  readonly tickets: number;
  readonly tasks: number;
  readonly notes: number;
  readonly activityLog: number;
}

const AT_SCALE_ONE: DemoCounts = {
  staff: 25,
  clients: 150,
  leads: 300,
  projects: 80,
  subscriptions: 40,
  contracts: 120,
  invoices: 1500,
  estimates: 400,
  proposals: 200,
  creditNotes: 60,
  expenses: 400,
  tickets: 400,
  tasks: 1000,
  notes: 500,
  activityLog: 2000,
};

/** Entity counts for `scale` (at least a handful of each, so tiny scales stay coherent). */
export function demoCounts(scale: number): DemoCounts {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`scale must be a positive number, got ${scale}`);
  const counts: Record<string, number> = {};
  for (const [name, base] of Object.entries(AT_SCALE_ONE)) {
    counts[name] = Math.max(name === 'staff' ? 4 : 3, Math.round(base * scale));
  }
  return counts as unknown as DemoCounts;
}
