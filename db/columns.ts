/**
 * Every table of the portal, described once over a small kit of column kinds.
 * `db/schema.sqlite.ts` and `db/schema.pg.ts` hand in their dialect's kit; the
 * SQLite kit's types are the ones domain code sees (see `db/client.ts`).
 * Only builder methods both dialects share are chained here: $type, default,
 * notNull, unique, references.
 *
 * Conventions: instants are `timestamp` (UTC, millisecond precision); calendar
 * dates without a time (a date of birth, a receipt date) are ISO `YYYY-MM-DD`
 * text, which sorts and compares the same way on both stores.
 */
import { sql } from 'drizzle-orm';
import type { liteKit } from './kit.sqlite';

export type Kit = ReturnType<typeof liteKit>;

export type Role = 'applicant' | 'representative' | 'officer' | 'supervisor';
export type Language = 'en' | 'es';
export type Channel = 'email' | 'sms' | 'letter';
export type SecondFactor = 'totp' | 'email' | 'sms';
export type OneTimeCodePurpose = 'confirm_email' | 'confirm_phone' | 'sign_in' | 'staff_setup' | 'password_reset' | 'password_reset_proof';

export const userColumns = (k: Kit) => ({
  id: k.id(),
  email: k.uniqueText(),
  emailVerifiedAt: k.timestampNull(),
  passwordHash: k.textNull(),
  role: k.text().$type<Role>(),
  givenName: k.text().default(''),
  familyName: k.text().default(''),
  phone: k.textNull(), // E.164
  preferredLanguage: k.text().$type<Language>().default('en'),
  notificationChannel: k.text().$type<'email' | 'sms'>().default('email'),
  secondFactor: k.textNull().$type<SecondFactor>(),
  totpSecret: k.textNull(), // sealed at rest with the app key
  totpLastStep: k.intNull(), // the last 30-second step accepted: a TOTP code works once
  createdAt: k.timestamp(),
  updatedAt: k.timestamp(),
  disabledAt: k.timestampNull(),
});

export const representativeProfileColumns = (k: Kit) => ({
  id: k.id(),
  userId: k.fk('users').unique(),
  kind: k.text().$type<'attorney' | 'accredited_representative'>(),
  barNumber: k.textNull(),
  licensingState: k.textNull(),
  accreditationNumber: k.textNull(),
  organisation: k.text(),
  sector: k.text().$type<'private' | 'nonprofit'>(),
});

export const sessionColumns = (k: Kit) => ({
  id: k.id(),
  tokenHash: k.uniqueText(),
  userId: k.fk('users'),
  createdAt: k.timestamp(),
  lastSeenAt: k.timestamp(),
  expiresAt: k.timestamp(), // absolute end: 12 hours after sign-in
  secondFactorAt: k.timestampNull(),
  endedAt: k.timestampNull(),
  endedReason: k.textNull(),
  userAgent: k.textNull(),
});

/** Six-digit codes: email confirmation, sign-in second step; staff set-up and password reset links. */
export const oneTimeCodeColumns = (k: Kit) => ({
  id: k.id(),
  userId: k.fk('users'),
  purpose: k.text().$type<OneTimeCodePurpose>(),
  codeHash: k.text(),
  createdAt: k.timestamp(),
  expiresAt: k.timestamp(),
  usedAt: k.timestampNull(),
});

export const backupCodeColumns = (k: Kit) => ({
  id: k.id(),
  userId: k.fk('users'),
  codeHash: k.text(),
  createdAt: k.timestamp(),
  usedAt: k.timestampNull(),
});

/** Attempt counters shared by every app server: lockouts and guessing throttles. */
export const throttleColumns = (k: Kit) => ({
  id: k.id(),
  key: k.uniqueText(), // e.g. "link:account:12", "link:receipt:IOE0912345678"
  count: k.int().default(0),
  windowStartedAt: k.timestamp(),
  blockedUntil: k.timestampNull(),
});

/**
 * Answers of a multi-page form kept between its pages (and across "Back" and "Change"), on the
 * server rather than in a cookie: explanations run to 1,000 characters in any script. One draft per
 * person and form; removed when the form is submitted, and by housekeeping after a day.
 */
export const formDraftColumns = (k: Kit) => ({
  id: k.id(),
  key: k.uniqueText(), // e.g. "appointment-request:12"
  userId: k.fk('users'),
  data: k.json().$type<Record<string, unknown>>(),
  updatedAt: k.timestamp(),
});

const placeColumns = (k: Kit) => ({
  id: k.id(),
  code: k.uniqueText(),
  name: k.text(),
  street: k.text(),
  city: k.text(),
  state: k.text(), // USPS code, e.g. "AZ", "PR"
  zip: k.text(),
  timeZone: k.text(), // IANA, e.g. "America/Phoenix"
  latitude: k.real(),
  longitude: k.real(),
  phone: k.textNull(),
});

export const fieldOfficeColumns = (k: Kit) => placeColumns(k);
/** Application Support Centers, where biometrics are taken. */
export const ascColumns = (k: Kit) => placeColumns(k);

export type CaseState = 'pending' | 'approved' | 'denied' | 'withdrawn';
export interface MailingAddress {
  street: string;
  city: string;
  state: string;
  zip: string;
}

export const caseColumns = (k: Kit) => ({
  id: k.id(),
  receiptNumber: k.uniqueText(),
  formType: k.text(),
  classification: k.textNull(),
  receiptDate: k.text(), // YYYY-MM-DD
  fieldOfficeId: k.fkNull('fieldOffices'),
  biometricsRequired: k.bool().default(false),
  interviewRequired: k.bool().default(false),
  state: k.text().$type<CaseState>().default('pending'),
  applicantGivenName: k.text(),
  applicantFamilyName: k.text(),
  applicantDateOfBirth: k.text(), // YYYY-MM-DD
  aNumber: k.textNull(),
  mailingAddress: k.json().$type<MailingAddress>(),
  applicantEmail: k.textNull(),
  /** How the agency reaches the applicant on paper: mailed letter, or email for I-134A beneficiaries. */
  channelOfRecord: k.text().$type<'mail' | 'email'>().default('mail'),
  representativeOfRecord: k.bool().default(false), // a G-28 is on file
  /** The newest status event, kept here so lists of many cases need no per-case lookup. */
  latestStatus: k.textNull(),
  latestStatusAt: k.timestampNull(),
  /** myProgress's 80% date as of its last refresh (YYYY-MM-DD), for sorting lists; null: no estimate. */
  expectedDecisionOn: k.textNull(),
  createdAt: k.timestamp(),
  updatedAt: k.timestamp(),
});

export const caseStatusEventColumns = (k: Kit) => ({
  id: k.id(),
  caseId: k.fk('cases'),
  eventKey: k.text(), // idempotency key from the case system
  status: k.text(), // key into the status catalogue, e.g. "case_was_received"
  occurredAt: k.timestamp(),
  note: k.textNull(),
  createdAt: k.timestamp(),
});

export const accessCodeColumns = (k: Kit) => ({
  id: k.id(),
  caseId: k.fk('cases'),
  audience: k.text().$type<'applicant' | 'representative'>(),
  codeHash: k.uniqueText(), // keyed hash; the code itself is never stored
  issuedAt: k.timestamp(),
  expiresAt: k.timestamp(),
  usedAt: k.timestampNull(),
  usedBy: k.fkNull('users'),
  revokedAt: k.timestampNull(),
});

export const caseLinkColumns = (k: Kit) => ({
  id: k.id(),
  caseId: k.fk('cases'),
  userId: k.fk('users'),
  role: k.text().$type<'applicant' | 'representative'>(),
  accessCodeId: k.fkNull('accessCodes'),
  linkedAt: k.timestamp(),
  endedAt: k.timestampNull(),
  endedBy: k.fkNull('users'),
});

export const biometricSlotColumns = (k: Kit) => ({
  id: k.id(),
  ascId: k.fk('ascs'),
  startsAt: k.timestamp(),
  endsAt: k.timestamp(),
  capacity: k.int(),
  booked: k.int().default(0),
  /** A supervisor closed it (the centre is shut that day): no new bookings; the booked keep their seats. */
  closed: k.bool().default(false),
});

export type AppointmentRequestStatus =
  | 'submitted'
  | 'in_review'
  | 'more_info_needed'
  | 'appointment_scheduled'
  | 'appointment_not_needed'
  | 'cancelled';

export const appointmentRequestColumns = (k: Kit) => ({
  id: k.id(),
  reference: k.uniqueText(),
  requesterId: k.fk('users'),
  caseId: k.fkNull('cases'),
  reason: k.text(),
  otherReason: k.textNull(),
  aNumber: k.textNull(),
  fieldOfficeId: k.fk('fieldOffices'),
  preferredDates: k.json().$type<{ date: string; period: 'morning' | 'afternoon' }[]>(),
  explanation: k.textNull(),
  travelDate: k.textNull(),
  destination: k.textNull(),
  contactPreference: k.text().$type<'email' | 'phone'>(),
  contactPhone: k.textNull(),
  accommodations: k.textNull(),
  status: k.text().$type<AppointmentRequestStatus>().default('submitted'),
  /**
   * While the request is open (not decided or cancelled): who asked, for whom and why, so a unique
   * index refuses a second open request for the same thing on both stores, however many arrive at
   * once. Null once it is closed (null never collides).
   */
  openKey: k.textNull().unique(),
  urgent: k.bool().default(false),
  dueAt: k.timestamp(),
  claimedBy: k.fkNull('users'),
  claimedAt: k.timestampNull(),
  decidedBy: k.fkNull('users'),
  decidedAt: k.timestampNull(),
  decisionNote: k.textNull(),
  createdAt: k.timestamp(),
  updatedAt: k.timestamp(),
});

/** The request's timeline as the requester and officers see it. */
export const appointmentRequestEventColumns = (k: Kit) => ({
  id: k.id(),
  requestId: k.fk('appointmentRequests'),
  kind: k.text(),
  actorId: k.fkNull('users'),
  note: k.textNull(),
  at: k.timestamp(),
});

export const appointmentColumns = (k: Kit) => ({
  id: k.id(),
  kind: k.text().$type<'field_office' | 'biometrics'>(),
  caseId: k.fkNull('cases'),
  requestId: k.fkNull('appointmentRequests'),
  fieldOfficeId: k.fkNull('fieldOffices'),
  ascId: k.fkNull('ascs'),
  slotId: k.fkNull('biometricSlots'),
  startsAt: k.timestamp(),
  endsAt: k.timestamp(),
  status: k.text().$type<'scheduled' | 'cancelled' | 'attended' | 'missed'>().default('scheduled'),
  rescheduleCount: k.int().default(0),
  createdAt: k.timestamp(),
  cancelledAt: k.timestampNull(),
});

/**
 * Where a callback stands (lib/callbacks/callback-steps.ts): 'queued' until an officer starts it;
 * 'awaiting_reply' while the text-ahead waits (until nextStepAt); 'ready' after YES, for the officer
 * who started it; 'calling' when started without a text; 'retry_due' when a second attempt is due;
 * 'closed' with closedReason 'reached', 'unreachable' or 'cancelled'.
 */
export type CallbackStatus = 'queued' | 'awaiting_reply' | 'ready' | 'calling' | 'retry_due' | 'closed';
export type CallbackUrgency = 'urgent' | 'regular';

export const callbackColumns = (k: Kit) => ({
  id: k.id(),
  serviceRequestNumber: k.uniqueText(),
  userId: k.fk('users'),
  caseId: k.fkNull('cases'),
  topic: k.text(),
  urgency: k.text().$type<CallbackUrgency>(),
  phone: k.text(),
  language: k.text().$type<Language>(),
  textAhead: k.bool().default(false),
  status: k.text().$type<CallbackStatus>().default('queued'),
  /** Started attempts (a text sent, or a call started without one); two without reaching the person close it. */
  attempts: k.int().default(0),
  /** While awaiting a reply: when the wait ends and the worker moves on. */
  nextStepAt: k.timestampNull(),
  assignedOfficerId: k.fkNull('users'),
  dueAt: k.timestamp(),
  /** 0 urgent, 1 regular: the queue's order after "ready to call". */
  priority: k.int().default(1),
  /** Not closed: the queue reads open callbacks through an index on (open, priority, due). */
  open: k.bool().default(true),
  createdAt: k.timestamp(),
  updatedAt: k.timestamp(),
  closedAt: k.timestampNull(),
  closedReason: k.textNull().$type<'reached' | 'unreachable' | 'cancelled'>(),
});

/** What happened to a callback, in order, as the customer and officers read it. */
export const callbackEventColumns = (k: Kit) => ({
  id: k.id(),
  callbackId: k.fk('callbacks'),
  kind: k.text(),
  at: k.timestamp(),
  actorId: k.fkNull('users'),
  note: k.textNull(),
});

/** Numbers that answered STOP: no text of any kind goes to them until they answer START. */
export const smsOptOutColumns = (k: Kit) => ({
  id: k.id(),
  phone: k.uniqueText(),
  optedOutAt: k.timestamp(),
});

/**
 * Credentials of the case-management software a representative connects (OAuth 2.0 client
 * credentials, spec §9). The secret is stored only as a keyed hash; after a rotation the previous
 * one keeps working until `previousSecretValidUntil` (14 days), so a vendor can roll it out.
 */
export const apiClientColumns = (k: Kit) => ({
  id: k.id(),
  clientId: k.uniqueText(),
  userId: k.fk('users'),
  name: k.text(),
  environment: k.text().$type<'sandbox' | 'production'>(),
  secretHash: k.text(),
  previousSecretHash: k.textNull(),
  previousSecretValidUntil: k.timestampNull(),
  createdAt: k.timestamp(),
  rotatedAt: k.timestampNull(),
  revokedAt: k.timestampNull(),
  /**
   * The client's rate limits, counted here so every app instance shares them: requests in the
   * current second and the current day (UTC), each window starting at its boundary. One update
   * per request counts both (lib/api/caller.ts).
   */
  rateSecondStart: k.timestampNull(),
  rateSecondCount: k.int().default(0),
  rateDayStart: k.timestampNull(),
  rateDayCount: k.int().default(0),
});

/** Bearer tokens issued to an API client, by keyed hash; each lives 30 minutes. */
export const apiTokenColumns = (k: Kit) => ({
  id: k.id(),
  tokenHash: k.uniqueText(),
  apiClientId: k.fk('apiClients'),
  expiresAt: k.timestamp(),
  createdAt: k.timestamp(),
});

/**
 * The first answer to each POST an API client sent with an `Idempotency-Key`, kept 24 hours: a retry
 * with the same key and body gets it again; the same key with another body is refused (422), and a
 * retry while the first is still running gets 409. `requestHash` covers the method, the path and
 * the body.
 */
export const apiIdempotencyKeyColumns = (k: Kit) => ({
  id: k.id(),
  apiClientId: k.fk('apiClients'),
  key: k.text(),
  requestHash: k.text(),
  /** Null while the first request is still running. */
  responseStatus: k.intNull(),
  responseBody: k.textNull(),
  responseHeaders: k.jsonNull().$type<Record<string, string>>(),
  createdAt: k.timestamp(),
  expiresAt: k.timestamp(),
});

export type WebhookEventType = 'case.status_changed' | 'appointment.scheduled' | 'appointment.changed' | 'callback.updated' | 'webhook.test';

/**
 * Where an API client wants events delivered (Standard Webhooks). The signing secret is sealed
 * (the portal must sign with it); the vendor sees it once, when the endpoint is created.
 */
export const webhookEndpointColumns = (k: Kit) => ({
  id: k.id(),
  publicId: k.uniqueText(),
  apiClientId: k.fk('apiClients'),
  url: k.text(),
  eventTypes: k.json().$type<WebhookEventType[]>(),
  secretSealed: k.text(),
  createdAt: k.timestamp(),
  /** Deleted by the client, or disabled after the receiver answered 410 Gone. */
  disabledAt: k.timestampNull(),
  disabledReason: k.textNull().$type<'deleted' | 'gone'>(),
});

export type WebhookDeliveryStatus = 'pending' | 'sending' | 'delivered' | 'failed';

/** One event for one endpoint: delivered by the worker with exponential retries for 3 days. */
export const webhookDeliveryColumns = (k: Kit) => ({
  id: k.id(),
  /** The `webhook-id` header: the same on every retry, so receivers can drop duplicates. */
  messageId: k.uniqueText(),
  endpointId: k.fk('webhookEndpoints'),
  eventType: k.text().$type<WebhookEventType>(),
  payload: k.json().$type<Record<string, unknown>>(),
  status: k.text().$type<WebhookDeliveryStatus>().default('pending'),
  attempts: k.int().default(0),
  nextAttemptAt: k.timestamp(),
  lockedUntil: k.timestampNull(),
  lastResponseStatus: k.intNull(),
  lastError: k.textNull(),
  createdAt: k.timestamp(),
  deliveredAt: k.timestampNull(),
});

export type EvidenceUploadStatus = 'receiving' | 'complete' | 'rejected';

/**
 * Evidence a client's case-management software uploads for a case (up to 1 GiB), in chunks that can
 * resume after a broken connection: `receivedBytes` is how far the stored file goes. Complete once
 * every byte arrived, its SHA-256 matched and its bytes are of the declared type; the bytes live in
 * the storage (lib/api/uploads), named by `storageKey`.
 */
export const evidenceUploadColumns = (k: Kit) => ({
  id: k.id(),
  publicId: k.uniqueText(),
  apiClientId: k.fk('apiClients'),
  caseId: k.fk('cases'),
  userId: k.fk('users'),
  fileName: k.text(),
  contentType: k.text(),
  size: k.int(),
  sha256: k.text(),
  receivedBytes: k.int().default(0),
  status: k.text().$type<EvidenceUploadStatus>().default('receiving'),
  rejectedReason: k.textNull(),
  storageKey: k.text(),
  createdAt: k.timestamp(),
  updatedAt: k.timestamp(),
  /** An upload not finished by then is abandoned: its bytes are deleted. */
  expiresAt: k.timestamp(),
  completedAt: k.timestampNull(),
});

/** 'cancelled': withdrawn before it was sent (a reminder for an appointment that moved). */
export type NotificationStatus = 'pending' | 'sending' | 'delivered' | 'failed' | 'cancelled';

/** The outbox: every email, text and letter is a row before it is sent. */
export const notificationColumns = (k: Kit) => ({
  id: k.id(),
  channel: k.text().$type<Channel>(),
  recipient: k.text(),
  language: k.text().$type<Language>(),
  template: k.text(),
  payload: k.json().$type<Record<string, unknown>>(),
  dedupeKey: k.uniqueText(),
  status: k.text().$type<NotificationStatus>().default('pending'),
  attempts: k.int().default(0),
  nextAttemptAt: k.timestamp(),
  lockedUntil: k.timestampNull(),
  lastError: k.textNull(),
  subject: k.textNull(), // rendered at delivery
  body: k.textNull(),
  transport: k.textNull(), // "smtp", "sms", "local"
  createdAt: k.timestamp(),
  deliveredAt: k.timestampNull(),
});

export const auditColumns = (k: Kit) => ({
  id: k.id(),
  at: k.timestamp(),
  actorId: k.fkNull('users'),
  actorRole: k.textNull(),
  onBehalfOfId: k.fkNull('users'),
  action: k.text(),
  objectType: k.text(),
  objectId: k.textNull(),
  outcome: k.text().$type<'success' | 'failure' | 'denied'>(),
  detail: k.jsonNull().$type<Record<string, unknown>>(),
  requestId: k.textNull(),
});

/** Decided and pending cases of the past, for myProgress estimates. Dates are YYYY-MM-DD. */
export const historicalCaseColumns = (k: Kit) => ({
  id: k.id(),
  formType: k.text(),
  classification: k.text(),
  officeCode: k.text(),
  receivedOn: k.text(),
  decidedOn: k.textNull(), // null: still pending (a censored observation)
  /** Milestones reached (null: not reached, or not part of the case): myProgress conditions on them. */
  biometricsOn: k.textNull(),
  interviewOn: k.textNull(),
});

/** Where a processing-time curve starts: receipt, or the day a milestone was reached. */
export type ProgressStage = 'received' | 'biometrics' | 'interview';

/**
 * Kaplan–Meier curves of time to decision for one group of similar cases, rebuilt by
 * `npm run progress:refresh`, so a myProgress page reads a couple of rows instead of history.
 * `officeCode` is '' for the national curve of a form and classification.
 */
export const progressCurveColumns = (k: Kit) => ({
  id: k.id(),
  formType: k.text(),
  classification: k.text(),
  officeCode: k.text(),
  stage: k.text().$type<ProgressStage>(),
  /** Similar cases the curve rests on (for a milestone stage: those that reached it). */
  cases: k.int(),
  receivedFrom: k.text(),
  receivedTo: k.text(),
  /** Days from receipt with decisions, ascending, with the cases at risk and decided on each (lib/progress/survival.ts). */
  days: k.json().$type<number[]>(),
  atRisk: k.json().$type<number[]>(),
  decided: k.json().$type<number[]>(),
  refreshedAt: k.timestamp(),
});

// Indexes, named by table so both dialects create the same ones.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each dialect passes its own column objects
type Cols = Record<string, any>;

export const sessionIndexes = (t: Cols, k: Kit) => [k.index('sessions_user_idx').on(t.userId)];
export const oneTimeCodeIndexes = (t: Cols, k: Kit) => [k.index('one_time_codes_user_idx').on(t.userId, t.purpose)];
export const backupCodeIndexes = (t: Cols, k: Kit) => [k.index('backup_codes_user_idx').on(t.userId)];
export const caseIndexes = (t: Cols, k: Kit) => [k.index('cases_form_idx').on(t.formType, t.state)];
export const caseStatusEventIndexes = (t: Cols, k: Kit) => [
  k.uniqueIndex('case_status_events_key_idx').on(t.caseId, t.eventKey),
];
export const accessCodeIndexes = (t: Cols, k: Kit) => [k.index('access_codes_case_idx').on(t.caseId, t.audience)];
export const caseLinkIndexes = (t: Cols, k: Kit) => [
  k.index('case_links_case_idx').on(t.caseId),
  k.index('case_links_user_idx').on(t.userId),
];
export const biometricSlotIndexes = (t: Cols, k: Kit) => [
  k.uniqueIndex('biometric_slots_asc_start_idx').on(t.ascId, t.startsAt),
];
export const appointmentRequestIndexes = (t: Cols, k: Kit) => [
  k.index('appointment_requests_status_idx').on(t.status, t.createdAt),
  k.index('appointment_requests_requester_idx').on(t.requesterId),
  // The officers' queue order (urgent first, then oldest): read in this order, a page of 25 stops
  // after 25 matching rows instead of sorting every open request.
  k.index('appointment_requests_queue_idx').on(sql`${t.urgent} desc`, t.createdAt, t.id),
  // The queue's total under a reason or office filter: counted in the index, not row by row.
  k.index('appointment_requests_reason_idx').on(t.reason, t.status),
  k.index('appointment_requests_office_idx').on(t.fieldOfficeId, t.status),
];
export const appointmentRequestEventIndexes = (t: Cols, k: Kit) => [
  k.index('appointment_request_events_request_idx').on(t.requestId),
];
export const appointmentIndexes = (t: Cols, k: Kit) => [k.index('appointments_case_idx').on(t.caseId)];
export const callbackIndexes = (t: Cols, k: Kit) => [
  k.index('callbacks_status_idx').on(t.status, t.nextStepAt),
  k.index('callbacks_queue_idx').on(t.open, t.priority, t.dueAt, t.id),
  k.index('callbacks_user_idx').on(t.userId),
  k.index('callbacks_phone_idx').on(t.phone, t.status),
];
export const apiClientIndexes = (t: Cols, k: Kit) => [k.index('api_clients_user_idx').on(t.userId)];
export const apiIdempotencyKeyIndexes = (t: Cols, k: Kit) => [
  k.uniqueIndex('api_idempotency_keys_client_key_idx').on(t.apiClientId, t.key),
  k.index('api_idempotency_keys_expires_idx').on(t.expiresAt),
];
export const evidenceUploadIndexes = (t: Cols, k: Kit) => [k.index('evidence_uploads_case_idx').on(t.caseId), k.index('evidence_uploads_expires_idx').on(t.status, t.expiresAt)];
export const webhookEndpointIndexes = (t: Cols, k: Kit) => [k.index('webhook_endpoints_client_idx').on(t.apiClientId)];
export const webhookDeliveryIndexes = (t: Cols, k: Kit) => [
  k.index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt),
  k.index('webhook_deliveries_endpoint_idx').on(t.endpointId),
];
export const callbackEventIndexes = (t: Cols, k: Kit) => [k.index('callback_events_callback_idx').on(t.callbackId)];
export const notificationIndexes = (t: Cols, k: Kit) => [
  k.index('notifications_due_idx').on(t.status, t.nextAttemptAt),
  k.index('notifications_created_idx').on(t.createdAt),
];
export const auditIndexes = (t: Cols, k: Kit) => [
  k.index('audit_log_object_idx').on(t.objectType, t.objectId),
  k.index('audit_log_actor_idx').on(t.actorId),
];
export const historicalCaseIndexes = (t: Cols, k: Kit) => [
  k.index('historical_cases_similar_idx').on(t.formType, t.classification, t.officeCode, t.receivedOn),
  k.index('historical_cases_national_idx').on(t.formType, t.classification, t.receivedOn),
];
export const progressCurveIndexes = (t: Cols, k: Kit) => [
  k.uniqueIndex('progress_curves_group_idx').on(t.formType, t.classification, t.officeCode, t.stage),
];
