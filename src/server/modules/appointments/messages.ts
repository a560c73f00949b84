import type { AppointmentMode } from '../../../shared/schemas/appointments.js';
import type { Locale } from '../../../shared/schemas/tenancy.js';

/** An appointment's time in the program's time zone, in the reader's language. */
export function formatWhen(locale: Locale, timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', {
    timeZone,
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}

const modeWords: Record<Locale, Record<AppointmentMode, string>> = {
  en: { in_person: 'in person', phone: 'by phone', video: 'by video' },
  es: { in_person: 'en persona', phone: 'por teléfono', video: 'por video' },
};

/** The reminder a day ahead, stored in each person's language when it is made. */
export const reminderMessage: Record<
  Locale,
  { participant: (when: string, peer: string, mode: AppointmentMode) => { title: string; body: string }; peer: (when: string, name: string, mode: AppointmentMode) => { title: string; body: string } }
> = {
  en: {
    participant: (when, peer, mode) => ({ title: `Peer support session: ${when}`, body: `With ${peer}, ${modeWords.en[mode]}. Open Peerpath for the details.` }),
    peer: (when, name, mode) => ({ title: `Session with ${name}: ${when}`, body: `Scheduled ${modeWords.en[mode]}.` }),
  },
  es: {
    participant: (when, peer, mode) => ({ title: `Sesión de acompañamiento: ${when}`, body: `Con ${peer}, ${modeWords.es[mode]}. Abre Peerpath para ver los detalles.` }),
    peer: (when, name, mode) => ({ title: `Sesión con ${name}: ${when}`, body: `Programada ${modeWords.es[mode]}.` }),
  },
};

/** The follow-up a missed appointment puts on the peer worker's list. */
export const missedFollowUpTitle: Record<Locale, (name: string) => string> = {
  en: (name) => `Reach out to ${name} after a missed appointment`,
  es: (name) => `Comunícate con ${name} después de una cita perdida`,
};

/**
 * Event titles in calendar feeds. Calendars get synced to phones and clouds, so a title says
 * nothing about recovery or the person beyond initials, and no notes travel.
 */
export const feedWords: Record<Locale, { calendarName: string; sessionWith: (who: string) => string; modes: Record<AppointmentMode, string>; details: string }> = {
  en: {
    calendarName: 'Peerpath sessions',
    sessionWith: (who) => `Peer support session (${who})`,
    modes: { in_person: 'In person', phone: 'Phone call', video: 'Video call' },
    details: 'Details in Peerpath',
  },
  es: {
    calendarName: 'Sesiones de Peerpath',
    sessionWith: (who) => `Sesión de acompañamiento (${who})`,
    modes: { in_person: 'En persona', phone: 'Llamada', video: 'Videollamada' },
    details: 'Detalles en Peerpath',
  },
};
