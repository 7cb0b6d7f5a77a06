// The tables of the store in use (see db/client.ts). Domain code imports tables from here.
import { tables } from './client';

export const {
  users,
  representativeProfiles,
  sessions,
  oneTimeCodes,
  backupCodes,
  throttles,
  formDrafts,
  fieldOffices,
  ascs,
  cases,
  caseStatusEvents,
  accessCodes,
  caseLinks,
  biometricSlots,
  appointmentRequests,
  appointmentRequestEvents,
  appointments,
  callbacks,
  callbackEvents,
  smsOptOuts,
  apiClients,
  apiTokens,
  apiIdempotencyKeys,
  webhookEndpoints,
  webhookDeliveries,
  evidenceUploads,
  notifications,
  auditLog,
  historicalCases,
  progressCurves,
} = tables;

export type User = typeof users.$inferSelect;
export type Case = typeof cases.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type AppointmentRequest = typeof appointmentRequests.$inferSelect;
export type Appointment = typeof appointments.$inferSelect;
export type Asc = typeof ascs.$inferSelect;
export type BiometricSlot = typeof biometricSlots.$inferSelect;
export type Callback = typeof callbacks.$inferSelect;
export type CallbackEvent = typeof callbackEvents.$inferSelect;
export type ApiClient = typeof apiClients.$inferSelect;
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type EvidenceUpload = typeof evidenceUploads.$inferSelect;
