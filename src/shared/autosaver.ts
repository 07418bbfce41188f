/**
 * Debounced autosave: many edits, one write shortly after typing stops; `flush` writes now
 * (on blur, before close). Never two writes at once, never a lost edit: a change made while a
 * write is in flight is written after it. Timers are injected so tests can drive time.
 */
export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export type AutosaverOptions = {
  save: () => Promise<void>;
  delayMs?: number;
  onState?: (state: SaveState, error?: unknown) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
};

export class Autosaver {
  private timer: unknown = null;
  private dirty = false;
  private inFlight: Promise<void> | null = null;
  private readonly delay: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  state: SaveState = 'saved';
  writes = 0;

  constructor(private readonly opts: AutosaverOptions) {
    this.delay = opts.delayMs ?? 500;
    this.setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  get hasUnsaved(): boolean {
    return this.dirty || this.inFlight !== null;
  }

  private setState(s: SaveState, error?: unknown): void {
    this.state = s;
    this.opts.onState?.(s, error);
  }

  /** Call on every change; the write happens `delayMs` after the last call. */
  schedule(): void {
    this.dirty = true;
    if (this.state !== 'saving') this.setState('pending');
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => {
      this.timer = null;
      this.flush().catch(() => undefined);
    }, this.delay);
  }

  /** Writes pending changes now and resolves when everything so far is stored. */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      this.clearTimer(this.timer);
      this.timer = null;
    }
    while (this.inFlight) await this.inFlight;
    if (!this.dirty) return;
    this.dirty = false;
    this.setState('saving');
    this.inFlight = (async () => {
      try {
        await this.opts.save();
        this.writes++;
      } catch (e) {
        // Keep the change: it is written on the next attempt, never dropped.
        this.dirty = true;
        this.setState('error', e);
        throw e;
      } finally {
        this.inFlight = null;
      }
    })();
    await this.inFlight;
    if (this.dirty) await this.flush();
    else this.setState('saved');
  }
}
