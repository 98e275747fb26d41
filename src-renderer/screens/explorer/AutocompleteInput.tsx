/**
 * A text input with a small suggestion list: ↑/↓ move, Enter or Tab accept, Esc closes,
 * Ctrl+Space opens it. `suggest` says what to offer for the text and caret, and which slice of the
 * text an accepted suggestion replaces; a `partial` suggestion (`filter[`) keeps the list open.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Suggestion } from './param-suggestions.ts';

export interface SuggestAnswer {
  readonly items: readonly Suggestion[];
  readonly from: number;
  readonly to: number;
}

export interface AutocompleteInputProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly suggest: (value: string, caret: number) => SuggestAnswer | null;
  readonly onAccept?: (item: Suggestion) => void;
  /** Enter with the list closed. */
  readonly onEnter?: () => void;
  readonly placeholder?: string;
  readonly ariaLabel: string;
  readonly testId?: string;
  readonly className?: string;
  /** Receives the input element (to focus it from outside). */
  readonly inputRef?: (element: HTMLInputElement | null) => void;
}

export function AutocompleteInput(props: AutocompleteInputProps): React.JSX.Element {
  const input = useRef<HTMLInputElement | null>(null);
  const [open, setOpen] = useState(false);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const pendingCaret = useRef<number | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const answer = useMemo(() => (open ? props.suggest(props.value, caret) : null), [open, props.value, caret, props.suggest]);
  const items = answer?.items ?? [];
  const shown = open && items.length > 0;

  useLayoutEffect(() => {
    if (pendingCaret.current === null || input.current === null) return;
    input.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active, shown]);

  const accept = (item: Suggestion): void => {
    if (answer === null) return;
    const next = props.value.slice(0, answer.from) + item.value + props.value.slice(answer.to);
    const at = answer.from + item.value.length;
    pendingCaret.current = at;
    setCaret(at);
    setActive(0);
    setOpen(item.partial);
    props.onChange(next);
    props.onAccept?.(item);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === ' ' && event.ctrlKey) {
      event.preventDefault();
      setOpen(true);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!shown) return setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + items.length) % items.length);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && shown && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      accept(items[Math.min(active, items.length - 1)]!);
    } else if (event.key === 'Escape' && shown) {
      event.preventDefault();
      setOpen(false);
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      props.onEnter?.();
    }
  };

  return (
    <div className={`ac ${props.className ?? ''}`}>
      <input
        ref={(element) => {
          input.current = element;
          props.inputRef?.(element);
        }}
        value={props.value}
        placeholder={props.placeholder}
        aria-label={props.ariaLabel}
        aria-autocomplete="list"
        aria-expanded={shown}
        data-testid={props.testId}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => {
          setCaret(e.target.selectionStart ?? e.target.value.length);
          setActive(0);
          setOpen(true);
          props.onChange(e.target.value);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      {shown && (
        <ul className="ac-list" role="listbox" ref={list} data-testid="suggestions">
          {items.map((item, i) => (
            <li
              key={item.value}
              role="option"
              aria-selected={i === active}
              data-testid="suggestion"
              data-value={item.value}
              onMouseDown={(e) => {
                e.preventDefault(); // keep the focus in the input
                accept(item);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <code>{item.value}</code>
              <span className="muted">{item.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
