import type { CrisisMatch } from '../../../shared/crisis/index.js';

/** Characters of context kept on each side of the matched words. */
const CONTEXT = 30;
/** Longest quote an alert carries: enough to know what was said, never the whole message. */
const MAX_QUOTE = 120;

/**
 * The words around the first match, as written, clipped at word boundaries and marked with "…"
 * where the message goes on. New lines become spaces so the quote reads as one line.
 */
export function crisisQuote(body: string, match: Pick<CrisisMatch, 'start' | 'end'>): string {
  let from = Math.max(0, match.start - CONTEXT);
  let to = Math.min(body.length, match.end + CONTEXT);
  if (from > 0) {
    const space = body.indexOf(' ', from);
    from = space !== -1 && space < match.start ? space + 1 : match.start;
  }
  if (to < body.length) {
    const space = body.lastIndexOf(' ', to);
    to = space >= match.end ? space : match.end;
  }
  let quote = body.slice(from, to).replace(/\s+/g, ' ').trim();
  if (quote.length > MAX_QUOTE) quote = `${quote.slice(0, MAX_QUOTE - 1).trimEnd()}…`;
  return `${from > 0 ? '…' : ''}${quote}${to < body.length && !quote.endsWith('…') ? '…' : ''}`;
}

/**
 * Plain words for the peer worker: when, a short quote, and which words were recognised. The date
 * is the program's calendar date.
 */
export function crisisAlertReason(body: string, matches: readonly CrisisMatch[], sentAt: Date, timeZone: string): string {
  const date = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone }).format(sentAt);
  // The matched words as written (list entries may carry wildcards: "quier* morir").
  const phrases = [...new Set(matches.map((m) => `"${body.slice(m.start, m.end).replace(/\s+/g, ' ')}"`))].join(', ');
  return `Message on ${date} used crisis language: "${crisisQuote(body, matches[0]!)}" (matched ${phrases}). Please reach out now and go through their safety plan together.`;
}
