// Postgres tables, built from the same descriptions as db/schema.sqlite.ts. The SQLite kit's types are
// used for the descriptions; the parity test checks that both dialects end up with the same tables.
import { pgTable as pgTableOf, type PgColumn } from 'drizzle-orm/pg-core';
import * as c from './columns';
import { pgKit } from './kit.pg';

const k = pgKit((table) => (tables as unknown as Record<string, { id: PgColumn }>)[table].id) as unknown as c.Kit;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the descriptions are typed with the SQLite kit
const pgTable = pgTableOf as (name: string, columns: any, extra?: (t: any) => any) => ReturnType<typeof pgTableOf>;

export const users = pgTable('users', c.userColumns(k));
export const representativeProfiles = pgTable('representative_profiles', c.representativeProfileColumns(k));
export const sessions = pgTable('sessions', c.sessionColumns(k), (t) => c.sessionIndexes(t, k));
export const oneTimeCodes = pgTable('one_time_codes', c.oneTimeCodeColumns(k), (t) => c.oneTimeCodeIndexes(t, k));
export const backupCodes = pgTable('backup_codes', c.backupCodeColumns(k), (t) => c.backupCodeIndexes(t, k));
export const throttles = pgTable('throttles', c.throttleColumns(k));
export const formDrafts = pgTable('form_drafts', c.formDraftColumns(k));
export const fieldOffices = pgTable('field_offices', c.fieldOfficeColumns(k));
export const ascs = pgTable('ascs', c.ascColumns(k));
export const cases = pgTable('cases', c.caseColumns(k), (t) => c.caseIndexes(t, k));
export const caseStatusEvents = pgTable('case_status_events', c.caseStatusEventColumns(k), (t) => c.caseStatusEventIndexes(t, k));
export const accessCodes = pgTable('access_codes', c.accessCodeColumns(k), (t) => c.accessCodeIndexes(t, k));
export const caseLinks = pgTable('case_links', c.caseLinkColumns(k), (t) => c.caseLinkIndexes(t, k));
export const biometricSlots = pgTable('biometric_slots', c.biometricSlotColumns(k), (t) => c.biometricSlotIndexes(t, k));
export const appointmentRequests = pgTable('appointment_requests', c.appointmentRequestColumns(k), (t) => c.appointmentRequestIndexes(t, k));
export const appointmentRequestEvents = pgTable('appointment_request_events', c.appointmentRequestEventColumns(k), (t) => c.appointmentRequestEventIndexes(t, k));
export const appointments = pgTable('appointments', c.appointmentColumns(k), (t) => c.appointmentIndexes(t, k));
export const callbacks = pgTable('callbacks', c.callbackColumns(k), (t) => c.callbackIndexes(t, k));
export const callbackEvents = pgTable('callback_events', c.callbackEventColumns(k), (t) => c.callbackEventIndexes(t, k));
export const smsOptOuts = pgTable('sms_opt_outs', c.smsOptOutColumns(k));
export const apiClients = pgTable('api_clients', c.apiClientColumns(k), (t) => c.apiClientIndexes(t, k));
export const apiTokens = pgTable('api_tokens', c.apiTokenColumns(k));
export const apiIdempotencyKeys = pgTable('api_idempotency_keys', c.apiIdempotencyKeyColumns(k), (t) => c.apiIdempotencyKeyIndexes(t, k));
export const webhookEndpoints = pgTable('webhook_endpoints', c.webhookEndpointColumns(k), (t) => c.webhookEndpointIndexes(t, k));
export const webhookDeliveries = pgTable('webhook_deliveries', c.webhookDeliveryColumns(k), (t) => c.webhookDeliveryIndexes(t, k));
export const evidenceUploads = pgTable('evidence_uploads', c.evidenceUploadColumns(k), (t) => c.evidenceUploadIndexes(t, k));
export const notifications = pgTable('notifications', c.notificationColumns(k), (t) => c.notificationIndexes(t, k));
export const auditLog = pgTable('audit_log', c.auditColumns(k), (t) => c.auditIndexes(t, k));
export const historicalCases = pgTable('historical_cases', c.historicalCaseColumns(k), (t) => c.historicalCaseIndexes(t, k));
export const progressCurves = pgTable('progress_curves', c.progressCurveColumns(k), (t) => c.progressCurveIndexes(t, k));

const tables = { users, cases, accessCodes, fieldOffices, ascs, appointmentRequests, biometricSlots, callbacks, apiClients, webhookEndpoints };
