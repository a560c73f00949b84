import type { alertKinds } from '../../../shared/schemas/journey.js';
import type { Locale } from '../../../shared/schemas/tenancy.js';

type AlertKind = (typeof alertKinds)[number];

/**
 * Stored words about alerts (a follow-up task's title, a supervisor's notification), written in the
 * reader's language when they are made. The web app words alerts themselves from its catalogs.
 */
const kindWords: Record<Locale, Record<AlertKind, string>> = {
  en: {
    suicidality: 'a safety answer on a measure',
    reported_use: 'reported use',
    bam_risk: 'BAM risk factors',
    craving_high: 'a strong craving',
    craving_rising: 'a rising craving',
    missed_checkins: 'missed check-ins',
    no_contact: 'no recent contact',
    crisis_language: 'crisis words in a message',
    craving_help: 'asked for help with a craving',
  },
  es: {
    suicidality: 'una respuesta de seguridad en un cuestionario',
    reported_use: 'consumo informado',
    bam_risk: 'factores de riesgo del BAM',
    craving_high: 'ganas fuertes de consumir',
    craving_rising: 'ganas de consumir en aumento',
    missed_checkins: 'registros que faltan',
    no_contact: 'sin contacto reciente',
    crisis_language: 'palabras de crisis en un mensaje',
    craving_help: 'pidió ayuda con las ganas de consumir',
  },
};

export function followUpTitle(locale: Locale, name: string, kind: AlertKind): string {
  return locale === 'es' ? `Dar seguimiento a ${name}: ${kindWords.es[kind]}` : `Follow up with ${name}: ${kindWords.en[kind]}`;
}

export function escalatedMessage(locale: Locale, name: string, kind: AlertKind, minutes: number): { title: string; body: string } {
  return locale === 'es'
    ? {
        title: `Alerta urgente de ${name} sin confirmar`,
        body: `Se generó hace ${minutes} minutos (${kindWords.es[kind]}) y nadie la ha confirmado. Asegúrate de que alguien se comunique con esta persona ahora.`,
      }
    : {
        title: `Urgent alert for ${name} not yet acknowledged`,
        body: `Raised ${minutes} minutes ago (${kindWords.en[kind]}) and nobody has acknowledged it. Please make sure someone reaches out now.`,
      };
}
