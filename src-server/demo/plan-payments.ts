/**
 * How an invoice got paid, and the status that follows (Invoices_model::STATUS_*): 2 paid when
 * the payments reach the total, 3 partially paid below it, otherwise 4 overdue once the due date
 * has passed, else 1 unpaid.
 */
import type { DemoRandom } from './demo-random.ts';

/** One payment record to write. */
export interface PlannedPayment {
  readonly amountCents: number;
  readonly day: number;
}

/** The status Perfex's cron and payment hooks would leave on an issued invoice. */
export function invoiceStatus(paidCents: number, totalCents: number, dueDay: number | null, anchorDay: number): number {
  if (paidCents >= totalCents) return 2;
  if (paidCents > 0) return 3;
  return dueDay !== null && dueDay < anchorDay ? 4 : 1;
}

/** Splits `total` cents in `parts` positive amounts. */
function split(random: DemoRandom, total: number, parts: number): number[] {
  if (parts <= 1 || total < parts * 100) return [total];
  const cuts = new Set<number>();
  while (cuts.size < parts - 1) cuts.add(random.int(1, total - 1));
  const points = [0, ...[...cuts].sort((a, b) => a - b), total];
  return points.slice(1).map((p, i) => p - (points[i] ?? 0));
}

/**
 * Payments of an issued invoice dated `day`: older invoices are mostly settled, recent ones
 * mostly open. Never more than the total, never before the invoice date or after the anchor.
 */
export function planPayments(
  random: DemoRandom,
  totalCents: number,
  day: number,
  dueDay: number,
  anchorDay: number,
): PlannedPayment[] {
  const age = anchorDay - day;
  const profile =
    age > 90
      ? random.weighted([
          ['paid', 88],
          ['partial', 4],
          ['none', 8],
        ] as const)
      : age > 30
        ? random.weighted([
            ['paid', 70],
            ['partial', 8],
            ['none', 22],
          ] as const)
        : random.weighted([
            ['paid', 35],
            ['partial', 10],
            ['none', 55],
          ] as const);
  if (profile === 'none') return [];
  const target =
    profile === 'paid'
      ? totalCents
      : Math.max(
          1,
          Math.min(totalCents - 1, Math.round(totalCents * (0.2 + random.faker.number.float({ min: 0, max: 0.6 })))),
        );
  const parts =
    profile === 'paid'
      ? random.weighted([
          [1, 80],
          [2, 15],
          [3, 5],
        ] as const)
      : random.weighted([
          [1, 75],
          [2, 25],
        ] as const);
  const latest = Math.min(anchorDay, dueDay + 20);
  let payDay = Math.min(anchorDay, day + random.int(0, Math.max(0, latest - day)));
  return split(random, target, parts).map((amountCents) => {
    const payment = { amountCents, day: payDay };
    payDay = Math.min(anchorDay, payDay + random.int(7, 35));
    return payment;
  });
}
