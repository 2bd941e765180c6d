import { X } from 'lucide-react';
import { useEffect, useRef, type ReactNode } from 'react';

/** A modal dialog on the browser's own <dialog>: focus, Escape and the backdrop come with it. */
export function Modal({
  title,
  onClose,
  footer,
  testId,
  children,
}: {
  title: string;
  onClose: () => void;
  footer?: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="modal" onClose={onClose} data-testid={testId}>
      <div className="modal-header">
        <h3>{title}</h3>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          <X size={18} />
        </button>
      </div>
      <div className="modal-body">{children}</div>
      {footer && <div className="modal-footer">{footer}</div>}
    </dialog>
  );
}
