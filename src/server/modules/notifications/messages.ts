import type { Locale } from '../../../shared/schemas/tenancy.js';

/**
 * The stored words of a notification, in the person's language when it is made. The web app words
 * known kinds from its own catalogs; these serve the API and the channels to come (mail, SMS).
 */
export const reminderMessage: Record<Locale, { title: string; body: string }> = {
  en: { title: 'Time for your check-in', body: 'How are you doing today? A minute to check in helps you and your peer worker see how things are going.' },
  es: { title: 'Es hora de tu registro', body: '¿Cómo te va hoy? Un minuto para registrarte les ayuda a ti y a tu acompañante a ver cómo van las cosas.' },
};

/** For the program's supervisors: someone signed themselves up and waits to be matched with a peer worker. */
export const joinedMessage: Record<Locale, (name: string) => { title: string; body: string }> = {
  en: (name) => ({ title: `${name} joined with the program's invite code`, body: 'Please match them with a peer worker.' }),
  es: (name) => ({ title: `${name} se unió con el código de invitación del programa`, body: 'Por favor, asígnale un acompañante.' }),
};
