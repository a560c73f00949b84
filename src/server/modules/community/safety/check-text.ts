import { detectCrisisLanguage, type CrisisMatch } from '../../../../shared/crisis/index.js';
import type { SafetyRules } from '../../../../shared/schemas/community.js';
import { linkPattern } from './default-rules.js';

export interface RuleHit {
  key: string;
  kind: 'contact' | 'dealing' | 'brokering' | 'link';
  start: number;
  end: number;
}

export interface TextCheck {
  crisis: CrisisMatch[];
  hits: RuleHit[];
}

/** Lower case, accents removed, same length as the text so spans map back to what was written. */
function fold(text: string): string {
  return [...text].map((ch) => ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().slice(0, ch.length).padEnd(ch.length, ' ')).join('');
}

const digitsOf = (s: string) => s.replace(/\D/g, '');
const NEAR = 80;

/**
 * Runs the organization's rules over a text: the crisis detector (English and Spanish, with its
 * negation handling) and every pattern. A hit whose surroundings match its `allowNear` is let
 * through, and so is a number on the public lines list.
 */
export function checkText(text: string, rules: SafetyRules): TextCheck {
  const folded = fold(text);
  const hits: RuleHit[] = [];
  for (const rule of rules.patterns) {
    let re: RegExp;
    try {
      re = new RegExp(rule.pattern, 'giu');
    } catch {
      continue;
    }
    const allow = rule.allowNear ? safeRegExp(rule.allowNear) : null;
    for (const m of folded.matchAll(re)) {
      const start = m.index + (m[0].length - m[0].trimStart().length);
      const end = m.index + m[0].length;
      if (rule.key === 'contact.phone' && rules.publicLines.includes(digitsOf(m[0]))) continue;
      if (allow) {
        const around = folded.slice(Math.max(0, start - NEAR), Math.min(folded.length, end + NEAR));
        if (allow.test(around)) continue;
      }
      hits.push({ key: rule.key, kind: rule.kind, start, end });
    }
  }
  const link = linkPattern.exec(folded);
  if (link && !hits.some((h) => h.kind === 'contact' && h.start <= link.index && h.end >= link.index)) {
    hits.push({ key: 'link.new_account', kind: 'link', start: link.index, end: link.index + link[0].length });
  }
  const crisis = detectCrisisLanguage(text).matches;
  return { crisis, hits };
}

function safeRegExp(source: string): RegExp | null {
  try {
    return new RegExp(source, 'iu');
  } catch {
    return null;
  }
}

export interface Writer {
  accountAgeDays: number;
}

/**
 * Which hits hold the text for review. Contact details and invitations are held when the writer or
 * the person they answer is new; dealing and brokering always; links when the writer's account is
 * younger than the configured age.
 */
export function holdingRules(check: TextCheck, rules: SafetyRules, writer: Writer, target: Writer | null): string[] {
  const writerNew = writer.accountAgeDays < rules.newAccountDays;
  const targetNew = target ? target.accountAgeDays < rules.newAccountDays : false;
  const held = new Set<string>();
  for (const hit of check.hits) {
    if (hit.kind === 'dealing' || hit.kind === 'brokering') held.add(hit.key);
    else if (hit.kind === 'contact' && (writerNew || targetNew)) held.add(hit.key);
    else if (hit.kind === 'link' && writer.accountAgeDays < rules.linkMinAccountDays) held.add(hit.key);
  }
  return [...held];
}

/** The text with contact details taken out, for a moderator's "edit out contact details". */
export function redactContacts(text: string, rules: SafetyRules, replacement = '[contact removed]'): string {
  const spans = checkText(text, rules)
    .hits.filter((h) => h.kind === 'contact' && h.key !== 'contact.meet' && h.key !== 'contact.dm')
    .sort((a, b) => b.start - a.start);
  let out = text;
  let lastStart = Infinity;
  for (const s of spans) {
    if (s.end > lastStart) continue;
    out = out.slice(0, s.start) + replacement + out.slice(s.end);
    lastStart = s.start;
  }
  return out;
}
