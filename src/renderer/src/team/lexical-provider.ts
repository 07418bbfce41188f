import type { HocuspocusProvider } from '@hocuspocus/provider';
import type { Provider, ProviderAwareness } from '@lexical/yjs';

export type LexicalProvider = Provider;

type Listener = (arg: never) => void;

/**
 * Hocuspocus's provider as Lexical's collaboration expects one. Lexical waits for `sync` where
 * Hocuspocus says `synced`, and calls `connect` after binding the editor: that is when the stored
 * state is applied and the provider joins the shared websocket (`open`). The session, not the
 * editor, decides when to disconnect.
 */
export function lexicalProvider(provider: HocuspocusProvider, open: () => void): LexicalProvider {
  const wrapped = new Map<Listener, (arg: never) => void>();
  const eventOf = (type: string): string | null => (type === 'sync' ? 'synced' : type === 'status' ? 'status' : null);
  const adapter = {
    awareness: provider.awareness as unknown as ProviderAwareness,
    connect: () => open(),
    disconnect: () => undefined,
    on: (type: string, cb: Listener) => {
      const event = eventOf(type);
      if (!event) return;
      const w = type === 'sync' ? (e: { state: boolean }) => (cb as (s: boolean) => void)(e.state) : cb;
      wrapped.set(cb, w as (arg: never) => void);
      provider.on(event, w as (...args: unknown[]) => void);
    },
    off: (type: string, cb: Listener) => {
      const event = eventOf(type);
      const w = wrapped.get(cb);
      if (!event || !w) return;
      wrapped.delete(cb);
      provider.off(event, w as (...args: unknown[]) => void);
    },
  };
  return adapter as unknown as LexicalProvider;
}
