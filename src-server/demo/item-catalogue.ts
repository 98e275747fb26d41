/**
 * The demo company's products and services (tblitems) and tax rates (tbltaxes): a small web and
 * IT agency. Line items copy description, rate, unit and taxes from here, as Perfex does.
 */

/** A tbltaxes row. */
export interface DemoTax {
  readonly id: number;
  readonly name: string;
  /** Rate in hundredths of a percent (2000 = 20.00 %), so tax sums stay exact integers. */
  readonly rateBasisPoints: number;
}

/** A tblitems row. */
export interface CatalogueItem {
  readonly id: number;
  readonly description: string;
  readonly longDescription: string | null;
  readonly rateCents: number;
  readonly unit: string | null;
  readonly groupId: number;
  readonly taxIds: readonly number[];
  /** Billed by the hour: quantities may be halves, rates are whole currency units. */
  readonly hourly: boolean;
}

/** tbltaxes rows. */
export const DEMO_TAXES: readonly DemoTax[] = [
  { id: 1, name: 'VAT', rateBasisPoints: 2000 },
  { id: 2, name: 'Reduced VAT', rateBasisPoints: 500 },
  { id: 3, name: 'Sales Tax', rateBasisPoints: 825 },
  { id: 4, name: 'GST', rateBasisPoints: 1000 },
];

/** tblitems_groups rows (id = index + 1). */
export const ITEM_GROUPS: readonly string[] = ['Services', 'Hosting', 'Software', 'Hardware', 'Support Plans'];

type ItemSpec = [string, string | null, number, string | null, number, number[], boolean];

// [description, long description, rate, unit, group, taxes, hourly]
const SPECS: readonly ItemSpec[] = [
  ['Web design', 'UI/UX design of page templates and components', 85, 'hour', 1, [1], true],
  ['Front-end development', 'HTML, CSS and JavaScript implementation', 95, 'hour', 1, [1], true],
  ['Back-end development', 'Server-side development and API integration', 110, 'hour', 1, [1], true],
  ['Project management', null, 75, 'hour', 1, [1], true],
  ['SEO audit', 'Technical and content SEO audit with recommendations', 650, null, 1, [1], false],
  ['Copywriting', 'Website copy, per page', 120, 'page', 1, [1], false],
  ['Logo design', 'Three concepts and two rounds of revisions', 900, null, 1, [1], false],
  ['Consulting', 'Strategy and architecture consulting', 150, 'hour', 1, [1], true],
  ['Shared hosting (monthly)', 'Shared hosting plan, 10 GB SSD, daily backups', 19.9, 'month', 2, [1], false],
  ['VPS hosting (monthly)', '4 vCPU, 8 GB RAM, 160 GB NVMe', 79, 'month', 2, [1], false],
  ['Domain registration', 'One-year domain name registration', 14.99, 'year', 2, [], false],
  ['SSL certificate', 'Organisation-validated SSL certificate, one year', 129, 'year', 2, [1], false],
  ['Managed backups', 'Off-site encrypted backups, 30-day retention', 25, 'month', 2, [1], false],
  ['CRM licence', 'Per-seat annual licence', 299, 'seat', 3, [1, 3], false],
  ['Email marketing add-on', null, 49, 'month', 3, [1], false],
  ['Analytics dashboard', 'Custom reporting dashboard licence', 1200, null, 3, [1], false],
  ['Mobile app licence', 'White-label mobile app, annual licence', 2400, 'year', 3, [1, 3], false],
  ['Laptop', '14" business laptop, 16 GB RAM, 512 GB SSD', 1349, 'pcs', 4, [1], false],
  ['Monitor 27"', '27" QHD IPS monitor', 329.5, 'pcs', 4, [1], false],
  ['Network switch', '24-port managed gigabit switch', 419, 'pcs', 4, [2], false],
  ['Wireless access point', null, 189, 'pcs', 4, [2], false],
  ['Support plan Basic', 'Business-hours support, 5 hours per month', 250, 'month', 5, [4], false],
  ['Support plan Premium', '24/7 support, 20 hours per month, 4-hour response', 890, 'month', 5, [4], false],
  ['On-site support', 'On-site technician visit', 65, 'hour', 5, [4], true],
];

/** tblitems rows. */
export const ITEM_CATALOGUE: readonly CatalogueItem[] = SPECS.map(
  ([description, longDescription, rate, unit, groupId, taxIds, hourly], i) => ({
    id: i + 1,
    description,
    longDescription,
    rateCents: Math.round(rate * 100),
    unit,
    groupId,
    taxIds,
    hourly,
  }),
);

/** The tax with `id`. */
export function demoTax(id: number): DemoTax {
  const tax = DEMO_TAXES.find((t) => t.id === id);
  if (tax === undefined) throw new Error(`no demo tax ${id}`);
  return tax;
}
