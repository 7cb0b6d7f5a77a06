import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { createTestUser } from '@/lib/auth/testing/accounts';
import { fixedClock } from '@/lib/clock';
import { accountContact } from './case-contacts';

describe('notices to an account that chose texts', () => {
  it('go by text within the text limits and by email past them, so no notice is lost', async () => {
    const clock = fixedClock('2026-05-04T15:00:00Z');
    const user = await createTestUser(getDb(), clock, { phone: '+16025550181' });
    const texter = { ...user, notificationChannel: 'sms' as const };
    const channels = [];
    for (let i = 0; i < 6; i++) channels.push((await accountContact(getDb(), clock, texter)).channel);
    expect(channels).toEqual(['sms', 'sms', 'sms', 'sms', 'sms', 'email']);
    expect(await accountContact(getDb(), clock, texter)).toEqual({ channel: 'email', recipient: user.email, language: user.preferredLanguage });
  });
});
