import type { ReactNode } from 'react';

export function StatCard({
  label,
  value,
  icon,
  hint,
  testId,
}: {
  label: string;
  value: ReactNode;
  icon: ReactNode;
  hint?: ReactNode;
  testId?: string;
}) {
  return (
    <div className="card stat-card" data-testid={testId}>
      <div className="stat-icon">{icon}</div>
      <div>
        <div className="stat-label">{label}</div>
        <div className="stat-value">{value}</div>
        {hint && <div className="stat-hint">{hint}</div>}
      </div>
    </div>
  );
}
