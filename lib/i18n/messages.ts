/**
 * The message catalogue: one JSON file per namespace and language under messages/<locale>/.
 * Add a namespace by creating both files and listing it here; a test fails when a key exists in
 * one language and not the other.
 */
import enMeta from '@/messages/en/meta.json';
import esMeta from '@/messages/es/meta.json';
import enShell from '@/messages/en/shell.json';
import esShell from '@/messages/es/shell.json';
import enHome from '@/messages/en/home.json';
import esHome from '@/messages/es/home.json';
import enErrors from '@/messages/en/errors.json';
import esErrors from '@/messages/es/errors.json';
import type { Locale } from './routing';

const en = {
  meta: enMeta,
  shell: enShell,
  home: enHome,
  errors: enErrors,
};

export type Messages = typeof en;

const catalogues: Record<Locale, Messages> = {
  en,
  es: {
    meta: esMeta,
    shell: esShell,
    home: esHome,
    errors: esErrors,
  },
};

export function loadMessages(locale: Locale): Messages {
  return catalogues[locale];
}
