import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { SharedInfo, TeamAccount } from '../../../shared/team';
import { api, errorMessage, sendOnUnload } from '../api';
import { t } from '../i18n/i18n';
import { fromBase64, toBase64 } from './base64';
import { lexicalProvider, type LexicalProvider } from './lexical-provider';
import { colourFor, type Person } from './presence';

export type Connection = 'online' | 'syncing' | 'offline';

export type TeamEvents = {
  /** Connection, presence or a section's rights changed: read them again. */
  onChange: () => void;
  /** The server refused edits made offline (the minutes were approved meanwhile). */
  onConflict: () => void;
  onError: (message: string) => void;
};

/** Applying what the local store holds: not a new edit, so it is neither stored again nor counted. */
const FROM_STORE = Symbol('from-store');
/** The section's own record of who wrote in it (a Y.Map next to Lexical's root): the history names them. */
const EDITORS = 'editors';
const STAMP_EVERY_MS = 5000;
const FLUSH_MS = 250;

type Queued = { dataBase64: string; sent: boolean };

/** One section of a shared document: its Y.Doc, its provider on the shared websocket, its local log. */
class SyncedSection {
  readonly doc = new Y.Doc();
  readonly provider: HocuspocusProvider;
  readonly lexical: LexicalProvider;
  scope: 'read-write' | 'readonly' | null = null;
  private unsent: number;
  private queue: Queued[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();
  private stampedAt = 0;

  constructor(
    private readonly session: TeamSession,
    readonly key: string,
    stored: Uint8Array,
    unsent: number,
    readonly seed: boolean,
  ) {
    this.unsent = unsent;
    const { account, documentId, events } = session;
    this.provider = new HocuspocusProvider({
      websocketProvider: session.socket,
      name: `minutes/${documentId}/${key}`,
      document: this.doc,
      token: account.token,
      onAuthenticated: ({ scope }) => {
        this.scope = scope;
        // Edits made offline that the server will not take: keep them, never merge them.
        if (scope === 'readonly' && this.unsent > 0) events.onConflict();
        events.onChange();
      },
      onAuthenticationFailed: ({ reason }) => events.onError(reason),
      onStateless: ({ payload }) => this.onStateless(payload),
      onSynced: () => events.onChange(),
      onUnsyncedChanges: ({ number }) => {
        if (number === 0 && this.scope === 'read-write' && this.unsent > 0) void this.acknowledged();
        events.onChange();
      },
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_STORE) return;
      const remote = origin === this.provider;
      if (!remote) {
        this.unsent++;
        this.stamp();
      }
      this.queue.push({ dataBase64: toBase64(update), sent: remote });
      this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
    });
    this.provider.awareness?.on('change', () => events.onChange());
    // Lexical binds the editor first; the stored state is applied when it connects, so it is shown.
    let opened = false;
    this.lexical = lexicalProvider(this.provider, () => {
      if (opened) return;
      opened = true;
      if (stored.byteLength > 0) Y.applyUpdate(this.doc, stored, FROM_STORE);
      this.provider.attach();
    });
  }

  /** Marks this person as an editor of the section, at most every few seconds while they type. */
  private stamp(): void {
    const now = Date.now();
    if (now - this.stampedAt < STAMP_EVERY_MS) return;
    this.stampedAt = now;
    const { id, name } = this.session.account.user;
    this.doc.getMap(EDITORS).set(id, { name, at: now });
  }

  /** Names of everyone who wrote here after `since` (ms), by the section's own record. */
  editorsSince(since: number): string[] {
    const names: string[] = [];
    for (const v of this.doc.getMap(EDITORS).values()) {
      const e = v as { name?: unknown; at?: unknown };
      if (typeof e.name === 'string' && typeof e.at === 'number' && e.at > since) names.push(e.name);
    }
    return names;
  }

  get writable(): boolean {
    return this.scope !== 'readonly';
  }

  get settled(): boolean {
    return this.provider.isSynced && !this.provider.hasUnsyncedChanges;
  }

  private onStateless(payload: string): void {
    try {
      const m = JSON.parse(payload) as { type?: unknown; readOnly?: unknown };
      if (m.type === 'access' && typeof m.readOnly === 'boolean') {
        this.scope = m.readOnly ? 'readonly' : 'read-write';
        this.session.events.onChange();
      }
    } catch {
      // Not ours: ignored.
    }
  }

  /** Writes the queued updates to the local store, in order, one call at a time. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queue.splice(0, this.queue.length);
    if (batch.length === 0) return this.writing;
    const id = this.session.documentId;
    this.writing = this.writing
      .then(async () => {
        for (let i = 0; i < batch.length; i += 500)
          await api.appendSectionUpdates({ id, section: this.key, updates: batch.slice(i, i + 500) });
      })
      .catch((e: unknown) => this.session.events.onError(t('documents.team.storeFailed', { reason: errorMessage(e) })));
    return this.writing;
  }

  /** As the page goes: what is queued leaves with the unload (keepalive), not after it. */
  flushOnUnload(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queue.splice(0, this.queue.length);
    if (batch.length === 0) return;
    const input = { id: this.session.documentId, section: this.key, updates: batch.slice(0, 500) };
    if (batch.length > 500 || sendOnUnload('appendSectionUpdates', input) === 'wait') {
      this.queue.unshift(...batch);
      void this.flush();
    }
  }

  private async acknowledged(): Promise<void> {
    await this.flush();
    this.unsent = 0;
    await api.markSectionSent({ id: this.session.documentId, section: this.key }).catch(() => undefined);
  }

  destroy(): void {
    void this.flush();
    this.provider.destroy();
    this.doc.destroy();
  }
}

/**
 * A shared document open in the editor: one websocket to the team server, one provider per
 * section. Created only for a document the user shared; a document that is not shared never
 * gets one, so the single-user app opens no socket.
 */
export class TeamSession {
  readonly socket: HocuspocusProviderWebsocket;
  readonly sections = new Map<string, SyncedSection>();
  private readonly onOffline = () => this.socket.disconnect();
  private readonly onOnline = () => void this.socket.connect();
  private readonly onUnload = () => this.sections.forEach((s) => s.flushOnUnload());

  constructor(
    readonly documentId: string,
    readonly account: TeamAccount,
    info: SharedInfo,
    readonly events: TeamEvents,
  ) {
    this.socket = new HocuspocusProviderWebsocket({
      url: account.syncUrl,
      autoConnect: navigator.onLine,
      delay: 300,
      minDelay: 300,
      maxDelay: 3000,
      onStatus: () => events.onChange(),
    });
    for (const s of info.sections) this.sections.set(s.key, new SyncedSection(this, s.key, fromBase64(s.stateBase64), s.unsent, s.seed));
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
    window.addEventListener('pagehide', this.onUnload);
  }

  section(key: string): SyncedSection | undefined {
    return this.sections.get(key);
  }

  get connection(): Connection {
    if (this.socket.status !== WebSocketStatus.Connected) return 'offline';
    return [...this.sections.values()].every((s) => s.settled) ? 'online' : 'syncing';
  }

  /** Everyone else with the document open, and the section they are in. */
  people(): Person[] {
    const seen = new Map<number, Person>();
    for (const s of this.sections.values()) {
      const awareness = s.provider.awareness;
      if (!awareness) continue;
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID || typeof state.name !== 'string') continue;
        const focusing = state.focusing === true;
        const known = seen.get(clientId);
        if (!known || focusing)
          seen.set(clientId, {
            name: state.name,
            colour: String(state.color ?? '#374151'),
            section: focusing ? s.key : (known?.section ?? null),
          });
      }
    }
    return [...seen.values()];
  }

  /** Who wrote in any section after `since` (ms). */
  editorsSince(since: number): string[] {
    return [...new Set([...this.sections.values()].flatMap((s) => s.editorsSince(since)))];
  }

  colour(): string {
    return colourFor(this.account.user.id);
  }

  async flush(): Promise<void> {
    await Promise.all([...this.sections.values()].map((s) => s.flush()));
  }

  destroy(): void {
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('pagehide', this.onUnload);
    for (const s of this.sections.values()) s.destroy();
    this.socket.destroy();
  }
}
