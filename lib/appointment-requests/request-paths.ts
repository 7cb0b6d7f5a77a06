/** Addresses of the request's pages, and limits shared by the pages and their actions. */
import type { RequestStep } from './request-flow';

/** The first page is the flow's own address; "Change" links carry `change=1` back to "Check your answers". */
export function stepPath(step: RequestStep, changing = false): string {
  const path = step === 'reason' ? '/appointments/request' : `/appointments/request/${step}`;
  return changing ? `${path}?change=1` : path;
}

/** An answer to an officer's question: as long as the explanation may be. */
export const ANSWER_MAX = 1_000;
