import type { ReactNode } from 'react';
import './globals.css';

/**
 * The real document (<html lang>) is rendered by app/[locale]/layout.tsx, which knows the language.
 * This root layout exists so that app/not-found.tsx can answer paths outside the locale segment.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
