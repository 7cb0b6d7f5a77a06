/**
 * The message catalogue: one JSON file per namespace and language under messages/<locale>/.
 * Add a namespace by creating both files and listing it here; a test fails when a key exists in
 * one language and not the other.
 */
import enMeta from '@/messages/en/meta.json';
import esMeta from '@/messages/es/meta.json';
import enShell from '@/messages/en/shell.json';
import esShell from '@/messages/es/shell.json';
import enHome from '@/messages/en/home.json';
import esHome from '@/messages/es/home.json';
import enErrors from '@/messages/en/errors.json';
import esErrors from '@/messages/es/errors.json';
import enUi from '@/messages/en/ui.json';
import esUi from '@/messages/es/ui.json';
import enNotifications from '@/messages/en/notifications.json';
import esNotifications from '@/messages/es/notifications.json';
import enOutbox from '@/messages/en/outbox.json';
import esOutbox from '@/messages/es/outbox.json';
import enCaseStatus from '@/messages/en/caseStatus.json';
import esCaseStatus from '@/messages/es/caseStatus.json';
import enSignIn from '@/messages/en/signIn.json';
import esSignIn from '@/messages/es/signIn.json';
import enSession from '@/messages/en/session.json';
import esSession from '@/messages/es/session.json';
import enDashboard from '@/messages/en/dashboard.json';
import esDashboard from '@/messages/es/dashboard.json';
import enSignUp from '@/messages/en/signUp.json';
import esSignUp from '@/messages/es/signUp.json';
import enSecondFactor from '@/messages/en/secondFactor.json';
import esSecondFactor from '@/messages/es/secondFactor.json';
import enSettings from '@/messages/en/settings.json';
import esSettings from '@/messages/es/settings.json';
import enStaff from '@/messages/en/staff.json';
import esStaff from '@/messages/es/staff.json';
import enCases from '@/messages/en/cases.json';
import esCases from '@/messages/es/cases.json';
import enPasswordReset from '@/messages/en/passwordReset.json';
import esPasswordReset from '@/messages/es/passwordReset.json';
import enAppointments from '@/messages/en/appointments.json';
import esAppointments from '@/messages/es/appointments.json';
import enOfficerRequests from '@/messages/en/officerRequests.json';
import esOfficerRequests from '@/messages/es/officerRequests.json';
import enBiometrics from '@/messages/en/biometrics.json';
import esBiometrics from '@/messages/es/biometrics.json';
import enCapacity from '@/messages/en/capacity.json';
import esCapacity from '@/messages/es/capacity.json';
import enReschedule from '@/messages/en/reschedule.json';
import esReschedule from '@/messages/es/reschedule.json';
import enLetters from '@/messages/en/letters.json';
import esLetters from '@/messages/es/letters.json';
import enProgress from '@/messages/en/progress.json';
import enCallbacks from '@/messages/en/callbacks.json';
import esCallbacks from '@/messages/es/callbacks.json';
import enCallbackRequest from '@/messages/en/callbackRequest.json';
import esCallbackRequest from '@/messages/es/callbackRequest.json';
import esProgress from '@/messages/es/progress.json';
import enApiClients from '@/messages/en/apiClients.json';
import esApiClients from '@/messages/es/apiClients.json';
import enDevelopers from '@/messages/en/developers.json';
import esDevelopers from '@/messages/es/developers.json';
import type { Locale } from './routing';

const en = {
  meta: enMeta,
  shell: enShell,
  home: enHome,
  errors: enErrors,
  ui: enUi,
  notifications: enNotifications,
  outbox: enOutbox,
  caseStatus: enCaseStatus,
  signIn: enSignIn,
  session: enSession,
  dashboard: enDashboard,
  signUp: enSignUp,
  secondFactor: enSecondFactor,
  settings: enSettings,
  staff: enStaff,
  cases: enCases,
  passwordReset: enPasswordReset,
  appointments: enAppointments,
  officerRequests: enOfficerRequests,
  letters: enLetters,
  reschedule: enReschedule,
  biometrics: enBiometrics,
  capacity: enCapacity,
  progress: enProgress,
  callbacks: enCallbacks,
  callbackRequest: enCallbackRequest,
  developers: enDevelopers,
  apiClients: enApiClients,
};

export type Messages = typeof en;

const catalogues: Record<Locale, Messages> = {
  en,
  es: {
    meta: esMeta,
    shell: esShell,
    home: esHome,
    errors: esErrors,
    ui: esUi,
    notifications: esNotifications,
    outbox: esOutbox,
    caseStatus: esCaseStatus,
    signIn: esSignIn,
    session: esSession,
    dashboard: esDashboard,
    signUp: esSignUp,
    secondFactor: esSecondFactor,
    settings: esSettings,
    staff: esStaff,
    cases: esCases,
    passwordReset: esPasswordReset,
    appointments: esAppointments,
    officerRequests: esOfficerRequests,
    letters: esLetters,
    reschedule: esReschedule,
    biometrics: esBiometrics,
    capacity: esCapacity,
    progress: esProgress,
    callbacks: esCallbacks,
    callbackRequest: esCallbackRequest,
    developers: esDevelopers,
    apiClients: esApiClients,
  },
};

export function loadMessages(locale: Locale): Messages {
  return catalogues[locale];
}
