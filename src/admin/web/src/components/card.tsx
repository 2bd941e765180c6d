import type { ReactNode } from 'react';

export function Card({
  title,
  icon,
  actions,
  flush = false,
  testId,
  children,
}: {
  title?: ReactNode;
  icon?: ReactNode;
  actions?: ReactNode;
  /** No inner padding: for tables and lists that reach the card's edges. */
  flush?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section className="card" data-testid={testId}>
      {(title ?? actions) && (
        <div className="card-header">
          <h2 className="card-title">
            {icon}
            {title}
          </h2>
          {actions && <div className="card-actions">{actions}</div>}
        </div>
      )}
      <div className={flush ? 'card-body flush' : 'card-body'}>{children}</div>
    </section>
  );
}
