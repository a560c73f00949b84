import { describe, expect, it } from 'vitest';
import { checkText, holdingRules, redactContacts } from '../../src/server/modules/community/safety/check-text.js';
import { defaultSafetyRules as rules } from '../../src/server/modules/community/safety/default-rules.js';

const newWriter = { accountAgeDays: 1 };
const established = { accountAgeDays: 400 };
const held = (text: string, writer = newWriter, target: { accountAgeDays: number } | null = null) => holdingRules(checkText(text, rules), rules, writer, target);

// Each rule: what it catches and what it must let through, in English and Spanish.
const table: Array<{ rule: string; catches: string[]; letsThrough: string[] }> = [
  {
    rule: 'contact.phone',
    catches: ['Call me at 555-010-0199 anytime', 'text me 555 010 0199', 'Llámame al (555) 010-0199 cuando quieras'],
    letsThrough: [
      'The Tuesday night meeting phone line is 555-010-0199, anyone can call in',
      'La línea de la reunión del martes es 555-010-0199',
      'If it gets bad, call 988 or the SAMHSA helpline 1-800-662-4357',
      'I got my 30 day chip on 2024-11-26',
    ],
  },
  {
    rule: 'contact.email',
    catches: ['write to me at sober.sam@example.com', 'mi correo es pat (at) example.com'],
    letsThrough: ['I emailed my sponsor last night and felt better', 'Le escribí un correo a mi madrina'],
  },
  {
    rule: 'contact.handle',
    catches: ['add me on snap: sobersam22', 'find me @soberlife_99', 'mi insta es @recupera_me'],
    letsThrough: ['I deleted Instagram for a month and it helped', 'Dejé las redes sociales un tiempo'],
  },
  {
    rule: 'contact.dm',
    catches: ['DM me and we can talk', 'Escríbeme al privado', 'mándame un mensaje'],
    letsThrough: ['My sponsor told me to message the group chat when cravings hit', 'Hablé con mi grupo y me ayudó'],
  },
  {
    rule: 'contact.meet',
    catches: ["Let's meet up, just the two of us", 'Vente a mi casa esta noche'],
    letsThrough: ['I went to a meeting and met my sponsor there', 'Nos vemos en la reunión del jueves'],
  },
  {
    rule: 'dealing.offer',
    catches: ['I have some extra percs if anyone wants', 'anyone need subs? cheap', 'Vendo pastillas', 'tengo xanax de sobra'],
    letsThrough: [
      'When I was using I bought pills every day, I would do anything to get more',
      'Cuando consumía compraba pastillas todos los días',
      'We admitted we were powerless over alcohol, that our lives had become unmanageable.',
      'Rarely have we seen a person fail who has thoroughly followed our path.',
    ],
  },
  {
    rule: 'brokering.recruiting',
    catches: ['Free rent at our sober living, we pay your flight!', 'Renta gratis y te pagamos el vuelo', 'insurance pays for everything, referral bonus for friends'],
    letsThrough: ['My sober living house helped me save for my own place', 'Pagué la renta de mi cuarto con mi primer sueldo'],
  },
];

describe('community safety rules', () => {
  for (const row of table) {
    describe(row.rule, () => {
      for (const text of row.catches) {
        it(`catches: ${text}`, () => {
          expect(held(text)).toContain(row.rule);
        });
      }
      for (const text of row.letsThrough) {
        it(`lets through: ${text}`, () => {
          expect(held(text)).toEqual([]);
        });
      }
    });
  }

  it('holds contact details only when the writer or the person answered is new', () => {
    expect(held('Call me at 555-010-0199', established, established)).toEqual([]);
    expect(held('Call me at 555-010-0199', established, newWriter)).toEqual(['contact.phone']);
    expect(held('Call me at 555-010-0199', newWriter, established)).toEqual(['contact.phone']);
  });

  it('always holds dealing and brokering, whoever writes', () => {
    expect(held('Vendo pastillas', established)).toEqual(['dealing.offer']);
    expect(held('Free rent, we pay your flight', established)).toEqual(['brokering.recruiting']);
  });

  it('holds links from young accounts only', () => {
    expect(held('This helped me: https://example.org/recovery', newWriter)).toEqual(['link.new_account']);
    expect(held('This helped me: https://example.org/recovery', established)).toEqual([]);
  });

  it('finds crisis language in English and Spanish, and leaves negated or idiomatic words alone', () => {
    expect(checkText('I want to die tonight', rules).crisis.length).toBeGreaterThan(0);
    expect(checkText('Ya no quiero vivir', rules).crisis.length).toBeGreaterThan(0);
    expect(checkText("I'm not going to hurt myself, I promise", rules).crisis).toEqual([]);
    expect(checkText('I need to cut myself some slack this week', rules).crisis).toEqual([]);
  });

  it('takes out contact details and keeps the rest of the words', () => {
    expect(redactContacts('Great share! Call me at 555-010-0199 or write sam@example.com', rules)).toBe(
      'Great share! Call me at [contact removed] or write [contact removed]',
    );
  });
});
