import { describe, expect, it } from 'vitest';
import { seal } from '@/lib/crypto/secrets';
import { openSetupState, SETUP_STATE_TTL_MS } from './second-factor-setup-state';

const now = new Date('2026-05-04T15:00:00Z');
const sealed = (value: unknown, purpose = 'second-factor-setup') => seal(JSON.stringify(value), purpose);
const totp = { method: 'totp', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' } as const;

describe('the pending second-step set-up kept in the browser', () => {
  it('opens for the account it was made for, until it expires', () => {
    const value = sealed({ userId: 7, setup: totp, expiresAt: now.getTime() + SETUP_STATE_TTL_MS });
    expect(openSetupState(value, 7, now)).toEqual(totp);
    expect(openSetupState(value, 8, now)).toBeNull();
    expect(openSetupState(value, 7, new Date(now.getTime() + SETUP_STATE_TTL_MS))).toBeNull();
  });

  it('is sealed: the secret is not readable in the cookie, and a changed or foreign value opens to nothing', () => {
    const value = sealed({ userId: 7, setup: totp, expiresAt: now.getTime() + SETUP_STATE_TTL_MS });
    expect(value).not.toContain(totp.secret);
    expect(Buffer.from(value.split('.')[3], 'base64url').toString()).not.toContain(totp.secret);
    const tampered = value.slice(0, -2) + (value.endsWith('AA') ? 'BB' : 'AA');
    expect(openSetupState(tampered, 7, now)).toBeNull();
    expect(openSetupState(sealed({ userId: 7, setup: totp, expiresAt: now.getTime() + 1000 }, 'another-purpose'), 7, now)).toBeNull();
    expect(openSetupState('not a sealed value', 7, now)).toBeNull();
  });
});
