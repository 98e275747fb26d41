/**
 * Suggestions in the URL input for the part under the caret: a path before `?`, then per
 * `key=value` segment the key (accepted with its `=`) or the value.
 */
import type { SuggestAnswer } from './AutocompleteInput.tsx';
import { suggestKeys, suggestPaths, suggestValues, type SuggestContext } from './param-suggestions.ts';

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

export function suggestInUrl(value: string, caret: number, ctx: SuggestContext): SuggestAnswer {
  const q = value.indexOf('?');
  if (q < 0 || caret <= q) {
    const to = q < 0 ? value.length : q;
    return { items: suggestPaths(value.slice(0, caret), ctx), from: 0, to };
  }
  const start = Math.max(value.lastIndexOf('&', caret - 1), q) + 1;
  const amp = value.indexOf('&', caret);
  const end = amp < 0 ? value.length : amp;
  const segment = value.slice(start, end);
  const eq = segment.indexOf('=');
  if (eq < 0 || caret <= start + eq) {
    const items = suggestKeys(decode(value.slice(start, caret)), ctx).map((s) => (s.partial || eq >= 0 ? s : { ...s, value: `${s.value}=` }));
    return { items, from: start, to: eq < 0 ? end : start + eq };
  }
  const key = decode(segment.slice(0, eq));
  return { items: suggestValues(key, decode(value.slice(start + eq + 1, caret)), ctx), from: start + eq + 1, to: end };
}
