import { PageNotFound } from '@/components/layout/page-not-found';

/** A 404 among the portal's pages (an unknown address, a case the person may not see), inside the portal's shell. */
export default function PortalNotFound() {
  return <PageNotFound />;
}
