import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { Route, Routes } from 'react-router';
import { adminApi } from './api/admin-api';
import { onUnauthorized } from './api/http';
import { Loading } from './components/loading';
import { Shell } from './layout/shell';
import { LiveProvider } from './live/live-context';
import { LoginPage } from './views/login/login-page';

// Each view is its own chunk: the charts, for one, load only with the overview.
const OverviewPage = lazy(() =>
  import('./views/overview/overview-page').then((m) => ({ default: m.OverviewPage })),
);
const TreePage = lazy(() =>
  import('./views/tree/tree-page').then((m) => ({ default: m.TreePage })),
);
const SessionsPage = lazy(() =>
  import('./views/sessions/sessions-page').then((m) => ({ default: m.SessionsPage })),
);
const ServicesPage = lazy(() =>
  import('./views/services/services-page').then((m) => ({ default: m.ServicesPage })),
);
const MeshPage = lazy(() =>
  import('./views/mesh/mesh-page').then((m) => ({ default: m.MeshPage })),
);
const ReplicasPage = lazy(() =>
  import('./views/replicas/replicas-page').then((m) => ({ default: m.ReplicasPage })),
);
const ConfigPage = lazy(() =>
  import('./views/config/config-page').then((m) => ({ default: m.ConfigPage })),
);
const CoordinationPage = lazy(() =>
  import('./views/coordination/coordination-page').then((m) => ({ default: m.CoordinationPage })),
);
const EventsPage = lazy(() =>
  import('./views/events/events-page').then((m) => ({ default: m.EventsPage })),
);
const AuditPage = lazy(() =>
  import('./views/audit/audit-page').then((m) => ({ default: m.AuditPage })),
);

/** The login gate, then the views; a lost login (401 anywhere) brings the login page back. */
export function App() {
  const client = useQueryClient();
  const me = useQuery({
    queryKey: ['me'],
    queryFn: adminApi.me,
    retry: false,
    staleTime: Infinity,
  });

  useEffect(
    () =>
      onUnauthorized(() => {
        client.setQueryData(['me'], null);
      }),
    [client],
  );

  if (me.isPending) return <Loading />;
  if (!me.data) {
    return <LoginPage onLoggedIn={(login) => client.setQueryData(['me'], login)} />;
  }
  const { user, superUser } = me.data;

  const logout = () => {
    void adminApi.logout().finally(() => {
      // Nothing seen while logged in stays cached; the login query itself is observed.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      client.setQueryData(['me'], null);
    });
  };

  return (
    <LiveProvider onRefused={() => client.setQueryData(['me'], null)}>
      <Shell user={user} superUser={superUser} onLogout={logout}>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<OverviewPage />} />
            <Route path="/tree" element={<TreePage />} />
            <Route path="/sessions" element={<SessionsPage />} />
            <Route path="/services" element={<ServicesPage />} />
            <Route path="/mesh" element={<MeshPage />} />
            <Route path="/replicas" element={<ReplicasPage />} />
            <Route path="/config" element={<ConfigPage />} />
            <Route path="/coordination" element={<CoordinationPage />} />
            <Route path="/events" element={<EventsPage />} />
            <Route path="/audit" element={<AuditPage />} />
            <Route path="*" element={<OverviewPage />} />
          </Routes>
        </Suspense>
      </Shell>
    </LiveProvider>
  );
}
