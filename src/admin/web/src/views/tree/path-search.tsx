import { useQuery } from '@tanstack/react-query';
import { Search } from 'lucide-react';
import { useEffect, useState } from 'react';
import { adminApi } from '../../api/admin-api';

/** Find nodes by a part of their path; a full path and Enter goes straight to it. */
export function PathSearch({ onPick }: { onPick: (path: string) => void }) {
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useQuery({
    queryKey: ['search', debounced],
    queryFn: () => adminApi.search(debounced),
    enabled: debounced.length >= 2,
  });
  const pick = (path: string) => {
    onPick(path);
    setText('');
    setDebounced('');
  };
  const open = debounced.length >= 2 && text.trim() !== '';
  return (
    <div className="search">
      <Search size={15} className="search-icon" />
      <input
        type="search"
        placeholder="Search paths…"
        aria-label="Search paths"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && text.startsWith('/')) pick(text.trim());
          if (e.key === 'Escape') setText('');
        }}
      />
      {open && found.data && (
        <ul className="search-results" data-testid="search-results">
          {found.data.paths.length === 0 && (
            <li className="muted">No path contains “{debounced}”</li>
          )}
          {found.data.paths.map((p) => (
            <li key={p}>
              <button type="button" onClick={() => pick(p)}>
                {p}
              </button>
            </li>
          ))}
          {found.data.truncated && <li className="muted">More match: refine the search</li>}
        </ul>
      )}
    </div>
  );
}
