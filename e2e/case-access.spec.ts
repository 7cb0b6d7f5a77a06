/**
 * Who may see a case (spec §1, §4): every case address, opened by the applicant linked to it, the
 * representative linked to it, another applicant, another representative, an officer, a supervisor
 * and a signed-out visitor, in English and Spanish. Only the two linked accounts see it; everyone
 * else signed in gets exactly the page a receipt number that does not exist gets.
 * Then the applicant ends the representative's access, and the representative loses the case.
 */
import type { APIRequestContext, Browser } from '@playwright/test';
import type { Role } from '@/db/columns';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { createFreshAccount, type FreshAccount } from './support/accounts';
import { addRepresentativeProfile, freshCase, linkDirectly } from './support/cases';
import { latestMessageTo } from './support/outbox';
import { signInAndLand as signIn } from './support/sign-in';

async function signedInRequest(browser: Browser, baseURL: string | undefined, account: FreshAccount, playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, account.email, account.password);
  const storageState = await context.storageState();
  await context.close();
  return playwright.request.newContext({ baseURL, storageState });
}

const heading = (html: string) => /<h1[^>]*>(.*?)<\/h1>/s.exec(html)?.[1];

test('a case is seen only by the accounts linked to it; to everyone else it does not exist', async ({ browser, playwright, baseURL }) => {
  const { theCase } = await freshCase();
  const applicant = await createFreshAccount();
  const representative = await createFreshAccount({ role: 'representative' });
  await linkDirectly(theCase, applicant.user, 'applicant');
  const repLink = await linkDirectly(theCase, representative.user, 'representative');
  const others: [string, Role][] = [
    ['another applicant', 'applicant'],
    ['another representative', 'representative'],
    ['an officer', 'officer'],
    ['a supervisor', 'supervisor'],
  ];

  const casePaths = [`/cases/${theCase.receiptNumber}`, `/cases/${theCase.receiptNumber.toLowerCase()}`, `/cases/${theCase.receiptNumber}/people/${repLink}/end`];
  const missing = `/cases/${theCase.receiptNumber.slice(0, 3)}0000000009`;
  const allowed: Record<string, string[]> = {
    applicant: casePaths,
    representative: casePaths.slice(0, 2), // only the applicant may end a representative's access
  };

  const anonymous = await playwright.request.newContext({ baseURL });
  for (const prefix of ['', '/es']) {
    for (const path of casePaths) {
      const response = await anonymous.get(prefix + path, { maxRedirects: 0 });
      expect([303, 307], `signed out → ${prefix + path}`).toContain(response.status());
      expect(new URL(response.headers().location!, 'http://portal.test').pathname).toBe(`${prefix}/sign-in`);
    }
  }
  await anonymous.dispose();

  const accounts: [string, FreshAccount][] = [
    ['applicant', applicant],
    ['representative', representative],
    ...(await Promise.all(others.map(async ([who, role]) => [who, await createFreshAccount({ role })] as [string, FreshAccount]))),
  ];
  for (const [who, account] of accounts) {
    const request = await signedInRequest(browser, baseURL, account, playwright);
    const notFound = await request.get(missing, { maxRedirects: 0 });
    expect(notFound.status(), `${who} → ${missing}`).toBe(404);
    const notFoundHtml = await notFound.text();
    for (const prefix of ['', '/es']) {
      for (const path of casePaths) {
        const response = await request.get(prefix + path, { maxRedirects: 0 });
        const html = await response.text();
        if (allowed[who]?.includes(path)) {
          expect(response.status(), `${who} → ${prefix + path}`).toBe(200);
          expect(heading(html)).not.toBe(heading(notFoundHtml));
        } else {
          expect(response.status(), `${who} → ${prefix + path}`).toBe(404);
          expect(html, `${who} → ${prefix + path} leaks nothing`).not.toContain(theCase.applicantFamilyName);
          if (!prefix) expect(heading(html)).toBe(heading(notFoundHtml));
        }
      }
    }
    await request.dispose();
  }
});

test('the applicant sees who has access, ends the representative’s access, and both are told', async ({ page, browser }) => {
  const { theCase } = await freshCase({ formType: 'N-400', classification: null });
  const applicant = await createFreshAccount({ givenName: 'Amara', familyName: 'Diallo' });
  const representative = await createFreshAccount({ role: 'representative', givenName: 'Tomas', familyName: 'Lindgren' });
  await addRepresentativeProfile(representative.user, 'Northside Legal Clinic');
  await linkDirectly(theCase, applicant.user, 'applicant');
  await linkDirectly(theCase, representative.user, 'representative');

  await signIn(page, applicant.email, applicant.password);
  await page.getByRole('link', { name: theCase.receiptNumber }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Form N-400' })).toBeVisible();
  const people = page.getByRole('table', { name: 'Accounts linked to this case' });
  await expect(people.getByRole('row', { name: /Amara Diallo \(you\)/ })).toContainText('Applicant');
  await expect(people.getByRole('row', { name: /Tomas Lindgren/ })).toContainText('Northside Legal Clinic');
  await expectNoAxeViolations(page);

  await people.getByRole('link', { name: 'End access of Tomas Lindgren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'End Tomas Lindgren’s access to this case?' })).toBeVisible();
  await expectNoAxeViolations(page);
  const ended = new Date();
  await page.getByRole('button', { name: 'End access' }).click();
  await expect(page.getByRole('heading', { name: 'Access ended' })).toBeVisible();
  await expect(page.getByText('Tomas Lindgren can no longer see or act on this case online.')).toBeVisible();
  await expect(people.getByRole('row', { name: /Tomas Lindgren/ })).toHaveCount(0);
  const activity = page.getByRole('table', { name: 'Actions taken on this case' });
  await expect(activity.getByRole('row', { name: /Amara Diallo/ }).first()).toContainText('Ended the online access of Tomas Lindgren');
  await expectNoAxeViolations(page);

  const toRepresentative = await latestMessageTo(page, representative.email, { template: 'representative-access-ended', after: ended });
  expect(toRepresentative.text).toContain(`The applicant ended your online access to their Form N-400 case, receipt number ${theCase.receiptNumber}`);
  const toApplicant = await latestMessageTo(page, applicant.email, { template: 'representative-access-ended', after: ended });
  expect(toApplicant.text).toContain('You ended the online access of Tomas Lindgren');

  // The representative no longer has the case.
  const context = await browser.newContext();
  const repPage = await context.newPage();
  await signIn(repPage, representative.email, representative.password);
  await expect(repPage.getByRole('link', { name: theCase.receiptNumber })).toHaveCount(0);
  const response = await repPage.goto(`/cases/${theCase.receiptNumber}`);
  expect(response?.status()).toBe(404);
  await context.close();
});

test('in Spanish: the case page, its history in the agency’s wording and the people with access', async ({ page }) => {
  const { theCase } = await freshCase();
  const applicant = await createFreshAccount({ language: 'es' });
  await linkDirectly(theCase, applicant.user, 'applicant');
  await signIn(page, applicant.email, applicant.password, { language: 'es' });
  await page.getByRole('link', { name: theCase.receiptNumber }).click();
  await expect(page).toHaveURL(new RegExp(`/es/cases/${theCase.receiptNumber}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Formulario I-765' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Historial del caso' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Caso Fue Recibido' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Personas con acceso' })).toBeVisible();
  await expectNoAxeViolations(page);
});
