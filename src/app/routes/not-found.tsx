import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { PageHeader } from '@/components/layout/page-header';
import { paths } from '@/config/paths';

/** An address no route knows: say so, and offer a way back. */
export function Component() {
  const { pathname } = useLocation();
  const params = useParams();
  const navigate = useNavigate();
  // The catch-all route has no :orgId; an address under /orgs/<id>/ still names one.
  const inOrg = /^\/orgs\/([^/]+)/.exec(pathname)?.[1];
  const orgId = params.orgId ?? (inOrg ? safeDecode(inOrg) : undefined);
  const home = orgId ? paths.apps(orgId) : paths.home();
  return (
    <>
      <PageHeader title="Page not found" />
      <p>
        There is no page at <code>{pathname}</code>.
      </p>
      <ul className="stack not-found__ways">
        <li>
          <Link to={home}>Go to your applications</Link>
        </li>
        {window.history.length > 1 && (
          <li>
            <button
              type="button"
              className="button"
              onClick={() => navigate(-1)}
            >
              Go back
            </button>
          </li>
        )}
        <li className="muted">
          Or press <kbd>Ctrl</kbd>+<kbd>K</kbd> to search for an app,
          environment or deployment.
        </li>
      </ul>
    </>
  );
}

function safeDecode(segment: string) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
