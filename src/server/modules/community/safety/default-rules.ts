import type { SafetyRules } from '../../../../shared/schemas/community.js';

/**
 * The safety rules every organization starts with (version 0). An organization's own versions are
 * rows in community_rule_sets. Patterns are matched against the text lower-cased with accents
 * removed, so Spanish patterns are written without accents. Each has a table of what it catches and
 * what it lets through in test/api/community-safety-rules.test.ts.
 */
export const defaultSafetyRules: SafetyRules = {
  newAccountDays: 14,
  linkMinAccountDays: 7,
  postsPerHourNew: 5,
  postsPerHour: 30,
  // Crisis, help and meeting lines people may always share: 988, 911, 211, SAMHSA's helpline, Crisis Text Line.
  publicLines: ['988', '911', '211', '18006624357', '8006624357', '741741'],
  patterns: [
    {
      key: 'contact.phone',
      kind: 'contact',
      pattern: String.raw`(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b|\b\d{3}[\s.-]\d{4}\b`,
      // A meeting's or a helpline's public number is fine to share.
      allowNear: String.raw`\b(meeting|meetings|hotline|helpline|help line|intergroup|central office|crisis line|phone meeting|call-in|reunion|reuniones|linea de ayuda|oficina central|linea de crisis|linea de la reunion)\b`,
    },
    { key: 'contact.email', kind: 'contact', pattern: String.raw`[a-z0-9._%+-]+\s?(?:@|\(at\)|\[at\])\s?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}` },
    {
      key: 'contact.handle',
      kind: 'contact',
      pattern: String.raw`(?:^|\s)@[a-z0-9_.]{3,}|\b(snap|snapchat|insta|instagram|ig|telegram|whatsapp|kik|discord|signal|tiktok|facebook|fb)\b\s*(?:(?:is|es|at|en|name is)\s*:?|:|-)\s*@?[a-z0-9_.]{3,}|\b(snap|snapchat|insta|instagram|ig|telegram|whatsapp|kik|discord|signal|tiktok|facebook|fb)\s+@[a-z0-9_.]{3,}|\badd me on\b|\bagregame en\b|\bbuscame en\b`,
    },
    {
      key: 'contact.dm',
      kind: 'contact',
      pattern: String.raw`\b(dm me|pm me|message me privately|inbox me|text me|hit me up|private message me|message me on|escribeme al privado|mandame (un )?mensaje|mensaje privado|por privado|escribeme por|textea?me)\b`,
    },
    {
      key: 'contact.meet',
      kind: 'contact',
      pattern: String.raw`\b(meet me|let'?s meet up|lets meet|meet up (with me|alone)|come over to my|come to my place|my place tonight|just the two of us|hang out alone|nos vemos en (mi|tu) casa|vente a mi casa|ven a mi casa|veamonos a solas|quedamos a solas|nos vemos a solas)\b`,
    },
    {
      key: 'dealing.offer',
      kind: 'dealing',
      pattern: String.raw`\b(selling|i can get you|hook (you|u) up|plug for|have (some )?(extra|spare)|got (some )?(extra|spare)|for sale|dm for prices|cheap (pills|percs|xans|bars|subs|oxy|blues)|anyone (need|want) (pills|percs|xans|bars|subs|oxy|blues|suboxone|strips)|vendo|te consigo|tengo (pastillas|perc|xanax|suboxone|de sobra)|(pastillas|perc|xanax|suboxone) a buen precio|quien quiere (pastillas|perc|xanax|suboxone))\b`,
    },
    {
      key: 'brokering.recruiting',
      kind: 'brokering',
      pattern: String.raw`\b(free rent|free housing|rent free|free sober living|free bed|we pay (for )?(your )?(flight|travel|plane ticket|bus ticket)|we cover (your )?(travel|flight)|paid placement|get paid to (bring|refer)|referral bonus|insurance pays (for )?everything|beds? available.{0,40}(call|text|dm)|renta gratis|vivienda gratis|cuarto gratis|casa gratis|te pagamos el (vuelo|viaje|boleto)|pagamos tu (vuelo|viaje|boleto)|el seguro paga todo|te pagan por (traer|referir))\b`,
    },
  ],
};

/** A link anywhere in the text: held when the writer's account is young. */
export const linkPattern = /\bhttps?:\/\/\S+|\bwww\.\S+|\b[a-z0-9-]+\.(com|net|org|io|me|ly|gg|co|app|info|biz)(\/\S*)?\b/iu;
