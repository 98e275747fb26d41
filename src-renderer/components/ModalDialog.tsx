/**
 * A modal built on the native `<dialog>` (focus trapped, Esc handled by the browser): open while
 * mounted. `onCancel` runs on Esc; the caller decides whether Esc may close it.
 */
import { useEffect, useRef } from 'react';

export function ModalDialog({ title, testId, onCancel, children, wide = false }: { title: string; testId: string; onCancel: () => void; children: React.ReactNode; wide?: boolean }): React.JSX.Element {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'modal wide' : 'modal'}
      data-testid={testId}
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2>{title}</h2>
      {children}
    </dialog>
  );
}
