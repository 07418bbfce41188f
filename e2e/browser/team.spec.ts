import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { startHost, type Host } from '../support/host';
import { startTeam, type Team } from '../support/team';

// Two (then three) people, each with their own app (browser host and local SQLite) and browser
// context, co-drafting through a real team server over a real PostgreSQL.

test.describe.configure({ timeout: 240_000 });
test.use({ actionTimeout: 15_000 });

let team: Team;
const hosts: Host[] = [];
test.beforeAll(async () => {
  team = await startTeam();
});
const contexts: BrowserContext[] = [];
test.afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await Promise.all(hosts.map((h) => h.stop()));
  await team?.stop();
});

async function person(browser: Browser): Promise<{ host: Host; context: BrowserContext; page: Page }> {
  const host = await startHost();
  hosts.push(host);
  // Chromium asks before a page reaches a server on this machine or network; each person says yes.
  const context = await browser.newContext({ permissions: ['local-network-access'] });
  contexts.push(context);
  // The app's own host is not the network (in Electron it is IPC): only the team server goes offline.
  await context.route(`${host.origin}/**`, async (route) => route.fulfill({ response: await route.fetch() }));
  const page = await context.newPage();
  if (process.env.MINNES_E2E_CONSOLE) page.on('console', (m) => console.log(`[${host.origin}] ${m.type()}: ${m.text()}`));
  await page.goto(host.url);
  return { host, context, page };
}

const box = (page: Page, heading: string) => page.getByRole('textbox', { name: `Avsnitt: ${heading}` });

async function typeAt(page: Page, heading: string, where: 'Control+End' | 'Control+Home', text: string): Promise<void> {
  await box(page, heading).click();
  await page.keyboard.press(where);
  await page.keyboard.type(text);
}
const typeAtEnd = (page: Page, heading: string, text: string) => typeAt(page, heading, 'Control+End', text);

async function signIn(page: Page, code: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Serverns adress').fill(team.url);
  await dialog.getByLabel('Inloggningskod').fill(code);
  await dialog.getByRole('button', { name: 'Logga in' }).click();
}

async function openShared(page: Page, code: string, title: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Logga in på teamserver…' }).click();
  await signIn(page, code);
  const list = page.getByRole('region', { name: 'Teamets dokument' });
  await list.getByRole('button', { name: title }).click();
  await expect(page.getByTestId('connection')).toHaveText('Ansluten');
}

test('co-drafting: same text everywhere, offline edits kept and merged, rights enforced, late edits to approved minutes kept as a copy', async ({
  browser,
}) => {
  const karin = await person(browser);
  const olle = await person(browser);

  // Karin writes a draft alone, then shares it. Until then the app opens no socket at all.
  const sockets: string[] = [];
  karin.page.on('websocket', (ws) => sockets.push(ws.url()));
  await karin.page.getByRole('button', { name: 'Nytt dokument…' }).click();
  await karin.page.getByRole('button', { name: 'Skapa' }).click();
  await expect(box(karin.page, 'Inledning')).toBeVisible();
  await karin.page.getByLabel('Tema', { exact: true }).fill('Teamprov');
  await typeAtEnd(karin.page, 'Inledning', ' Skrivet före delning.');
  await karin.page.waitForTimeout(700);
  expect(sockets).toEqual([]);
  await karin.page.getByRole('button', { name: 'Dela med teamet…' }).click();
  await signIn(karin.page, team.addUser('Karin Åström', 'sekreterare'));
  await karin.page.getByRole('dialog').getByRole('button', { name: 'Dela' }).click();
  await expect(karin.page.getByTestId('connection')).toHaveText('Ansluten');
  await expect(box(karin.page, 'Inledning')).toContainText('Skrivet före delning.');

  // Olle, a rapportör, writes in Gruppdiskussioner and Medskick only.
  const olleCode = team.addUser('Olle Berg', 'rapportör');
  for (const heading of ['Gruppdiskussioner', 'Medskick']) {
    await karin.page.getByRole('button', { name: `Vem skriver i ${heading}?` }).click();
    await karin.page.getByRole('dialog').getByLabel('Olle Berg').check();
    await karin.page.getByRole('dialog').getByRole('button', { name: 'Spara' }).click();
    await expect(karin.page.getByRole('dialog')).toHaveCount(0);
  }
  await openShared(olle.page, olleCode, /samråd/);
  await expect(box(olle.page, 'Inledning')).toContainText('Skrivet före delning.');
  await expect(olle.page.getByLabel('Här just nu')).toContainText('Karin Åström');
  await expect(karin.page.getByLabel('Här just nu')).toContainText('Olle Berg');

  // At once: different sections, then the same paragraph.
  await Promise.all([typeAtEnd(karin.page, 'Medskick', ' Karins medskick.'), typeAtEnd(olle.page, 'Gruppdiskussioner', ' Olles grupp.')]);
  for (const p of [karin.page, olle.page]) {
    await expect(box(p, 'Medskick')).toContainText('Karins medskick.');
    await expect(box(p, 'Gruppdiskussioner')).toContainText('Olles grupp.');
  }
  // Two people typing at the very same spot interleave (as in any shared editor); here: the same paragraph, its two ends.
  await Promise.all([typeAt(karin.page, 'Medskick', 'Control+Home', 'Ett. '), typeAtEnd(olle.page, 'Medskick', ' Två.')]);
  for (const p of [karin.page, olle.page]) {
    await expect(box(p, 'Medskick')).toContainText(/^Ett\. Under gruppdiskussionerna/);
    await expect(box(p, 'Medskick')).toContainText('Två.');
  }
  await expect.poll(async () => box(olle.page, 'Medskick').innerText()).toBe(await box(karin.page, 'Medskick').innerText());

  // The server, not only the editor, keeps a rapportör out of sections not theirs.
  const before = await box(olle.page, 'Bakgrund').innerText();
  await expect(box(olle.page, 'Bakgrund')).toHaveAttribute('contenteditable', 'false');
  await box(olle.page, 'Bakgrund').click({ force: true });
  await olle.page.keyboard.type('otillåtet');
  await expect(box(olle.page, 'Bakgrund')).toHaveText(before);
  await expect(box(karin.page, 'Bakgrund')).not.toContainText('otillåtet');

  // Olle goes offline, writes, closes and reopens: the text is there from his local store.
  await olle.context.setOffline(true);
  await expect(olle.page.getByTestId('connection')).toHaveText('Offline – ändringarna sparas lokalt');
  await typeAtEnd(olle.page, 'Gruppdiskussioner', ' Skrivet offline.');
  await olle.page.waitForTimeout(600);
  await olle.page.reload();
  await expect(box(olle.page, 'Gruppdiskussioner')).toContainText('Skrivet offline.');
  await expect(olle.page.getByTestId('connection')).toHaveText('Offline – ändringarna sparas lokalt');
  await expect(box(karin.page, 'Gruppdiskussioner')).not.toContainText('Skrivet offline.');
  await olle.context.setOffline(false);
  await expect(box(karin.page, 'Gruppdiskussioner')).toContainText('Skrivet offline.');
  await expect(olle.page.getByTestId('connection')).toHaveText('Ansluten');

  // Karin's history says who wrote what reached her.
  await karin.page.getByRole('button', { name: 'Historik' }).click();
  await expect(karin.page.getByRole('list', { name: 'Revisioner' })).toContainText('Olle Berg');
  await karin.page.keyboard.press('Escape');
  await expect(karin.page.getByRole('dialog')).toHaveCount(0);

  // The server restarts; everyone reconnects, and a third person gets everything from PostgreSQL.
  await team.restart();
  await expect(karin.page.getByTestId('connection')).toHaveText('Ansluten', { timeout: 20_000 });
  const maja = await person(browser);
  await openShared(maja.page, team.addUser('Maja Lind', 'rapportör'), /samråd/);
  await expect(box(maja.page, 'Inledning')).toContainText('Skrivet före delning.');
  await expect(box(maja.page, 'Gruppdiskussioner')).toContainText('Olles grupp. Skrivet offline.');
  await expect(box(maja.page, 'Medskick')).toContainText('Karins medskick.');

  // Olle writes offline while Karin approves: his late edits are refused and kept as a copy.
  await olle.context.setOffline(true);
  await expect(olle.page.getByTestId('connection')).toHaveText('Offline – ändringarna sparas lokalt');
  await typeAtEnd(olle.page, 'Medskick', ' För sent.');
  const bar = karin.page.getByRole('group', { name: 'Arbetsflöde' });
  await bar.getByRole('button', { name: 'Skicka på granskning' }).click();
  await bar.getByRole('button', { name: 'Justera…' }).click();
  await karin.page.getByRole('dialog').getByLabel('Justerad av').fill('Karin Åström');
  await karin.page.getByRole('dialog').getByRole('button', { name: 'Justera' }).click();
  await expect(karin.page.locator('.doc-bar .status')).toHaveText('Justerad');
  await olle.context.setOffline(false);
  const notice = olle.page.getByRole('alert').filter({ hasText: 'justerades medan du var offline' });
  await expect(notice).toBeVisible({ timeout: 20_000 });
  await expect(box(olle.page, 'Medskick')).not.toContainText('För sent.');
  await expect(box(olle.page, 'Medskick')).toHaveAttribute('contenteditable', 'false');
  await expect(box(karin.page, 'Medskick')).not.toContainText('För sent.');
  await notice.getByRole('button').click();
  await expect(box(olle.page, 'Medskick')).toContainText('För sent.');
  await expect(olle.page.getByTestId('doc-title')).toContainText('konfliktkopia');

  // Signed out, the shared minutes open read-only from the local copy, with a sentence saying why.
  await olle.page.getByRole('button', { name: '← Alla dokument' }).click();
  await olle.page.getByRole('region', { name: 'Teamets dokument' }).getByRole('button', { name: 'Logga ut' }).click();
  await olle.page
    .getByRole('table', { name: 'Dokument' })
    .getByRole('button', { name: /^Minnesanteckningar från samråd/ })
    .filter({ hasNotText: 'konfliktkopia' })
    .click();
  await expect(olle.page.getByRole('alert').filter({ hasText: 'Logga in på teamservern' })).toBeVisible();
  await expect(box(olle.page, 'Medskick')).toHaveAttribute('contenteditable', 'false');
  await expect(box(olle.page, 'Gruppdiskussioner')).toContainText('Skrivet offline.');
});
