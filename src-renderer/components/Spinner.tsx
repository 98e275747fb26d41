/** Shown for anything that takes time; `label` says what. */
export function Spinner({ label }: { label?: string }): React.JSX.Element {
  return (
    <span className="spinner" role="status" aria-live="polite">
      <span className="spinner-dot" aria-hidden="true" />
      {label !== undefined && <span>{label}</span>}
    </span>
  );
}
