/**
 * Line items of sales documents (invoices, estimates, proposals, credit notes) and the totals
 * Perfex derives from them. Lines depend only on (seed, kind, id), so a converted estimate can
 * copy its invoice's lines later without the invoice being kept in memory.
 */
import { demoTax, ITEM_CATALOGUE, type CatalogueItem } from './item-catalogue.ts';
import { divideRounded } from './money.ts';
import { createPrng, type Prng } from './prng.ts';

/** The tblitemable rel_type values of sales documents. */
export type DocumentKind = 'invoice' | 'estimate' | 'proposal' | 'credit_note';

/** A tax applied to a line (copied into tblitem_tax). */
export interface LineTax {
  readonly name: string;
  readonly rateBasisPoints: number;
}

/** One line item (a tblitemable row). */
export interface DocumentLine {
  readonly description: string;
  readonly longDescription: string | null;
  /** Quantity in hundredths (150 = 1.50). */
  readonly qtyHundredths: number;
  readonly rateCents: number;
  readonly unit: string | null;
  readonly taxes: readonly LineTax[];
}

/** The money columns of a document, in cents. */
export interface DocumentTotals {
  readonly subtotalCents: number;
  readonly totalTaxCents: number;
  readonly discountCents: number;
  readonly adjustmentCents: number;
  readonly totalCents: number;
}

const KIND_KEYS: Readonly<Record<DocumentKind, number>> = { invoice: 1, estimate: 2, proposal: 3, credit_note: 4 };
const LINE_COUNTS: Readonly<Record<DocumentKind, readonly number[]>> = {
  invoice: [1, 1, 1, 2, 2, 2, 3, 3, 4, 5],
  estimate: [1, 2, 2, 3, 3, 4, 5, 6],
  proposal: [2, 3, 3, 4, 5, 6, 7],
  credit_note: [1, 1, 1, 2],
};

function makeLine(prng: Prng, item: CatalogueItem): DocumentLine {
  let rateCents = item.rateCents;
  let qtyHundredths: number;
  if (item.hourly) {
    // Half hours at whole-unit rates: qty × rate stays a whole number of cents.
    qtyHundredths = prng.int(1, 80) * 50;
    if (prng.chance(0.2)) rateCents = Math.round((rateCents * (0.9 + prng.next() * 0.2)) / 100) * 100;
  } else {
    qtyHundredths = prng.pick([1, 1, 1, 1, 2, 2, 3, 4, 5, 10, 12]) * 100;
    if (prng.chance(0.15)) rateCents = Math.round(rateCents * (0.9 + prng.next() * 0.2));
  }
  const taxes = prng.chance(0.08) ? [] : item.taxIds.map(demoTax);
  return {
    description: item.description,
    longDescription: item.longDescription,
    qtyHundredths,
    rateCents,
    unit: item.unit,
    taxes: taxes.map((t) => ({ name: t.name, rateBasisPoints: t.rateBasisPoints })),
  };
}

/** The line items of document `id` of `kind` (always the same for the same seed). */
export function documentLines(seed: number, kind: DocumentKind, id: number): DocumentLine[] {
  const prng = createPrng(seed, KIND_KEYS[kind], id);
  const count = prng.pick(LINE_COUNTS[kind]);
  const lines: DocumentLine[] = [];
  for (let i = 0; i < count; i++) lines.push(makeLine(prng, prng.pick(ITEM_CATALOGUE)));
  return lines;
}

/** qty × rate of one line, in cents (exact: see makeLine). */
export function lineAmountCents(line: DocumentLine): number {
  return (line.qtyHundredths * line.rateCents) / 100;
}

/**
 * Totals as Perfex computes them with an "after tax" discount: tax per line on qty × rate,
 * total_tax = Σ line taxes rounded once, discount on (subtotal + tax), then the adjustment.
 */
export function documentTotals(
  lines: readonly DocumentLine[],
  discountPercent = 0,
  adjustmentCents = 0,
): DocumentTotals {
  let subtotalCents = 0;
  // Σ qty(hundredths) × rate(cents) × rate(basis points) = tax in millionths of a cent: exact.
  let taxMillionths = 0;
  for (const line of lines) {
    subtotalCents += lineAmountCents(line);
    for (const tax of line.taxes) taxMillionths += line.qtyHundredths * line.rateCents * tax.rateBasisPoints;
  }
  const totalTaxCents = divideRounded(taxMillionths, 1_000_000);
  const discountCents = divideRounded((subtotalCents + totalTaxCents) * discountPercent, 100);
  const totalCents = subtotalCents + totalTaxCents - discountCents + adjustmentCents;
  return { subtotalCents, totalTaxCents, discountCents, adjustmentCents, totalCents };
}
