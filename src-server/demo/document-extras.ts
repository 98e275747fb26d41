/** Discounts and adjustments: rare, and always applied "after tax" so totals stay checkable. */
import type { DemoRandom } from './demo-random.ts';
import type { DocumentLine, DocumentTotals } from './document-lines.ts';
import { documentTotals } from './document-lines.ts';
import { amount } from './money.ts';
import type { DemoRow } from './insert-statements.ts';

/** Totals for `lines` with, on a few documents, a percentage discount or a small adjustment. */
export function pickTotals(
  random: DemoRandom,
  lines: readonly DocumentLine[],
): { totals: DocumentTotals; discountPercent: number } {
  const discountPercent = random.chance(0.06) ? random.pick([5, 10, 15, 20]) : 0;
  const plain = documentTotals(lines, discountPercent);
  // An adjustment (rounding, a courtesy credit) never takes the total to zero or below.
  const adjustment = random.chance(0.04) ? random.int(-Math.min(2000, plain.totalCents - 100), 2500) : 0;
  return {
    totals: documentTotals(lines, discountPercent, Math.max(adjustment, 100 - plain.totalCents)),
    discountPercent,
  };
}

/** The subtotal/total_tax/discount/adjustment/total columns of a document. */
export function totalsColumns(totals: DocumentTotals, discountPercent: number): DemoRow {
  return {
    subtotal: amount(totals.subtotalCents),
    total_tax: amount(totals.totalTaxCents),
    total: amount(totals.totalCents),
    adjustment: amount(totals.adjustmentCents),
    discount_percent: discountPercent,
    discount_total: amount(totals.discountCents),
    discount_type: discountPercent > 0 ? 'after_tax' : '',
  };
}

/** Perfex's show_quantity_as: 1 Qty, 2 Hours, 3 Qty/Hours. */
export function quantityLabel(lines: readonly DocumentLine[]): number {
  const hours = lines.filter((l) => l.unit === 'hour').length;
  return hours === 0 ? 1 : hours === lines.length ? 2 : 3;
}
