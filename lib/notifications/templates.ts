/**
 * Every message the portal sends, by name, with the payload it needs. Rendering (subject and body in
 * the recipient's language) lives beside each template.
 */
import type { MailingAddress } from '@/db/columns';

export interface TemplatePayloads {
  /** The Account Access Notice: the case's online access code (sealed secret `code`). */
  'account-access-notice': {
    receiptNumber: string;
    formType: string;
    applicantName: string;
    audience: 'applicant' | 'representative';
    expiresOn: string; // YYYY-MM-DD
    mailingAddress?: MailingAddress;
  };
}

export type TemplateName = keyof TemplatePayloads;
