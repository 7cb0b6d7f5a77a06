// SQLite tables. Domain code is typed against these (db/client.ts picks the dialect at run time).
import { sqliteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import * as c from './columns';
import { liteKit } from './kit.sqlite';

const k = liteKit((table) => (tables as unknown as Record<string, { id: SQLiteColumn }>)[table].id);

export const users = sqliteTable('users', c.userColumns(k));
export const representativeProfiles = sqliteTable('representative_profiles', c.representativeProfileColumns(k));
export const sessions = sqliteTable('sessions', c.sessionColumns(k), (t) => c.sessionIndexes(t, k));
export const oneTimeCodes = sqliteTable('one_time_codes', c.oneTimeCodeColumns(k), (t) => c.oneTimeCodeIndexes(t, k));
export const backupCodes = sqliteTable('backup_codes', c.backupCodeColumns(k), (t) => c.backupCodeIndexes(t, k));
export const throttles = sqliteTable('throttles', c.throttleColumns(k));
export const formDrafts = sqliteTable('form_drafts', c.formDraftColumns(k));
export const fieldOffices = sqliteTable('field_offices', c.fieldOfficeColumns(k));
export const ascs = sqliteTable('ascs', c.ascColumns(k));
export const cases = sqliteTable('cases', c.caseColumns(k), (t) => c.caseIndexes(t, k));
export const caseStatusEvents = sqliteTable('case_status_events', c.caseStatusEventColumns(k), (t) => c.caseStatusEventIndexes(t, k));
export const accessCodes = sqliteTable('access_codes', c.accessCodeColumns(k), (t) => c.accessCodeIndexes(t, k));
export const caseLinks = sqliteTable('case_links', c.caseLinkColumns(k), (t) => c.caseLinkIndexes(t, k));
export const biometricSlots = sqliteTable('biometric_slots', c.biometricSlotColumns(k), (t) => c.biometricSlotIndexes(t, k));
export const appointmentRequests = sqliteTable('appointment_requests', c.appointmentRequestColumns(k), (t) => c.appointmentRequestIndexes(t, k));
export const appointmentRequestEvents = sqliteTable('appointment_request_events', c.appointmentRequestEventColumns(k), (t) => c.appointmentRequestEventIndexes(t, k));
export const appointments = sqliteTable('appointments', c.appointmentColumns(k), (t) => c.appointmentIndexes(t, k));
export const callbacks = sqliteTable('callbacks', c.callbackColumns(k), (t) => c.callbackIndexes(t, k));
export const callbackEvents = sqliteTable('callback_events', c.callbackEventColumns(k), (t) => c.callbackEventIndexes(t, k));
export const smsOptOuts = sqliteTable('sms_opt_outs', c.smsOptOutColumns(k));
export const apiClients = sqliteTable('api_clients', c.apiClientColumns(k), (t) => c.apiClientIndexes(t, k));
export const apiTokens = sqliteTable('api_tokens', c.apiTokenColumns(k));
export const apiIdempotencyKeys = sqliteTable('api_idempotency_keys', c.apiIdempotencyKeyColumns(k), (t) => c.apiIdempotencyKeyIndexes(t, k));
export const webhookEndpoints = sqliteTable('webhook_endpoints', c.webhookEndpointColumns(k), (t) => c.webhookEndpointIndexes(t, k));
export const webhookDeliveries = sqliteTable('webhook_deliveries', c.webhookDeliveryColumns(k), (t) => c.webhookDeliveryIndexes(t, k));
export const evidenceUploads = sqliteTable('evidence_uploads', c.evidenceUploadColumns(k), (t) => c.evidenceUploadIndexes(t, k));
export const notifications = sqliteTable('notifications', c.notificationColumns(k), (t) => c.notificationIndexes(t, k));
export const auditLog = sqliteTable('audit_log', c.auditColumns(k), (t) => c.auditIndexes(t, k));
export const historicalCases = sqliteTable('historical_cases', c.historicalCaseColumns(k), (t) => c.historicalCaseIndexes(t, k));
export const progressCurves = sqliteTable('progress_curves', c.progressCurveColumns(k), (t) => c.progressCurveIndexes(t, k));

const tables = { users, cases, accessCodes, fieldOffices, ascs, appointmentRequests, biometricSlots, callbacks, apiClients, webhookEndpoints };
