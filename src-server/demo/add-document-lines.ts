/** Queues a document's tblitemable rows and their tblitem_tax rows. */
import type { DemoEnv } from './demo-env.ts';
import type { DocumentKind, DocumentLine } from './document-lines.ts';
import { amount } from './money.ts';

/**
 * Writes `lines` as tblitemable rows (rel_type/rel_id = the document) and one tblitem_tax row per
 * tax of each line, the tax name and rate copied as Perfex copies them (`itemid` = the line).
 */
export function addDocumentLines(
  env: DemoEnv,
  kind: DocumentKind,
  relId: number,
  lines: readonly DocumentLine[],
): void {
  lines.forEach((line, index) => {
    const itemId = env.ids.next('tblitemable');
    env.writer.add('tblitemable', {
      id: itemId,
      rel_id: relId,
      rel_type: kind,
      description: line.description,
      long_description: line.longDescription ?? '',
      qty: line.qtyHundredths / 100,
      rate: amount(line.rateCents),
      unit: line.unit ?? '',
      is_optional: 0,
      is_selected: 1,
      item_order: index + 1,
    });
    for (const tax of line.taxes) {
      env.writer.add('tblitem_tax', {
        id: env.ids.next('tblitem_tax'),
        itemid: itemId,
        rel_id: relId,
        rel_type: kind,
        taxrate: tax.rateBasisPoints / 100,
        taxname: tax.name,
      });
    }
  });
}
