export function PathList({ title, paths }: { title: string; paths: string[] }) {
  return (
    <div>
      <div className="list-title">{title}</div>
      {paths.length === 0 ? (
        <div className="muted small">none</div>
      ) : (
        <ul className="path-list">
          {paths.map((p) => (
            <li key={p} className="mono">
              {p}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
