import { contactTypes } from '../schemas/journey.js';

/** How a measure is summarised; it decides rounding, gap rules and which values are suppressible. */
export type MeasureKind = 'count' | 'rate' | 'mean' | 'median' | 'per_month';
export const measureDomains = ['access', 'engagement', 'recovery_capital', 'substance_use', 'mental_health', 'referrals', 'workforce'] as const;
export type MeasureDomain = (typeof measureDomains)[number];

export interface MeasureDefinition {
  id: string;
  domain: MeasureDomain;
  kind: MeasureKind;
  /** Lower is better (use, symptoms, days to contact): decides which way a gap is unfavourable. */
  lowerIsBetter?: boolean;
  label: { en: string; es: string };
  definition: { en: string; es: string };
}

const m = (
  id: string,
  domain: MeasureDomain,
  kind: MeasureKind,
  label: [string, string],
  definition: [string, string],
  lowerIsBetter = false,
): MeasureDefinition => ({ id, domain, kind, lowerIsBetter, label: { en: label[0], es: label[1] }, definition: { en: definition[0], es: definition[1] } });

const retention = (days: 30 | 90 | 180) =>
  m(
    `retention_${days}`,
    'access',
    'rate',
    [`Engaged at ${days} days`, `Con participación a los ${days} días`],
    [
      `Of people enrolled in the period whose day ${days} has passed, the share with any contact, check-in, group attendance or logged mutual-aid meeting in days ${days - 29}–${days} after enrolment.`,
      `De las personas inscritas en el periodo que ya pasaron su día ${days}, la proporción con algún contacto, registro diario, asistencia a grupo o reunión de ayuda mutua registrada entre los días ${days - 29} y ${days} tras inscribirse.`,
    ],
  );

const contactsOfType = (type: string) =>
  m(
    `contacts_per_month_${type}`,
    'engagement',
    'per_month',
    [`Contacts per participant-month: ${type.replace(/_/g, ' ')}`, `Contactos por participante-mes: ${type.replace(/_/g, ' ')}`],
    [
      `Contact notes of this type in the period, divided by participant-months enrolled in the period (days ÷ 30.44).`,
      `Notas de contacto de este tipo en el periodo, divididas por los participante-meses inscritos en el periodo (días ÷ 30,44).`,
    ],
  );

const pairMeasures = (key: 'barc10' | 'phq9' | 'gad7' | 'bam_use', name: string, lowerIsBetter: boolean) => [
  m(
    `${key}_mean_change`,
    key === 'barc10' ? 'recovery_capital' : key === 'bam_use' ? 'substance_use' : 'mental_health',
    'mean',
    [`${name}: mean change`, `${name}: cambio medio`],
    [
      `Latest score in the period minus the first score ever, averaged over people with both (paired). ${lowerIsBetter ? 'Negative is better.' : 'Positive is better.'}`,
      `Último puntaje del periodo menos el primero, promediado entre quienes tienen ambos (pareados). ${lowerIsBetter ? 'Negativo es mejor.' : 'Positivo es mejor.'}`,
    ],
    lowerIsBetter,
  ),
];

export const measureDefinitions: readonly MeasureDefinition[] = [
  m('enrolled', 'access', 'count', ['Enrolled', 'Inscripciones'], ['People whose enrolment date falls in the period.', 'Personas cuya fecha de inscripción cae en el periodo.']),
  m(
    'active',
    'access',
    'count',
    ['Active participants', 'Participantes activos'],
    [
      'People enrolled in the period with any contact, check-in, group attendance or logged mutual-aid meeting in it.',
      'Personas inscritas durante el periodo con algún contacto, registro diario, asistencia a grupo o reunión de ayuda mutua registrada en él.',
    ],
  ),
  retention(30),
  retention(90),
  retention(180),
  m(
    'days_to_first_contact',
    'access',
    'median',
    ['Days to first contact (median)', 'Días hasta el primer contacto (mediana)'],
    ['Of people enrolled in the period who have had a contact note, the median days from enrolment to the first one.', 'De las personas inscritas en el periodo con alguna nota de contacto, la mediana de días desde la inscripción hasta la primera.'],
    true,
  ),
  m(
    'contacts_per_month',
    'engagement',
    'per_month',
    ['Contacts per participant-month', 'Contactos por participante-mes'],
    ['All contact notes in the period, divided by participant-months enrolled in the period (days ÷ 30.44).', 'Todas las notas de contacto del periodo, divididas por los participante-meses inscritos (días ÷ 30,44).'],
  ),
  ...contactTypes.map(contactsOfType),
  m(
    'mutual_aid_meetings_per_month',
    'engagement',
    'per_month',
    ['Mutual-aid meetings per participant-month', 'Reuniones de ayuda mutua por participante-mes'],
    [
      'Mutual-aid meetings people logged as attended in the period (from the meeting finder), divided by participant-months enrolled in the period. Only meetings a person chose to log are counted.',
      'Reuniones de ayuda mutua que las personas registraron como asistidas en el periodo (desde el buscador de reuniones), divididas por los participante-meses inscritos. Solo cuentan las que cada persona eligió registrar.',
    ],
  ),
  m(
    'group_attendance_rate',
    'engagement',
    'rate',
    ['Group attendance rate', 'Tasa de asistencia a grupos'],
    ['Sessions attended ÷ sessions attended or missed (excused absences left out), for sessions in the period.', 'Sesiones asistidas ÷ sesiones asistidas o perdidas (sin contar ausencias justificadas), en el periodo.'],
  ),
  m(
    'checkin_regularity',
    'engagement',
    'rate',
    ['Regular check-ins', 'Registros diarios regulares'],
    ['Of people enrolled at least a week of the period, the share who checked in during at least half of their weeks (private check-ins count; none is shown).', 'De quienes estuvieron inscritos al menos una semana del periodo, la proporción que hizo su registro en al menos la mitad de sus semanas (cuentan los registros privados; ninguno se muestra).'],
  ),
  ...pairMeasures('barc10', 'BARC-10', false),
  m('barc10_share_improved', 'recovery_capital', 'rate', ['BARC-10: share improved', 'BARC-10: proporción que mejoró'], ['Of paired people, the share whose latest BARC-10 total is higher than their first.', 'De las personas pareadas, la proporción cuyo último total BARC-10 es mayor que el primero.']),
  m(
    'barc10_share_remission',
    'recovery_capital',
    'rate',
    ['BARC-10: at or above 47', 'BARC-10: 47 o más'],
    ['Of paired people, the share whose latest BARC-10 total is 47 or more, the score associated with sustained remission (Vilsaint et al. 2017).', 'De las personas pareadas, la proporción cuyo último total BARC-10 es 47 o más, el puntaje asociado a la remisión sostenida (Vilsaint et al. 2017).'],
  ),
  ...pairMeasures('bam_use', 'BAM use items', true),
  m('bam_use_share_improved', 'substance_use', 'rate', ['BAM use: share reduced', 'BAM consumo: proporción que redujo'], ['Of paired people, the share whose latest BAM use score (items 4–6) is lower than their first.', 'De las personas pareadas, la proporción cuyo último puntaje de consumo BAM (ítems 4–6) es menor que el primero.']),
  m(
    'checkin_use_baseline',
    'substance_use',
    'rate',
    ['Check-in reported use: first', 'Consumo en registros: primero'],
    [
      'Of people with two or more check-ins answering yes or no about use (the first ever, the latest in the period), the share whose first said yes. Paired with the next figure: the same people. Private check-ins count; none is shown.',
      'De las personas con dos o más registros que responden sí o no sobre el consumo (el primero, y el último del periodo), la proporción cuyo primero dijo sí. Pareado con la cifra siguiente: las mismas personas. Cuentan los registros privados; ninguno se muestra.',
    ],
    true,
  ),
  m(
    'checkin_use_latest',
    'substance_use',
    'rate',
    ['Check-in reported use: latest', 'Consumo en registros: último'],
    [
      'Of the same people, the share whose latest check-in in the period said yes to use since the one before.',
      'De las mismas personas, la proporción cuyo último registro del periodo dijo sí al consumo desde el anterior.',
    ],
    true,
  ),
  m(
    'checkin_use_stopped',
    'substance_use',
    'rate',
    ['Check-in reported use: yes at first, no at latest', 'Consumo en registros: sí al principio, no al final'],
    ['Of the same people, the share whose first check-in said yes and whose latest said no.', 'De las mismas personas, la proporción cuyo primer registro dijo sí y el último dijo no.'],
  ),
  m(
    'days_in_recovery_median',
    'substance_use',
    'median',
    ['Days in recovery at period end (median)', 'Días de recuperación al final del periodo (mediana)'],
    ['Of people who count days and set a start date, the median days from their latest start date to the end of the period.', 'De quienes cuentan días y fijaron una fecha de inicio, la mediana de días desde su última fecha de inicio hasta el fin del periodo.'],
  ),
  m(
    'days_in_recovery_90',
    'substance_use',
    'rate',
    ['Reached 90 days in recovery', 'Alcanzaron 90 días de recuperación'],
    ['Of people who count days and set a start date, the share at 90 days or more at the end of the period.', 'De quienes cuentan días y fijaron una fecha de inicio, la proporción con 90 días o más al final del periodo.'],
  ),
  ...pairMeasures('phq9', 'PHQ-9', true),
  m('phq9_share_band_down', 'mental_health', 'rate', ['PHQ-9: moved down a band', 'PHQ-9: bajó de nivel'], ['Of paired people, the share whose latest PHQ-9 falls in a less severe band than their first.', 'De las personas pareadas, la proporción cuyo último PHQ-9 cae en un nivel menos grave que el primero.']),
  ...pairMeasures('gad7', 'GAD-7', true),
  m('gad7_share_band_down', 'mental_health', 'rate', ['GAD-7: moved down a band', 'GAD-7: bajó de nivel'], ['Of paired people, the share whose latest GAD-7 falls in a less severe band than their first.', 'De las personas pareadas, la proporción cuyo último GAD-7 cae en un nivel menos grave que el primero.']),
  m('referrals_completed', 'referrals', 'count', ['Referrals completed', 'Derivaciones completadas'], ['Referrals closed in the period with the need met.', 'Derivaciones cerradas en el periodo con la necesidad cubierta.']),
  m(
    'referrals_met_share',
    'referrals',
    'rate',
    ['Referral needs met', 'Necesidades de derivación cubiertas'],
    ['Referrals completed ÷ referrals finished (completed or closed unmet) in the period.', 'Derivaciones completadas ÷ derivaciones terminadas (completadas o cerradas sin cubrir) en el periodo.'],
  ),
  m(
    'referral_days_median',
    'referrals',
    'median',
    ['Days to complete a referral (median)', 'Días para completar una derivación (mediana)'],
    ['For referrals completed in the period, the median days from creation to completion.', 'Para las derivaciones completadas en el periodo, la mediana de días desde su creación hasta completarse.'],
    true,
  ),
  m(
    'peer_worker_share',
    'workforce',
    'rate',
    ['Had a peer worker', 'Con trabajador/a de pares'],
    [
      'Of people enrolled at some time in the period, the share with a peer worker assigned at some time in it. (Caseloads, contacts per worker-week and alert handling describe workers and are in the workforce table, not split by participants’ groups; this figure and the next are their per-person side, which is.)',
      'De las personas inscritas en algún momento del periodo, la proporción con un/a trabajador/a de pares asignado/a en algún momento. (Las cargas de casos, contactos por semana y manejo de alertas describen a los trabajadores y están en la tabla de personal, sin dividir por grupos de participantes; esta cifra y la siguiente son su lado por persona, que sí se divide.)',
    ],
  ),
  m(
    'alerts_in_time_share',
    'workforce',
    'rate',
    ['Alerts about the person acknowledged in time', 'Alertas sobre la persona atendidas a tiempo'],
    [
      'Alerts raised in the period about people in the group that were acknowledged before they were due to escalate (the program’s rule, or 30 minutes) ÷ all alerts raised about them in the period.',
      'Alertas del periodo sobre personas del grupo atendidas antes de su escalamiento (la regla del programa, o 30 minutos) ÷ todas las alertas sobre ellas en el periodo.',
    ],
  ),
];

export const measureById = new Map(measureDefinitions.map((d) => [d.id, d]));
