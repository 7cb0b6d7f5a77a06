/**
 * GET /api/v1/sandbox/scenarios and POST /api/v1/sandbox/reset: for sandbox credentials only, the
 * client's own data set (lib/api/sandbox.ts) and the way back to its start.
 */
import { jsonResponse, type ApiCall, type Operation } from './endpoint';
import { problemResponse } from './problem';
import { resetSandbox, sandboxScenarios } from './sandbox';
import { evidenceStorage } from './uploads/storage';

const sandboxOnly = ({ caller }: ApiCall) =>
  caller.client.environment === 'sandbox'
    ? null
    : problemResponse({ status: 403, code: 'sandbox-only', title: 'For sandbox credentials only', detail: 'This operation works with sandbox credentials; production credentials work on real cases.' });

export const sandboxScenariosOperation: Operation<object> = {
  id: 'listSandboxScenarios',
  async handle(call) {
    return sandboxOnly(call) ?? jsonResponse(sandboxScenarios(call.caller.client));
  },
};

export const resetSandboxOperation: Operation<object> = {
  id: 'resetSandbox',
  async handle(call) {
    const refused = sandboxOnly(call);
    if (refused) return refused;
    const { removedFiles } = await resetSandbox(call.db, call.clock, call.caller.client, call.caller.user);
    for (const key of removedFiles) await evidenceStorage().remove(key);
    return jsonResponse(sandboxScenarios(call.caller.client));
  },
};
