import type { ReactNode } from 'react';

/** A form control under its label; the label names the control for screen readers too. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field">
      <span>{label}</span>
      {children}
    </label>
  );
}
