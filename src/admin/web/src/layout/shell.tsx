import { LogOut, ShieldAlert, User } from 'lucide-react';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useFeedStatus } from '../live/live-context';
import { Logo } from './logo';
import { NAV_ITEMS } from './nav-items';

const STATUS_TEXT = { live: 'Live', connecting: 'Connecting…', offline: 'Offline' } as const;

/** The frame of every page: the sidebar with the views, and the bar with the login. */
export function Shell({
  user,
  superUser,
  onLogout,
  children,
}: {
  user: string;
  /** The dashboard acts as the super user: every ACL passes, and the bar says so. */
  superUser: boolean;
  onLogout: () => void;
  children: ReactNode;
}) {
  const status = useFeedStatus();
  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          <Logo />
          <div>
            <div className="brand-name">Zoonest</div>
            <div className="brand-sub">Admin console</div>
          </div>
        </div>
        <nav className="nav" aria-label="Views">
          {NAV_ITEMS.map(({ to, label, icon: Icon }) => (
            <NavLink
              key={to}
              to={to}
              end={to === '/'}
              className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}
            >
              <Icon size={18} />
              {label}
            </NavLink>
          ))}
        </nav>
        <div className="sidebar-footer">
          <span className={`live-dot ${status}`} data-testid="live-status" />
          {STATUS_TEXT[status]}
        </div>
      </aside>
      <div className="main">
        <div className="topbar">
          <div className="topbar-user">
            <User size={16} />
            <span data-testid="current-user">{user}</span>
            {superUser && (
              <span
                className="badge badge-amber"
                data-testid="super-user"
                title="ZOONEST_ADMIN_AS_SUPER_USER: this dashboard passes every ACL"
              >
                <ShieldAlert size={12} />
                acting as super user
              </span>
            )}
          </div>
          <button type="button" className="button ghost" onClick={onLogout}>
            <LogOut size={16} />
            Log out
          </button>
        </div>
        <main className="content">{children}</main>
      </div>
    </div>
  );
}
