/** A unified diff, each line colored by what it does. */
export function DiffView({ diff }: { diff: string }) {
  const lines = diff.split('\n');
  return (
    <pre className="code-block diff" data-testid="config-diff">
      {lines.map((line, i) => {
        const kind =
          line.startsWith('+++') || line.startsWith('---')
            ? 'file'
            : line.startsWith('@@')
              ? 'hunk'
              : line.startsWith('+')
                ? 'add'
                : line.startsWith('-')
                  ? 'del'
                  : 'ctx';
        return (
          <div key={i} className={`diff-line ${kind}`}>
            {line || ' '}
          </div>
        );
      })}
    </pre>
  );
}
