import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KlarsprakOptions } from '../src/shared/klarsprak';
import { klarsprakHints, parseKlarsprakRules, parseKlarsprakRulesJson, sectionReport } from '../src/shared/klarsprak';

const rulesPath = join(__dirname, '../resources/klarsprak.json');
const rulesText = readFileSync(rulesPath, 'utf8');
const rules = parseKlarsprakRulesJson(rulesText);
const fixture = readFileSync(join(__dirname, 'fixtures/samrad-2026-06-09.txt'), 'utf8');
const fixtureLine = (start: string) => fixture.split('\n').find((l) => l.includes(start))!;

/** The text each hint of `rule` covers. */
function found(text: string, rule: string, options: KlarsprakOptions = {}): string[] {
  return klarsprakHints(text, rules, options)
    .filter((h) => h.rule === rule)
    .map((h) => text.slice(h.start, h.end));
}

/** Real Swedish sentences per rule id: each must give that rule's hint (positive) or not (negative). */
const EXAMPLES: Record<string, { positive: string[]; negative: string[]; options?: KlarsprakOptions }> = {
  'lang-mening': {
    positive: [fixtureLine('Den 9 juni 2026 bjöd'), fixtureLine('Det är generellt')],
    negative: ['Samrådet ägde rum i Regeringskansliets lokaler i Stockholm.', fixtureLine('Samrådet syftade till')],
  },
  'passiv-efter-hjalpverb': {
    positive: [
      fixtureLine('Bilden av utrikes födda'),
      'Åtgärderna ska genomföras under hösten.',
      'Synpunkterna bör beaktas i det fortsatta arbetet.',
      'Ansökan måste lämnas in senast den 1 maj.',
      'Rapporten kommer inte att publiceras före valet.',
    ],
    negative: [
      fixtureLine('Viktigt att det finns **lokala arenor'),
      'Det kan finnas behov av mer stöd till föreningarna.',
      'Ska vi ses efter samrådet?',
      'Vi hoppas att fler kan delta nästa år.',
      fixtureLine('Hela Sverige ska leva'),
      'Hur kan deras erfarenheter bli kända?',
    ],
  },
  'byrakratiska-ord': {
    positive: [
      fixtureLine('Samrådet ägde rum'),
      'Deltagarna erhöll underlaget i förväg.',
      'Organisationerna ombeds inkomma med synpunkter.',
      'Kansliet tillser att protokollet justeras.',
      'Det krävs ej någon anmälan.',
      'Mötet hölls i syfte att samla erfarenheter.',
    ],
    negative: [
      'Deltagarna fick underlaget i förväg.',
      'Organisationerna kan skicka synpunkter till departementet.',
      'Samrådets syfte var att samla erfarenheter.',
      'Alla kom in i rummet och tog emot underlaget.',
      fixtureLine('Samrådet inleddes av'),
    ],
  },
  forkortningar: {
    options: { abbreviations: true },
    positive: [fixtureLine('Av presentationen framgick bl.a.'), 'Vi diskuterade t.ex. valvakor, dvs. möten på valnatten.'],
    negative: ['Vi diskuterade bland annat valvakor, det vill säga möten på valnatten.', 'Mötet hölls i Blom.'],
  },
  snedstreck: {
    positive: ['Föreningen och/eller kommunen ansvarar för lokalen.', 'Den sökande ska ange om han/hon har rösträtt.'],
    negative: [
      'Föreningen, kommunen eller båda ansvarar för lokalen.',
      'Läs mer på https://www.regeringen.se/samrad/integration och i dnr A2026/01234.',
      'Hastigheten var 30 km/h och budgeten 2025/26 räckte.',
    ],
  },
};

describe('the rules file', () => {
  it('loads and validates, with every rule type and the abbreviation rule off', () => {
    expect(rules.rules.map((r) => r.type).sort()).toEqual(['abbreviations', 'longSentence', 'passive', 'phrases', 'slash']);
    expect(rules.rules.find((r) => r.type === 'abbreviations')?.enabled).toBe(false);
    expect(rules.rules.find((r) => r.type === 'longSentence')).toMatchObject({ maxWords: 30 });
    expect(rules.lix).toEqual({ medel: 40, svar: 50, mycketSvar: 60 });
  });

  it('has positive and negative examples for every rule in it', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(rules.rules.map((r) => r.id).sort());
  });

  it('refuses malformed rules with a message naming what is wrong', () => {
    const valid = JSON.parse(rulesText) as { rules: Record<string, unknown>[] };
    const edit = (f: (r: typeof valid) => void) => {
      const copy = structuredClone(valid);
      f(copy);
      return copy;
    };
    expect(() => parseKlarsprakRulesJson('{"format": "minnes/klarsprak", "rules": [')).toThrow(/^Klarspråksreglerna är inte giltig JSON: /);
    expect(() => parseKlarsprakRules([])).toThrow('Klarspråksreglerna är ogiltiga: de ska vara ett JSON-objekt.');
    expect(() => parseKlarsprakRules({ ...valid, format: 'minnes/template' })).toThrow(/fältet format/);
    expect(() => parseKlarsprakRules(edit((r) => (r.rules[0]!.maxWords = 'trettio')))).toThrow(
      /^Klarspråksreglerna är ogiltiga: fältet rules\[0\]\.maxWords: /,
    );
    expect(() => parseKlarsprakRules(edit((r) => (r.rules[0]!.type = 'okänd')))).toThrow(/fältet rules\[0\]\.type: okänd regeltyp/);
    expect(() => parseKlarsprakRules(edit((r) => (r.rules[1]!.id = r.rules[0]!.id)))).toThrow(/Regeln "lang-mening" finns redan/);
    expect(() => parseKlarsprakRules(edit((r) => (r.rules[1]!.severity = 'fel')))).toThrow(/fältet rules\[1\]\.severity/);
    expect(() => parseKlarsprakRules({ ...valid, lix: { medel: 50, svar: 40, mycketSvar: 60 } })).toThrow(/Gränserna ska stiga/);
    expect(() => parseKlarsprakRules({ ...valid, formatVersion: 2 })).toThrow(
      'fältet formatVersion: Reglerna kommer från en nyare version av Minnes.',
    );
  });

  it('is replaceable: another list gives other hints', () => {
    const own = parseKlarsprakRules({
      format: 'minnes/klarsprak',
      formatVersion: 1,
      rules: [
        {
          id: 'egna-ord',
          type: 'phrases',
          message: 'Undvik ”{found}”.',
          entries: [{ forms: ['medskick'], replacement: 'synpunkter', severity: 'varning' }],
        },
      ],
    });
    const text = fixtureLine('Efter gruppdiskussionerna lyfte');
    expect(klarsprakHints(text, own)).toEqual([
      {
        rule: 'egna-ord',
        severity: 'varning',
        start: text.indexOf('medskick'),
        end: text.indexOf('medskick') + 8,
        message: 'Undvik ”medskick”.',
        suggestion: 'Skriv hellre: synpunkter',
      },
    ]);
    expect(klarsprakHints(text, rules)).toEqual([]);
  });
});

describe('klarsprakHints', () => {
  for (const [rule, { positive, negative, options }] of Object.entries(EXAMPLES)) {
    it(`${rule}: finds what it should and nothing else`, () => {
      for (const text of positive) expect(found(text, rule, options), text).not.toEqual([]);
      for (const text of negative) expect(found(text, rule, options), text).toEqual([]);
    });
  }

  it('flags sentences over the length, which the caller may change', () => {
    const text =
      'Samrådet syftade till att fånga upp den kunskap och erfarenhet om arbetet med integration och mot utanförskap som finns inom det civila samhället.';
    const [hint] = klarsprakHints(text, rules, { maxSentenceWords: 20 }).filter((h) => h.rule === 'lang-mening');
    expect(hint).toMatchObject({
      severity: 'varning',
      start: 0,
      end: text.length,
      message: 'Lång mening: 23 ord. Sikta på högst 20 ord per mening.',
    });
  });

  it('suggests the active form, with the agent when the sentence names one', () => {
    const suggestions = (text: string) =>
      klarsprakHints(text, rules).flatMap((h) => (h.rule === 'passiv-efter-hjalpverb' ? [h.suggestion] : []));
    expect(suggestions('Åtgärderna ska genomföras under hösten.')).toEqual(['Skriv vem som ska göra det: ”X ska genomföra …”']);
    expect(suggestions('Ansökan måste lämnas in senast den 1 maj.')).toEqual(['Skriv vem som ska göra det: ”X måste lämna in …”']);
    expect(suggestions('Beslutet ska tas av styrelsen i mars.')).toEqual(['Skriv vem som ska göra det: ”Styrelsen ska ta …”']);
    expect(suggestions('Rapporten kommer inte att publiceras av oss.')).toEqual([
      'Skriv vem som ska göra det: ”Vi kommer inte att publicera …”',
    ]);
    expect(found('Synpunkterna bör beaktas.', 'passiv-efter-hjalpverb')).toEqual(['bör beaktas']);
  });

  it('matches listed words whole, in any case and inflection, with the plain word as suggestion', () => {
    const text = 'Erhåller deltagarna ersättning? De erhöll den i fjol och har erhållit den i år. Erhållandet av bidraget ägde rum i maj.';
    expect(found(text, 'byrakratiska-ord')).toEqual(['Erhåller', 'erhöll', 'erhållit', 'ägde rum']);
    const [first] = klarsprakHints(text, rules);
    expect(first).toMatchObject({ message: '”Erhåller” är krångligt myndighetsspråk.', suggestion: 'Skriv hellre: få' });
    expect(found('Svaren inkom med posten.', 'byrakratiska-ord')).toEqual(['inkom med']);
    expect(found(fixtureLine('När man talar om gruppen'), 'byrakratiska-ord')).toEqual(['samt']);
  });

  it('leaves abbreviations alone by default (the house style writes "bl.a.") and flags them with the flag', () => {
    const text = fixtureLine('**Många goda exempel**');
    expect(found(text, 'forkortningar')).toEqual([]);
    expect(found(text, 'forkortningar', { abbreviations: false })).toEqual([]);
    expect(found(text, 'forkortningar', { abbreviations: true })).toEqual(['bl.a.', 'm.m.']);
    expect(klarsprakHints(text, rules, { abbreviations: true })[0]).toMatchObject({ suggestion: 'Skriv ut: bland annat' });
    expect(found('Det gäller fr.o.m. i dag t.o.m. fredag.', 'forkortningar', { abbreviations: true })).toEqual(['fr.o.m.', 't.o.m.']);
  });

  it('suggests what to write instead of a slash', () => {
    const [hint] = klarsprakHints('Han/hon ska ange sin adress.', rules).filter((h) => h.rule === 'snedstreck');
    expect(hint).toMatchObject({ start: 0, end: 7, message: 'Snedstreck: ”Han/hon” kan läsas på flera sätt.' });
    expect(hint?.suggestion).toMatch(/hen/);
    expect(klarsprakHints('Ta med penna/papper.', rules)[0]?.suggestion).toBe(
      'Skriv ut vad du menar: ”penna eller papper” eller ”penna och papper”.',
    );
  });

  it('gives hints in text order, with offsets into the text', () => {
    const hints = klarsprakHints(fixture, rules, { abbreviations: true });
    expect(hints.map((h) => h.start)).toEqual([...hints.map((h) => h.start)].sort((a, b) => a - b));
    expect(hints.map((h) => `${h.rule}: ${fixture.slice(h.start, h.end).slice(0, 20)}`)).toEqual([
      'lang-mening: Den 9 juni 2026 bjöd',
      'byrakratiska-ord: ägde rum',
      'forkortningar: bl.a.',
      'byrakratiska-ord: samt',
      'forkortningar: bl.a.',
      'lang-mening: Det är generellt **i',
      'passiv-efter-hjalpverb: behöver nyanseras',
      'byrakratiska-ord: samt',
      'forkortningar: bl.a.',
      'forkortningar: bl.a.',
      'forkortningar: m.m.',
    ]);
  });
});

describe('the English words', () => {
  const names = (s: string | undefined) => [...(s ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('every shipped rule has them, with the same placeholders as the Swedish', () => {
    for (const rule of rules.rules) {
      expect(rule.en, rule.id).toBeDefined();
      expect(names(rule.en?.message), rule.id).toEqual(names(rule.message));
      expect(names(rule.en?.suggestion), rule.id).toEqual(names(rule.suggestion));
      if (rule.type === 'slash') for (const pair of rule.special) expect(pair.en?.suggestion, pair.pair).toBeDefined();
    }
  });

  it('come with each hint, filled in like the Swedish; the quoted and suggested words stay Swedish', () => {
    const [long] = klarsprakHints(fixtureLine('Den 9 juni 2026 bjöd'), rules);
    expect(long?.en?.message).toMatch(/^Long sentence: \d+ words\. Aim for at most 30 words per sentence\.$/);
    const [word] = klarsprakHints('Deltagarna erhöll underlaget.', rules);
    expect(word).toMatchObject({
      message: '”erhöll” är krångligt myndighetsspråk.',
      en: { message: '“erhöll” is bureaucratic language.', suggestion: 'Write instead: få' },
    });
    const [passive] = klarsprakHints('Beslutet ska tas av styrelsen i mars.', rules).filter((h) => h.rule === 'passiv-efter-hjalpverb');
    expect(passive?.en).toEqual({
      message: 'Passive voice: “ska tas” does not say who is to do it.',
      suggestion: 'Say who is to do it: “Styrelsen ska ta …”',
    });
    const [slash] = klarsprakHints('Ta med penna/papper.', rules);
    expect(slash?.en?.suggestion).toBe('Write out what you mean: “penna eller papper” or “penna och papper”.');
    const [pair] = klarsprakHints('Han/hon ska ange sin adress.', rules).filter((h) => h.rule === 'snedstreck');
    expect(pair?.en?.suggestion).toMatch(/^Write “hen”, “han eller hon” or rephrase/);
  });

  it('are optional: a rule without them gives Swedish only, and a pair without them no English suggestion', () => {
    const own = parseKlarsprakRules({
      format: 'minnes/klarsprak',
      formatVersion: 1,
      rules: [
        {
          id: 'snedstreck',
          type: 'slash',
          message: 'Snedstreck: ”{found}”.',
          suggestion: 'Skriv ut: {left} eller {right}.',
          en: { message: 'Slash: “{found}”.', suggestion: 'Write out: {left} eller {right}.' },
          special: [{ pair: 'han/hon', suggestion: 'Skriv ”hen”.' }],
        },
        { id: 'ord', type: 'phrases', message: 'Undvik ”{found}”.', entries: [{ forms: ['medskick'], replacement: 'synpunkter' }] },
      ],
    });
    expect(klarsprakHints('Han/hon och a/b.', own).map((h) => h.en)).toEqual([
      { message: 'Slash: “Han/hon”.' },
      { message: 'Slash: “a/b”.', suggestion: 'Write out: a eller b.' },
    ]);
    expect(klarsprakHints('Ett medskick.', own)[0]).not.toHaveProperty('en');
    expect(() => parseKlarsprakRules({ ...own, rules: [{ ...own.rules[1], en: { suggestion: 'Write instead' } }] })).toThrow(
      /fältet rules\[0\]\.en\.message/,
    );
  });
});

describe('sectionReport', () => {
  it('gives LIX (one decimal), level and hints for a section', () => {
    const text = 'Samrådet ägde rum i Stockholm. Av presentationen framgick bl.a. att skillnaderna har ökat över tid.';
    expect(sectionReport(text, rules)).toEqual({
      words: 15,
      sentences: 2,
      longWords: 5,
      lix: 40.8,
      level: 'medel',
      hard: false,
      hints: [expect.objectContaining({ rule: 'byrakratiska-ord', start: 9, end: 17 })],
    });
    expect(sectionReport(fixture, rules)).toMatchObject({ level: 'svår', hard: true });
    expect(sectionReport('', rules)).toEqual({ words: 0, sentences: 0, longWords: 0, lix: 0, level: 'lätt', hard: false, hints: [] });
  });
});

describe('the klarspråk code', () => {
  it('is plain: no DOM, no electron, no renderer or main imports', () => {
    const dir = join(__dirname, '../src/shared/klarsprak');
    for (const f of readdirSync(dir)) {
      const src = readFileSync(join(dir, f), 'utf8');
      const imports = [...src.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect(
        imports.every((i) => i === 'zod' || /^\.\/[a-z-]+$/.test(i ?? '')),
        f,
      ).toBe(true);
      expect(src, f).not.toMatch(/\b(document|window|navigator)\./);
    }
  });
});
