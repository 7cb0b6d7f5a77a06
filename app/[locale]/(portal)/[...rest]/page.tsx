import { notFound } from 'next/navigation';

/** Any path inside a locale that no page answers: the localised 404 (app/[locale]/not-found.tsx). */
export default function UnknownPage() {
  notFound();
}
