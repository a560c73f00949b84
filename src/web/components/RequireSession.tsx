import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router-dom';
import { useSession } from '../api/session.js';
import { AppLayout } from './AppLayout.js';

/** Only same-site paths: a `next` parameter must never send someone to another site. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

/** Signed-in pages; anyone else goes to sign in and comes back here afterwards. */
export function RequireSession() {
  const { data } = useSession();
  const location = useLocation();
  if (!data?.user) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <AppLayout>
      <Outlet />
    </AppLayout>
  );
}

/** The sign-in page is for signed-out people; someone already signed in goes on. */
export function SignedOutOnly() {
  const { data } = useSession();
  const [params] = useSearchParams();
  if (data?.user) return <Navigate to={safeNext(params.get('next'))} replace />;
  return <Outlet />;
}
