import { CircleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import { ApiError } from '../api/http';

/** An error as a person should read it: ZooKeeper's code name first, then what happened. */
export function ErrorBanner({ error, children }: { error: unknown; children?: ReactNode }) {
  const code = error instanceof ApiError ? error.code : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="banner banner-error" role="alert" data-testid="error-banner">
      <CircleAlert size={18} />
      <div className="banner-text">
        <strong>{code}</strong> {message.replace(new RegExp(`^${code}: ?`), '')}
        {children && <div className="banner-extra">{children}</div>}
      </div>
    </div>
  );
}
