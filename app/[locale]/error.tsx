'use client';

import { useEffect, useRef } from 'react';
import { useParams } from 'next/navigation';
import { ServiceError } from '@/components/layout/service-error';

/** A page failed while rendering: the apology replaces it, and focus moves to it so it is announced. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return <ServiceError localeParam={useParams<{ locale?: string }>()?.locale} error={error} retry={retry} headingRef={heading} />;
}
