/** "Did you mean …?" hints, built from catalog names only (PostgREST's fuzzy hints do the same). */
import { distance } from 'fastest-levenshtein';

/** The closest candidate within a small edit distance, or null. */
export function suggestName(input: string, candidates: Iterable<string>): string | null {
  const needle = input.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  let bestRaw = Infinity;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const raw = distance(needle, c);
    // A prefix of the right name (or the name plus a suffix) is a strong hint even when the edit
    // distance is large; among equally strong hints the closer spelling wins.
    const d = c.startsWith(needle) || needle.startsWith(c) ? Math.min(raw, 1) : raw;
    if (d < bestDistance || (d === bestDistance && raw < bestRaw)) {
      bestDistance = d;
      bestRaw = raw;
      best = candidate;
    }
  }
  const limit = Math.max(2, Math.floor(needle.length / 3));
  return bestDistance <= limit ? best : null;
}

/** A hint sentence: "did you mean `duedate`?" or, without a close name, the list of choices. */
export function didYouMean(input: string, candidates: readonly string[], what: string): string {
  const best = suggestName(input, candidates);
  if (best !== null) return `did you mean \`${best}\`?`;
  const shown = candidates.slice(0, 12).map((c) => `\`${c}\``).join(', ');
  const more = candidates.length > 12 ? `, … (${candidates.length} in all)` : '';
  return candidates.length === 0 ? `this resource has no ${what}` : `known ${what}: ${shown}${more}`;
}
