import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorBanner } from './error-banner';
import { Modal } from './modal';

/**
 * Asks before one change: Cancel, or the confirm button, which runs `action` and then `onDone`;
 * a refusal shows above the question and leaves the dialog open.
 */
export function ConfirmDialog({
  title,
  testId,
  confirmLabel,
  tone = 'danger',
  blocked = false,
  action,
  onDone,
  onClose,
  children,
}: {
  title: string;
  testId: string;
  confirmLabel: ReactNode;
  /** `danger` for what cannot be undone. */
  tone?: 'danger' | 'primary';
  /** The question wants an answer (a checkbox, say) before it can be confirmed. */
  blocked?: boolean;
  action: () => Promise<unknown>;
  onDone: () => Promise<void> | void;
  onClose: () => void;
  children: ReactNode;
}) {
  const run = useMutation({ mutationFn: action, onSuccess: onDone });
  return (
    <Modal
      title={title}
      onClose={onClose}
      testId={testId}
      footer={
        <>
          <button type="button" className="button ghost" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className={`button ${tone}`}
            disabled={run.isPending || blocked}
            onClick={() => run.mutate()}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      {run.isError && <ErrorBanner error={run.error} />}
      {children}
    </Modal>
  );
}
