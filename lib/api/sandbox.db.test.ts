import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, getSandboxDb } from '@/db/client';
import { prepareTestSandboxStore } from '@/db/test-store';
import { cases, users } from '@/db/schema';
import { addTestCase, addTestRepresentative, linkTestCase } from '@/lib/cases/testing/case-fixtures';
import { fixedClock } from '@/lib/clock';
import { createAppointmentRequestOperation, readAppointmentRequestOperation } from './appointment-requests-api';
import { batchLinkOperation } from './batch-link';
import { ascSlotsOperation, biometricsOperation, rescheduleOperation } from './biometrics-api';
import { createCallbackOperation, readCallbackOperation } from './callbacks-api';
import { listCasesOperation } from './case-list';
import { caseProgressOperation } from './case-progress-resource';
import { readCaseOperation } from './case-resource';
import { resetSandboxOperation, sandboxScenariosOperation } from './sandbox-operations';
import type { SandboxScenarios } from './sandbox';
import { apiTestClient } from './testing/api-fixtures';

process.env.APP_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';

const db = () => getDb();
const clock = fixedClock('2026-11-30T15:00:00Z');

beforeAll(prepareTestSandboxStore);

const linkItems = (scenarios: SandboxScenarios) =>
  scenarios.scenarios.filter((s) => s.accessCode).map((s) => ({ receiptNumber: s.receiptNumber, accessCode: s.accessCode! }));

describe('the API sandbox', () => {
  it('gives each sandbox client its own data set whose documented receipt numbers produce each scenario, and resets it', async () => {
    const rita = await addTestRepresentative(db(), clock);
    const api = await apiTestClient(db(), clock, rita, 'sandbox');
    const scenarios: SandboxScenarios = await (await api.send(sandboxScenariosOperation, { path: '/sandbox/scenarios' })).json();
    expect(scenarios.sandboxNumber).toMatch(/^\d{6}$/);
    expect(scenarios.scenarios.every((s) => s.receiptNumber === `IOE9${scenarios.sandboxNumber}${s.receiptNumber.slice(-3)}`)).toBe(true);

    // Linking: each scenario's code gives the documented result.
    const linking = await (await api.send(batchLinkOperation, { path: '/case-links', json: { items: linkItems(scenarios) } })).json();
    const expected = scenarios.scenarios.filter((s) => s.accessCode).map((s) => s.linkResult);
    expect(linking.results.map((r: { code: string }) => r.code)).toEqual(expected);
    expect(expected).toEqual(['linked', 'linked', 'code-expired', 'code-used', 'code-replaced', 'already-linked', 'invalid-code']);
    expect(linking.results[1].usedApplicantCode).toBe(true);

    // Reading: every status of the catalogue, as documented.
    const readable = scenarios.scenarios.filter((s) => s.latestStatus);
    for (const scenario of readable) {
      const read = await (await api.send(readCaseOperation, { params: { receipt: scenario.receiptNumber } })).json();
      expect(read.latestStatus.code, scenario.scenario).toBe(scenario.latestStatus);
      expect(read.state, scenario.scenario).toBe(scenario.state);
    }
    const progress = await api.send(caseProgressOperation, { params: { receipt: scenarios.scenarios.find((s) => s.state === 'pending' && s.latestStatus)!.receiptNumber } });
    expect(progress.status).toBe(200);
    const listed = await (await api.send(listCasesOperation, { path: '/cases?limit=100' })).json();
    // + already linked, the two just linked, and the three biometrics cases
    expect(listed.cases).toHaveLength(scenarios.scenarios.filter((s) => s.latestStatus).length + 6);

    // Biometrics: each scenario's appointment says whether it may be rescheduled; 301 moves to an open time at PHX.
    for (const scenario of scenarios.scenarios.filter((s) => s.canReschedule !== undefined)) {
      const biometrics = await (await api.send(biometricsOperation, { params: { receipt: scenario.receiptNumber } })).json();
      expect(biometrics.canReschedule, scenario.scenario).toBe(scenario.canReschedule);
    }
    const week = await (await api.send(ascSlotsOperation, { path: '/ascs/PHX/slots?week=1', params: { code: 'PHX' } })).json();
    const open = week.days.flatMap((d: { slots: { id: number }[] }) => d.slots)[0];
    const reschedulable = scenarios.scenarios.find((s) => s.scenario === 'biometrics-reschedulable')!.receiptNumber;
    const moved = await api.send(rescheduleOperation, { path: '/x', json: { slotId: open.id, goodCause: 'planned_travel' }, params: { receipt: reschedulable } });
    expect(await moved.json()).toMatchObject({ appointment: { rescheduleCount: 1, centre: { code: 'PHX' } } });

    // An appointment request about a sandbox case, at one of the agency's offices; the reset removes it.
    const asked = await api.send(createAppointmentRequestOperation, {
      path: '/appointment-requests',
      json: { receiptNumber: readable[0].receiptNumber, reason: 'adit_stamp', fieldOfficeCode: 'PHO', preferredDates: [{ date: '2026-12-02', period: 'morning' }], contactPreference: 'email' },
    });
    expect(asked.status).toBe(201);
    const { reference } = await asked.json();
    const rang = await api.send(createCallbackOperation, { path: '/callbacks', json: { receiptNumber: readable[0].receiptNumber, topic: 'case_status', urgency: 'regular', phone: '6025550143', language: 'en' } });
    expect(rang.status).toBe(201);
    const { serviceRequestNumber } = await rang.json();

    // The reset puts the data set back: the linkable cases link again.
    const reset = await api.send(resetSandboxOperation, { path: '/sandbox/reset', json: {} });
    expect(reset.status).toBe(200);
    expect((await api.send(readAppointmentRequestOperation, { params: { reference } })).status).toBe(404);
    expect((await api.send(readCallbackOperation, { params: { number: serviceRequestNumber } })).status).toBe(404);
    expect(await (await api.send(biometricsOperation, { params: { receipt: reschedulable } })).json()).toMatchObject({ appointment: { rescheduleCount: 0 } });
    const again = await (await api.send(batchLinkOperation, { path: '/case-links', json: { items: linkItems(scenarios) } })).json();
    expect(again.results.map((r: { code: string }) => r.code)).toEqual(expected);
  });

  it('keeps sandbox and real cases apart, and one vendor’s sandbox from another’s', async () => {
    const rita = await addTestRepresentative(db(), clock);
    const realCase = await addTestCase(db(), clock);
    await linkTestCase(db(), clock, realCase, rita, 'representative');
    const sandbox = await apiTestClient(db(), clock, rita, 'sandbox');
    const production = await apiTestClient(db(), clock, rita, 'production');
    const otherVendor = await apiTestClient(db(), clock, await addTestRepresentative(db(), clock), 'sandbox');
    const scenarios: SandboxScenarios = await (await sandbox.send(sandboxScenariosOperation, { path: '/sandbox/scenarios' })).json();
    const sandboxReceipt = scenarios.scenarios.find((s) => s.latestStatus)!.receiptNumber;

    expect((await sandbox.send(readCaseOperation, { params: { receipt: realCase.receiptNumber } })).status).toBe(404);
    expect((await production.send(readCaseOperation, { params: { receipt: realCase.receiptNumber } })).status).toBe(200);
    expect((await production.send(readCaseOperation, { params: { receipt: sandboxReceipt } })).status).toBe(404);
    expect((await otherVendor.send(readCaseOperation, { params: { receipt: sandboxReceipt } })).status).toBe(404);
    const productionScenarios = await production.send(sandboxScenariosOperation, { path: '/sandbox/scenarios' });
    expect(productionScenarios.status).toBe(403);
    expect(await productionScenarios.json()).toMatchObject({ code: 'sandbox-only' });

    // No sandbox row in the portal's store, no real row in the sandbox's.
    const realReceipts = (await db().select({ receipt: cases.receiptNumber }).from(cases)).map((c) => c.receipt);
    expect(realReceipts.some((r) => r.startsWith('IOE9'))).toBe(false);
    const sandboxReceipts = (await getSandboxDb().select({ receipt: cases.receiptNumber }).from(cases)).map((c) => c.receipt);
    expect(sandboxReceipts).not.toContain(realCase.receiptNumber);
  });

  it('makes one stand-in and one data set when a new client’s first requests arrive together', async () => {
    const api = await apiTestClient(db(), clock, await addTestRepresentative(db(), clock), 'sandbox');
    const answers = await Promise.all(Array.from({ length: 5 }, () => api.send(listCasesOperation, { path: '/cases?limit=100' })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const counts = await Promise.all(answers.map(async (a) => (await a.json()).cases.length));
    expect(new Set(counts).size).toBe(1);
    const standIns = (await getSandboxDb().select({ email: users.email }).from(users)).filter((u) => u.email.endsWith('@sandbox.invalid'));
    expect(new Set(standIns.map((u) => u.email)).size).toBe(standIns.length);
  });
});
