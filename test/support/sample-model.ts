import type { Block, ListBlock, ListItem, MinutesDocument, Run } from '../../src/shared/document-model';
import { DEFAULT_HOUSE_STYLE } from '../../src/shared/house-style';

/**
 * Document models built by hand for the writer tests: (a) the reference minutes of 9 June 2026
 * (/work/shared/fixtures/samrad-2026-06-09.txt), (b) a document with every kind of block.
 */

/** Runs from a line with **bold** and *italic* marks, as the reference text writes them. */
export function runs(marked: string): Run[] {
  return marked
    .split(/(\*\*[^*]+\*\*|\*[^*]+\*)/)
    .filter(Boolean)
    .map((part): Run => {
      if (part.startsWith('**')) return { type: 'text', text: part.slice(2, -2), bold: true };
      if (part.startsWith('*')) return { type: 'text', text: part.slice(1, -1), italic: true };
      return { type: 'text', text: part };
    });
}

const p = (marked: string): Block => ({ type: 'paragraph', runs: runs(marked) });
const item = (marked: string, children: ListBlock[] = []): ListItem => ({ runs: runs(marked), children });
const bullets = (lines: string[]): ListBlock => ({ type: 'list', ordered: false, items: lines.map((l) => item(l)) });

export const SEED_TITLE = 'Minnesanteckningar från samråd mellan civilsamhället och Arbetsmarknadsdepartementet den 9 juni 2026';

export const SEED_ORGANISATIONS = [
  'Hej Främling',
  'Hela Sverige ska leva',
  'Kompis Sverige',
  'Skoopi',
  'Sveriges Kommuner och Regioner',
  'Studieförbunden i samverkan',
  'Sveriges kristna råd',
  'Sveriges stadsmissioner',
];

export const SEED_QUESTIONS = [
  'Vilka är civilsamhällets viktigaste lärdomar gällande demokratistärkande insatser för utrikes födda?',
  'På vilket sätt kan din organisation bidra till att utrikes föddas deltagande i och mellan valen kan öka?',
  'Hur kan civilsamhället och det offentliga tillsammans arbeta för att främja demokratisk integration?',
];

export const SEED_TAKEAWAYS = [
  '**Långsiktighet** är viktigt för att stärka det demokratiska deltagandet mellan valen. Det finns en projekttrötthet och det är svårt att bedriva långsiktig verksamhet med projektfinansiering.',
  'Det behövs **löpande insatser** under året och inte bara en kort tid innan valen.',
  '**Förtroende och närvaro** är viktigt för att öka valdeltagandet – att vara där människor är och lyfta röster som sällan kommer till tals.',
  'Det är generellt **inte brist på information** på svenska, men däremot saknas ibland kunskap om vilka som har rösträtt, varför det är viktigt att rösta och hur ett val går till i praktiken.',
  'Det finns dock ett **informationsgap** när det gäller föreningslivet. Det informeras om att det finns föreningar, men inte vad det innebär att delta i sådan verksamhet.',
  'I alla samtal med det offentliga är det viktigt med **återkoppling**, så att deltagarna känner sig lyssnade på.',
  'Att **praktisera demokrati** leder till demokrati. Bildning sker i mötet med andra.',
  'Civilsamhället skapar **tillgång till nya arenor** där det demokratiska deltagandet är högre.',
  'Människor behöver få **möta lokala politiker** och bli **lyssnade på**. Kravlösa möten med högt till tak fungerar ofta bäst.',
  'Bilden av utrikes födda **behöver nyanseras**, annars riskerar insatser för att öka det demokratiska deltagandet att misslyckas. När man talar om gruppen utrikes födda som ett problem, minskar tilliten samt viljan att engagera sig eller rösta.',
  'Viktigt att det finns **lokala arenor och samlingslokaler** där människor kan mötas.',
  'Att inte glömma bort utmaningar, med bl.a. lågt valdeltagande, som **utflyttningskommuner i lands- och glesbygd** har.',
  'Se civilsamhället som en **strategisk och långsiktig partner**.',
  '**Många goda exempel** lyftes bl.a. språkcaféer, mentorskapsprogram, studiebesök, stadsdelsnämndsmöten, ungdoms- och medborgarråd, valutbildningar, valvaker m.m.',
];

export const SEED_PARAGRAPHS = [
  'Den 9 juni 2026 bjöd Adam Alfredsson, statssekreterare hos utbildnings- och integrationsminister Simona Mohamsson, in ett 25-tal civilsamhällesorganisationer till samråd på temat *Demokratisk integration – demokratistärkande insatser för ökat deltagande i och mellan valen*. Samrådet ägde rum i Regeringskansliets lokaler i Stockholm.',
  'Arbetsmarknadsdepartementet ansvarar för dialogen med det civila samhället inom integrationsområdet. Arbetet genomförs enligt en årscykel med återkommande möten planerade i samverkan mellan Regeringskansliet, det civila samhället och Sveriges Kommuner och Regioner (SKR). Samrådet syftade till att fånga upp den kunskap och erfarenhet om arbetet med integration och mot utanförskap som finns inom det civila samhället.',
  'Följande organisationer representerar civilsamhället i dialogen med regeringen inom integrationsområdet under 2026:',
  'Samrådet inleddes av statssekreterare Adam Alfredsson som beskrev regeringens åtgärder för att förbättra integrationen och minska utanförskapet med fokus på demokratisk integration, ett av regeringens fem delmål för integrationspolitiken.',
  'Därefter presenterade Karl-Oskar Lindgren, professor i statsvetenskap vid Uppsala universitet, kunskapsöversikten *Insatser för ökat valdeltagande i bostadsområden med socioekonomiska utmaningar*. Av presentationen framgick bl.a. att skillnaderna i valdeltagande mellan olika grupper har ökat över tid, och att civilsamhället kan spela en viktig roll för att utjämna skillnaderna.',
  'Därefter följde diskussioner i mindre grupper där deltagarna fick diskutera och dela kunskaper och erfarenheter utifrån följande frågeställningar (som tagits fram i dialog med referensgruppen):',
  'Deltagarna fick i förväg välja att ingå i en av följande tematiska grupper: **barn och unga, bostadsområdets betydelse, jämställdhet**, samt **socioekonomi** (med fokus på utbildningsbakgrund).',
  'Under gruppdiskussionerna lyfte civilsamhället bl.a.:',
  'Efter gruppdiskussionerna lyfte varje tematisk grupp sina viktigaste medskick i storgrupp.',
  'Samrådet summerades och avslutades av statssekreterare Adam Alfredsson, som även tackade civilsamhället för deras viktiga arbete.',
] as const;

/** Bold phrases and italic titles of the reference text, in order. */
export const SEED_BOLD = [...SEED_PARAGRAPHS, ...SEED_TAKEAWAYS].flatMap((l) => [...l.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1] ?? ''));
export const SEED_ITALIC = SEED_PARAGRAPHS.flatMap((l) => [...l.replace(/\*\*/g, '').matchAll(/\*([^*]+)\*/g)].map((m) => m[1] ?? ''));

/** Plain text of a marked line. */
export const plain = (marked: string): string => marked.replace(/\*/g, '');

export function seedDocument(): MinutesDocument {
  const P = SEED_PARAGRAPHS;
  return {
    header: {
      department: 'Arbetsmarknadsdepartementet',
      unit: 'Enheten för integration och arbetet mot utanförskap',
      documentType: 'Minnesanteckningar',
      date: '2026-06-09',
      dnr: '',
    },
    title: SEED_TITLE,
    blocks: [
      p(P[0]),
      p(P[1]),
      p(P[2]),
      bullets(SEED_ORGANISATIONS),
      p(P[3]),
      p(P[4]),
      p(P[5]),
      bullets(SEED_QUESTIONS),
      p(P[6]),
      p(P[7]),
      bullets(SEED_TAKEAWAYS),
      p(P[8]),
      p(P[9]),
    ],
    properties: {
      subject: 'Samråd med civilsamhället inom integrationsområdet',
      author: 'Enheten för integration och arbetet mot utanförskap',
      language: 'sv-SE',
    },
    style: DEFAULT_HOUSE_STYLE,
  };
}

const numbered = (lines: string[], children: ListBlock[][] = []): ListBlock => ({
  type: 'list',
  ordered: true,
  items: lines.map((l, i) => item(l, children[i] ?? [])),
});

/** Headings on three levels, two numbered lists that must each start at 1, a nested list, a line break. */
export function structuredDocument(): MinutesDocument {
  return {
    header: {
      department: 'Finansdepartementet',
      unit: 'Budgetavdelningen',
      documentType: 'Promemoria',
      date: '2026-11-12',
      dnr: 'Fi2026/04711',
    },
    title: 'Promemoria om budgetprocessen hösten 2026',
    blocks: [
      { type: 'heading', level: 1, runs: runs('Bakgrund') },
      p('Budgetprocessen följer en fast årscykel. Här sammanfattas **de viktigaste stegen**.'),
      { type: 'heading', level: 2, runs: runs('Steg i processen') },
      numbered(['Beredning i departementen', 'Förhandling med *Finansdepartementet*', 'Beslut i regeringen']),
      { type: 'heading', level: 3, runs: runs('Tidplan') },
      p('Tidplanen har två delar:'),
      numbered(
        ['Våren: ramar', 'Hösten: detaljer'],
        [[bullets(['Vårändringsbudget', 'Ekonomisk vårproposition'])], [numbered(['Budgetpropositionen', 'Ändringsbudget'])]],
      ),
      { type: 'paragraph', runs: [...runs('Första raden'), { type: 'break' }, ...runs('andra raden efter radbrytning')] },
      { type: 'heading', level: 2, runs: runs('Övrigt') },
      p('Inga fler frågor togs upp.'),
    ],
    properties: { subject: 'Budgetprocessen', author: 'Budgetavdelningen', language: 'sv-SE', keywords: 'budget, process' },
    style: DEFAULT_HOUSE_STYLE,
  };
}

/** Everything that has broken writers elsewhere: control characters, emoji, RTL names, huge words and lists. */
export function hostileDocument(): MinutesDocument {
  const base = seedDocument();
  const nasty = 'Kontroll\u0000\u0001\u0008\u000B\u001F tecken\uFFFE\uFFFF, halvt par \uD83D och \uDE00, emoji 🎉👩🏽‍💻🇸🇪';
  return {
    ...base,
    header: { ...base.header, department: 'Dep\u0007artement 🏛️', dnr: 'A2026/\u000001234' },
    title: `Titel med\u0000 kontrolltecken, <taggar> & "citat", emoji 🎉 och ${'x'.repeat(50)}`,
    blocks: [
      p(nasty),
      p('Deltagare: محمد عبد الله، יעל כהן, Ærøskøbing, Ωμέγα, Привет, 中文名字 och \t tabb\r\nny rad'),
      p(
        `Ett långt ord: ${'Donaudampfschiffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft'.repeat(3).slice(0, 200)} slut.`,
      ),
      {
        type: 'list',
        ordered: true,
        items: Array.from({ length: 500 }, (_, i) => item(`Punkt ${i + 1} ${i % 50 === 0 ? '🎉 عربى' : ''}`)),
      },
      { type: 'paragraph', runs: [] },
      { type: 'heading', level: 2, runs: [{ type: 'text', text: '\u0000' }] },
    ],
  };
}
