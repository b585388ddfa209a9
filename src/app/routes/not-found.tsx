import { Link } from 'react-router';
import { PageHeader } from '@/components/layout/page-header';
import { paths } from '@/config/paths';

export function Component() {
  return (
    <>
      <PageHeader title="Page not found" />
      <p>There is no page at this address.</p>
      <p>
        <Link to={paths.home()}>Go to your applications</Link>
      </p>
    </>
  );
}
