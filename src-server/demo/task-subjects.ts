/**
 * What a task is attached to (tbltasks.rel_type → rel_id) and what such tasks are called.
 * `null` is a standalone task (rel_type and rel_id both NULL).
 */
import type { DemoCounts } from './demo-counts.ts';

/** tbltasks.rel_type values (null: standalone). */
export type TaskRelType =
  'project' | 'customer' | 'invoice' | 'estimate' | 'proposal' | 'contract' | 'ticket' | 'expense' | 'lead' | null;

/** [rel_type, share of tasks, timeline of the targets (null: none)]. */
export const TASK_REL_TYPES: readonly (readonly [TaskRelType, number, keyof DemoCounts | null])[] = [
  ['project', 60, 'projects'],
  ['customer', 8, 'clients'],
  ['lead', 8, 'leads'],
  ['ticket', 5, 'tickets'],
  ['invoice', 4, 'invoices'],
  ['contract', 3, 'contracts'],
  ['estimate', 2, 'estimates'],
  ['proposal', 2, 'proposals'],
  ['expense', 1, 'expenses'],
  [null, 7, null],
];

const NAMES: Readonly<Record<string, readonly string[]>> = {
  project: [
    'Design homepage mockups',
    'Set up staging server',
    'Build API integration',
    'QA testing round',
    'Client review meeting',
    'Deploy to production',
    'Fix reported bugs',
    'Update documentation',
    'Configure DNS records',
    'Migrate content',
    'Write unit tests',
    'Optimise images',
    'Set up analytics',
    'Prepare training session',
    'Accessibility review',
  ],
  customer: ['Call to discuss renewal', 'Quarterly business review', 'Send onboarding pack', 'Update account details'],
  lead: ['Call lead', 'Send introduction email', 'Book a demo', 'Follow up after meeting'],
  ticket: ['Investigate reported issue', 'Reproduce the bug', 'Escalate to hosting provider'],
  invoice: ['Follow up on payment', 'Send payment reminder', 'Check bank transfer'],
  contract: ['Get contract signed', 'Prepare renewal terms', 'Legal review'],
  estimate: ['Prepare estimate details', 'Check supplier prices'],
  proposal: ['Review proposal with client', 'Add case studies to proposal'],
  expense: ['Verify expense receipt', 'Re-bill expense to customer'],
  none: ['Renew office insurance', 'Team meeting notes', 'Order office supplies', 'Plan team offsite'],
};

/** Task names that fit `relType`. */
export function taskNames(relType: TaskRelType): readonly string[] {
  return NAMES[relType ?? 'none'] ?? [];
}
