import { startSearchIndexer } from '../core/search-index';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mkdirSync } from 'node:fs';
import { app, BrowserWindow, dialog, safeStorage } from 'electron';
import { openStore } from '../core/store';
import { autoBackup } from '../core/backup';
import { scheduleIdleCheck } from '../core/store/check-store';
import { createHandlers, type CoreContext } from '../core/handlers';
import { budgetFromEnv } from '../core/jobs/budget-env';
import { JobRunner } from '../core/jobs/runner';
import { defaultUserDataDir, resolveDbPath } from '../core/paths';
import { isMinnesError } from '../core/errors';
import { readAccount, type SecretBox } from '../core/sync/team-account';
import { readPreferences } from '../core/settings/preferences';
import { DEFAULT_UI_LANGUAGE, type UiLanguage } from '../../shared/i18n/languages';
import { desktopFiles } from './files';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { electronSqliteBinding } from './native-binding';
import { hardenSession } from './security';
import { configureSpellChecker } from './spellcheck';
import { isOwnPage } from './security-policy';

// The CLI computes the same folder without Electron, so both share one database.
app.setName('Minnes');
app.setPath('userData', defaultUserDataDir());

const rendererDir = join(__dirname, '..', 'renderer');
const ownUrlPrefix = pathToFileURL(rendererDir).href + '/';
let ctx: CoreContext | undefined;

/** The stored UI language, for main's own menu and dialogs (Swedish until the store is open). */
function uiLanguage(): UiLanguage {
  try {
    return ctx ? readPreferences(ctx.db).uiLanguage : DEFAULT_UI_LANGUAGE;
  } catch {
    return DEFAULT_UI_LANGUAGE;
  }
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Minnes',
    show: false,
    webPreferences: {
      preload: join(__dirname, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadFile(join(rendererDir, 'index.html'));
  return win;
}

async function start(): Promise<void> {
  await app.whenReady();
  // Form fields use Chromium's checker with dictionaries shipped in the app (never downloaded); the editors use ours.
  configureSpellChecker();
  // The team server's websocket is the one remote address the window may reach, once signed in.
  hardenSession(ownUrlPrefix, () => {
    try {
      return ctx ? (readAccount(ctx.db, ctx.secrets)?.syncUrl ?? null) : null;
    } catch {
      return null;
    }
  });
  const dbPath = resolveDbPath(process.env.MINNES_DB_FLAG);
  try {
    mkdirSync(app.getPath('userData'), { recursive: true });
    const openOptions = { nativeBinding: electronSqliteBinding(process.env, app.isPackaged) };
    // A worker_thread in main (not a utilityProcess): it loads the same better-sqlite3 build through
    // nativeBinding, and terminating it ends a job without touching the window or the store connection.
    const jobs = new JobRunner({
      script: join(__dirname, 'job-worker.js'),
      dbPath: () => dbPath,
      nativeBinding: openOptions.nativeBinding,
      budget: budgetFromEnv(process.env),
    });
    ctx = {
      db: openStore(dbPath, openOptions),
      dbPath,
      host: 'electron',
      files: desktopFiles(uiLanguage),
      openOptions,
      jobs,
      secrets: keychain(),
    };
  } catch (e) {
    dialog.showErrorBox('Minnes kan inte starta', isMinnesError(e) ? e.message : String(e));
    app.exit(1);
    return;
  }
  // One backup a day (kept for a week), taken in the background after start.
  void autoBackup(ctx.db, dbPath).catch((e: unknown) => console.error('[minnes] automatic backup failed', e));
  scheduleIdleCheck(ctx, (message) => dialog.showErrorBox('Minnes', message));
  const running = ctx;
  startSearchIndexer(
    () => running.db,
    (e) => console.error('[minnes] search index', e),
  );
  installMenu(uiLanguage());
  const handlers = createHandlers(ctx);
  registerIpc(
    {
      ...handlers,
      // The menu is main's own UI: it follows the language as soon as the renderer changes it.
      setPreferences: async (input) => {
        const saved = await handlers.setPreferences(input);
        installMenu(saved.uiLanguage);
        return saved;
      },
    },
    (event) => {
      const frameUrl = event.senderFrame?.url ?? '';
      return isOwnPage(frameUrl, ownUrlPrefix);
    },
  );
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

/** The team sign-in token sealed with the OS keychain, where Electron offers one. */
function keychain(): SecretBox | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  return {
    seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => {
  ctx?.jobs?.cancelAll();
  ctx?.db.close();
  ctx = undefined;
});

if (!app.requestSingleInstanceLock()) app.quit();
else void start();
