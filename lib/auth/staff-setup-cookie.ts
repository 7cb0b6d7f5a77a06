/**
 * Between the set-up link's first form and the end of a staff account's set-up, the browser holds
 * a short-lived, httpOnly cookie: the set-up's pending session token, and at the end the backup codes
 * to show once. Sealed with the app key, so neither rests in clear in the browser; it grants nothing
 * by itself (the pending session is checked on every use and ends when the set-up does).
 */
import { sealedCookie } from './portal-cookies';
import { PENDING_TIMEOUT_MS } from './sessions';

export interface StaffSetupCookie {
  /** The pending session of the set-up, until the second step is proven. */
  pendingToken?: string;
  /** The new backup codes, from the moment the set-up finished until they were shown. */
  backupCodes?: string[];
  email?: string;
}

const cookie = sealedCookie<StaffSetupCookie>('portal-staff-setup', 'staff-setup-cookie', PENDING_TIMEOUT_MS);

export const saveStaffSetupCookie = (value: StaffSetupCookie) => cookie.save(value);
export const readStaffSetupCookie = async () => (await cookie.read()) as StaffSetupCookie | null;
export const clearStaffSetupCookie = () => cookie.clear();
