/** JSON nesting depth without recursion, so a hostile 100,000-level body cannot blow the stack. */

/**
 * Depth of raw JSON text by counting brackets outside strings: checked before `JSON.parse`, whose
 * recursion a deep enough body would otherwise overflow.
 */
export function rawJsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) return true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return false;
}
