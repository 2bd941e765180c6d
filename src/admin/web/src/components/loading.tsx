import { LoaderCircle } from 'lucide-react';

export function Loading() {
  return (
    <div className="loading">
      <LoaderCircle size={18} className="spin" />
      Loading…
    </div>
  );
}
