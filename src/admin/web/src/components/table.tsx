import type { ReactNode } from 'react';

/** A table under one header row of `columns`; `children` are its rows. */
export function Table({
  columns,
  testId,
  children,
}: {
  /** '' for a column without a heading (a row's buttons, say). */
  columns: readonly string[];
  testId?: string;
  children: ReactNode;
}) {
  return (
    <table className="table" data-testid={testId}>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i}>{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
