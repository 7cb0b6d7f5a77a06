/**
 * The commands of the quick start on /developers. Pasted into a shell while the demo runs, they
 * work: Rita's published demo credentials and the case of hers whose receipt number the demo seed
 * keeps fixed (db/seed/demo-api-client.ts). The developers journey reads them off the page and
 * makes the same requests.
 */
import { DEMO_API_CLIENT, DEMO_API_RECEIPT } from '@/db/seed/demo-api-client';
import { API_BASE_PATH, TOKEN_PATH } from '@/lib/api/openapi';

/** Where the demo answers: `npm start` and `npm run dev` both serve on port 3000. */
export const DEMO_ORIGIN = 'http://localhost:3000';

const tokenCommand = `curl -s -u ${DEMO_API_CLIENT.clientId}:${DEMO_API_CLIENT.secret} -d grant_type=client_credentials ${DEMO_ORIGIN}${TOKEN_PATH}`;

export const QUICK_START = {
  createCredentials: 'npm run api:client -- --email rita.representative@example.com --sandbox',
  token: tokenCommand,
  tokenAnswer: '{"access_token":"at_…","token_type":"Bearer","expires_in":1800}',
  // No jq needed: sed takes the token out of the JSON answer.
  readCase: [
    `TOKEN=$(${tokenCommand} | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')`,
    `curl -s -H "Authorization: Bearer $TOKEN" ${DEMO_ORIGIN}${API_BASE_PATH}/cases/${DEMO_API_RECEIPT}`,
  ].join('\n'),
  acceptance: `npm run api:acceptance -- --base-url ${DEMO_ORIGIN} --client-id CLIENT_ID --client-secret CLIENT_SECRET`,
};
