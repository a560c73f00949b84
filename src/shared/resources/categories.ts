/**
 * The needs a peer worker helps with, as search categories. Imported HSDS services are placed in
 * them from their taxonomy terms (our own Peerpath terms exactly, others by the words they use)
 * and, when no term says, from the service's name. Labels shown to people live in the web catalogs.
 */
export const resourceCategories = [
  'housing',
  'food',
  'employment',
  'health_care',
  'mat',
  'treatment',
  'mental_health',
  'recovery_support',
  'harm_reduction',
  'legal',
  'id_documents',
  'transportation',
  'childcare',
  'reentry',
  'education',
  'benefits',
] as const;
export type ResourceCategory = (typeof resourceCategories)[number];

/** Term names in the exported data (HSDS data is one language; the app words categories from its catalogs). */
export const categoryTermNames: Record<ResourceCategory, string> = {
  housing: 'Housing',
  food: 'Food',
  employment: 'Employment',
  health_care: 'Health care',
  mat: 'Medication for addiction treatment',
  treatment: 'Substance use treatment',
  mental_health: 'Mental health',
  recovery_support: 'Recovery support',
  harm_reduction: 'Harm reduction',
  legal: 'Legal help',
  id_documents: 'ID documents',
  transportation: 'Transportation',
  childcare: 'Childcare',
  reentry: 'Reentry',
  education: 'Education',
  benefits: 'Benefits',
};

/** Our own HSDS taxonomy: exported with every service, so a round trip keeps categories exactly. */
export const PEERPATH_TAXONOMY = { name: 'Peerpath resource categories', uri: 'https://peerpath.org/hsds/categories', version: '1' } as const;
export const peerpathTermCode = (c: ResourceCategory) => `peerpath:${c}`;

/**
 * Words that place a service in a category, English and Spanish, matched whole-word on text with
 * accents removed and lower-cased. `id_documents` also matches a capitalised "ID" (see below).
 */
const words: Record<ResourceCategory, string[]> = {
  housing: ['housing', 'shelter', 'homeless', 'homelessness', 'eviction', 'rent assistance', 'rental assistance', 'sober living', 'recovery residence', 'recovery housing', 'transitional living', 'halfway house', 'vivienda', 'albergue', 'refugio', 'alojamiento', 'desalojo'],
  food: ['food', 'meal', 'meals', 'pantry', 'food bank', 'soup kitchen', 'groceries', 'comida', 'alimentos', 'despensa', 'comedor', 'banco de alimentos'],
  employment: ['employment', 'job', 'jobs', 'career', 'careers', 'workforce', 'resume', 'hiring', 'job training', 'empleo', 'trabajo', 'bolsa de trabajo'],
  health_care: ['health care', 'healthcare', 'clinic', 'medical', 'primary care', 'dental', 'hospital', 'doctor', 'pharmacy', 'clinica', 'atencion medica', 'salud'],
  mat: ['medication for addiction treatment', 'medication assisted treatment', 'medication-assisted treatment', 'medications for opioid use disorder', 'mat', 'moud', 'buprenorphine', 'suboxone', 'methadone', 'naltrexone', 'vivitrol', 'opioid treatment program', 'buprenorfina', 'metadona', 'naltrexona'],
  treatment: ['substance use treatment', 'addiction treatment', 'detox', 'detoxification', 'withdrawal management', 'rehab', 'rehabilitation', 'inpatient treatment', 'outpatient treatment', 'residential treatment', 'substance use disorder', 'desintoxicacion', 'tratamiento de adicciones'],
  mental_health: ['mental health', 'counseling', 'counselling', 'therapy', 'therapist', 'psychiatric', 'psychiatry', 'depression', 'anxiety', 'salud mental', 'terapia', 'consejeria', 'psicologia', 'psicologo'],
  recovery_support: ['recovery community', 'recovery support', 'peer support', 'recovery coach', 'recovery coaching', 'mutual aid', 'smart recovery', '12-step', 'twelve step', 'recovery meeting', 'recuperacion', 'apoyo entre pares'],
  harm_reduction: ['harm reduction', 'naloxone', 'narcan', 'syringe', 'syringes', 'needle exchange', 'syringe services', 'fentanyl test strips', 'reduccion de danos', 'naloxona', 'jeringas'],
  legal: ['legal', 'legal aid', 'lawyer', 'attorney', 'court', 'expungement', 'record sealing', 'public defender', 'asesoria legal', 'abogado', 'abogada', 'tribunal'],
  id_documents: ['identification', 'birth certificate', "driver's license", 'drivers license', 'state id', 'photo id', 'id card', 'social security card', 'vital records', 'identificacion', 'acta de nacimiento', 'licencia de conducir'],
  transportation: ['transportation', 'transit', 'bus pass', 'bus passes', 'ride', 'rides', 'shuttle', 'gas voucher', 'transporte', 'autobus', 'pasaje'],
  childcare: ['child care', 'childcare', 'daycare', 'day care', 'preschool', 'head start', 'guarderia', 'cuidado infantil', 'cuidado de ninos'],
  reentry: ['reentry', 're-entry', 'returning citizens', 'formerly incarcerated', 'justice-involved', 'justice involved', 'parole', 'probation', 'reinsercion', 'reingreso', 'libertad condicional'],
  education: ['education', 'ged', 'adult education', 'literacy', 'tutoring', 'esl', 'college', 'educacion', 'escuela', 'alfabetizacion'],
  benefits: ['benefits', 'snap', 'medicaid', 'food stamps', 'ssi', 'ssdi', 'tanf', 'wic', 'public assistance', 'insurance enrollment', 'beneficios', 'cupones de alimentos', 'asistencia publica'],
};

/** Codes of well-known taxonomies (AIRS/211) by prefix. */
const codePrefixes: Array<[RegExp, ResourceCategory]> = [
  [/^BD/i, 'food'],
  [/^BH/i, 'housing'],
  [/^BT/i, 'transportation'],
  [/^ND/i, 'employment'],
  [/^FT/i, 'legal'],
];

export const foldText = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns = Object.fromEntries(
  resourceCategories.map((c) => [c, new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${words[c].map(escape).join('|')})(?=$|[^\\p{L}\\p{N}])`, 'u')]),
) as Record<ResourceCategory, RegExp>;

/** Categories whose words appear in the text. */
export function categoriesInText(text: string): ResourceCategory[] {
  const folded = foldText(text);
  const found = resourceCategories.filter((c) => patterns[c].test(folded));
  // "ID" in capitals is an identity document; "id" in lower case is too common a word to trust.
  if (!found.includes('id_documents') && /(?:^|\W)IDs?(?=$|\W)/.test(text)) found.push('id_documents');
  return found;
}

export interface TermLike {
  code?: unknown;
  name?: unknown;
  description?: unknown;
}

/** A service's categories: our own terms exactly; otherwise what its terms say, or failing that its name. */
export function categorizeService(input: { terms: TermLike[]; name: string; alternateName?: string | null; description?: string | null }): ResourceCategory[] {
  const own = input.terms
    .map((t) => (typeof t.code === 'string' && t.code.startsWith('peerpath:') ? t.code.slice('peerpath:'.length) : null))
    .filter((c): c is ResourceCategory => (resourceCategories as readonly string[]).includes(c ?? ''));
  if (own.length > 0) return [...new Set(own)].sort(byOrder);
  const found = new Set<ResourceCategory>();
  for (const term of input.terms) {
    if (typeof term.code === 'string') for (const [re, c] of codePrefixes) if (re.test(term.code)) found.add(c);
    if (typeof term.name === 'string') categoriesInText(term.name).forEach((c) => found.add(c));
  }
  if (found.size === 0) categoriesInText(`${input.name} ${input.alternateName ?? ''}`).forEach((c) => found.add(c));
  if (found.size === 0 && input.description) categoriesInText(input.description).forEach((c) => found.add(c));
  return [...found].sort(byOrder);
}

function byOrder(a: ResourceCategory, b: ResourceCategory): number {
  return resourceCategories.indexOf(a) - resourceCategories.indexOf(b);
}

/** Extra words indexed with a service so a search in either language finds its categories. */
export const categorySearchWords: Record<ResourceCategory, string> = {
  housing: 'housing shelter vivienda albergue',
  food: 'food meals comida alimentos',
  employment: 'employment jobs empleo trabajo',
  health_care: 'health care clinic salud clínica',
  mat: 'medication addiction treatment buprenorphine methadone medicamentos tratamiento adicción',
  treatment: 'substance use treatment detox tratamiento adicciones',
  mental_health: 'mental health counseling salud mental terapia',
  recovery_support: 'recovery peer support recuperación apoyo',
  harm_reduction: 'harm reduction naloxone reducción daños naloxona',
  legal: 'legal aid lawyer ayuda legal abogado',
  id_documents: 'identification documents ID identificación documentos',
  transportation: 'transportation bus transporte autobús',
  childcare: 'childcare child care guardería cuidado infantil',
  reentry: 'reentry reinserción reingreso',
  education: 'education classes educación clases',
  benefits: 'benefits beneficios asistencia',
};
