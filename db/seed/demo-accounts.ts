/**
 * The demo's accounts. They all share one password so a demo can switch between roles quickly; the
 * store they live in is a demo store, never production.
 */
import type { Language, Role } from '@/db/columns';

/** At least 12 characters and not on the common-password list, like any password the portal accepts. */
export const DEMO_PASSWORD = 'Portal-demo-2026';

export type DemoAccountKey =
  | 'ana'
  | 'lucia'
  | 'rita'
  | 'omar'
  | 'sam'
  | 'miguel'
  | 'mei'
  | 'oluwaseun'
  | 'thanh';

export interface DemoAccount {
  key: DemoAccountKey;
  email: string;
  role: Role;
  givenName: string;
  familyName: string;
  preferredLanguage: Language;
  /** E.164, from the 555-01xx range reserved for fiction. */
  phone: string | null;
  representative?: {
    kind: 'attorney' | 'accredited_representative';
    barNumber: string | null;
    licensingState: string | null;
    accreditationNumber: string | null;
    organisation: string;
    sector: 'private' | 'nonprofit';
  };
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { key: 'ana', email: 'ana.applicant@example.com', role: 'applicant', givenName: 'Ana', familyName: 'Alvarez', preferredLanguage: 'en', phone: '+16025550143' },
  { key: 'lucia', email: 'lucia.solicitante@example.com', role: 'applicant', givenName: 'Lucía', familyName: 'Rojas Méndez', preferredLanguage: 'es', phone: '+13055550177' },
  {
    key: 'rita',
    email: 'rita.representative@example.com',
    role: 'representative',
    givenName: 'Rita',
    familyName: 'Okafor',
    preferredLanguage: 'en',
    phone: '+16025550188',
    representative: {
      kind: 'attorney',
      barNumber: '031457',
      licensingState: 'AZ',
      accreditationNumber: null,
      organisation: 'Community Immigration Legal Services',
      sector: 'nonprofit',
    },
  },
  { key: 'omar', email: 'omar.officer@example.com', role: 'officer', givenName: 'Omar', familyName: 'Haddad', preferredLanguage: 'en', phone: null },
  { key: 'sam', email: 'sam.supervisor@example.com', role: 'supervisor', givenName: 'Sam', familyName: 'Whitfield', preferredLanguage: 'en', phone: null },
  // Rita's clients who also follow their own cases.
  { key: 'miguel', email: 'miguel.hernandez@example.com', role: 'applicant', givenName: 'Miguel', familyName: 'Hernández', preferredLanguage: 'en', phone: '+17135550121' },
  { key: 'mei', email: 'mei.chen@example.com', role: 'applicant', givenName: 'Mei', familyName: 'Chen', preferredLanguage: 'en', phone: '+14155550162' },
  { key: 'oluwaseun', email: 'oluwaseun.adeyemi@example.com', role: 'applicant', givenName: 'Oluwaseun', familyName: 'Adeyemi', preferredLanguage: 'en', phone: '+17705550109' },
  { key: 'thanh', email: 'thanh.nguyen@example.com', role: 'applicant', givenName: 'Thanh', familyName: 'Nguyen', preferredLanguage: 'en', phone: '+12065550134' },
];
