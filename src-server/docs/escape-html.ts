/** Text for HTML element content and double-quoted attributes (the five characters HTML gives meaning to). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
