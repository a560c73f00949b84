import { describe, expect, it } from 'vitest';
import { detectCrisisLanguage } from '../../src/shared/crisis/index.js';
import { crisisAlertReason, crisisQuote } from '../../src/server/modules/messaging/crisis-reason.js';
import { messagePreview } from '../../src/shared/schemas/messaging.js';

const quoteOf = (text: string) => crisisQuote(text, detectCrisisLanguage(text).matches[0]!);

describe('the quote in a crisis alert', () => {
  it('is the whole message when it is short', () => {
    expect(quoteOf('I want to die')).toBe('I want to die');
  });

  it('keeps a few words either side of the match, cut at word boundaries and marked where the message goes on', () => {
    const text = 'We had a long talk about the apartment and money and my sister, and honestly I want to die some nights, it is all too much to carry and I do not know who to tell about it.';
    const quote = quoteOf(text);
    expect(quote).toMatch(/^….*want to die.*…$/);
    expect(quote.length).toBeLessThan(100);
    // Whole words only.
    expect(text).toContain(quote.slice(1, -1));
    expect(text.split(' ')).toContain(quote.slice(1).split(' ')[0]);
  });

  it('reads as one line', () => {
    expect(quoteOf('tonight\n\nI want to die')).toBe('tonight I want to die');
  });
});

describe('the reason a crisis alert gives', () => {
  it('names the program’s date, the quote and the matched phrases', () => {
    const text = 'Quiero morir. I want to kill myself.';
    const { matches } = detectCrisisLanguage(text);
    // 03:00 UTC on 2 March is still 1 March in Chicago.
    const reason = crisisAlertReason(text, matches, new Date('2026-03-02T03:00:00Z'), 'America/Chicago');
    expect(reason).toMatch(/^Message on Mar 1, 2026 used crisis language: "Quiero morir\.[^"]*" \(matched "Quiero morir", "kill myself"\)\./);
  });
});

describe('message previews', () => {
  it('flattens blank space and clips long messages with an ellipsis', () => {
    expect(messagePreview('  hello\n\nthere  ')).toBe('hello there');
    const long = messagePreview('a '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('…')).toBe(true);
  });
});
