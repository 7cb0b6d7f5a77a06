'use client';

import { Button } from '@/components/ui/button';
import { useScripted } from './use-scripted';

/** Opens the browser's print dialog. Only with JavaScript: without it, the browser's own Print menu does the same. */
export function BackupCodesPrintButton({ label }: { label: string }) {
  const scripted = useScripted();
  if (!scripted) return null;
  return (
    <Button type="button" variant="secondary" className="no-print mt-6" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
