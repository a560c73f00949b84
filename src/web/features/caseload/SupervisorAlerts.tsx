import { AlertsInbox } from '../alerts/AlertsInbox.js';

/** For a supervisor: alerts that waited too long. (The live urgent banner is in the app frame.) */
export function SupervisorAlerts() {
  return <AlertsInbox escalated />;
}
