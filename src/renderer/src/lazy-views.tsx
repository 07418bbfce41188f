import { Component, lazy, Suspense, useEffect, useState, type ComponentProps, type ComponentType, type ReactNode } from 'react';
import type { MessageKey } from '../../shared/i18n/catalogue';
import { useT } from './i18n/i18n';
import { fetchEarly } from './lib/opening-document';
import type { Route } from './lib/route';

/**
 * Views and dialogs the documents list does not need, each in its own chunk: the app's first view
 * waits only for the list's code, and Lexical is fetched when a document is opened.
 */

/** "Laddar dokumentet…": one message per view, so that each language words it its own way. */
type LoadingKey = Extract<MessageKey, `documents.lazy.${'document' | 'templates' | 'series' | 'history' | 'dialog'}`>;

function Loading({ what }: { what: LoadingKey }) {
  const t = useT();
  return (
    <p role="status" className="loading">
      {t(what)}
    </p>
  );
}

function LoadFailed() {
  const t = useT();
  return (
    <div role="alert" className="error">
      {t('documents.lazy.failed')}{' '}
      <button type="button" onClick={() => window.location.reload()}>
        {t('documents.lazy.reload')}
      </button>
    </div>
  );
}

type BoundaryState = { failed: boolean };

/**
 * A chunk can fail to arrive (the browser host was restarted on a newer build, whose file names
 * differ): say so and offer a reload instead of letting React unmount the whole app. A view that
 * throws while rendering lands here too, and a reload is the way out of that as well.
 */
class LoadBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { failed: false };
  static getDerivedStateFromError(): BoundaryState {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return <LoadFailed />;
  }
}

type OnDemand<P> = ((props: P) => ReactNode) & { preload: () => void };

/**
 * React.lazy under its own Suspense and error boundary. React holds back a Suspense boundary's
 * content until 300 ms after its fallback appeared (FALLBACK_THROTTLE_MS) when the reveal is a
 * retry; a chunk here arrives in a few tens of ms, so the wrapper re-renders itself when the chunk
 * is in, an ordinary update that React commits at once.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- lazy() itself is typed over ComponentType<any>
function onDemand<C extends ComponentType<any>>(load: () => Promise<C>, what: LoadingKey): OnDemand<ComponentProps<C>> {
  let loading: Promise<C> | undefined;
  const get = () => (loading ??= load());
  const Lazy = lazy(async () => ({ default: await get() }));
  function OnDemandView(props: ComponentProps<C>) {
    const [, setArrived] = useState(false);
    useEffect(() => {
      let live = true;
      get().then(
        () => live && setArrived(true),
        () => undefined, // the boundary below shows the failure
      );
      return () => {
        live = false;
      };
    }, []);
    return (
      <LoadBoundary>
        <Suspense fallback={<Loading what={what} />}>
          <Lazy {...props} />
        </Suspense>
      </LoadBoundary>
    );
  }
  return Object.assign(OnDemandView, { preload: () => void get().catch(() => undefined) });
}

export const EditorView = onDemand(async () => {
  const [view, chips] = await Promise.all([import('./views/EditorView'), import('./editor/VariableChip')]);
  // Before the first editor renders: VariableNode draws its chip through this renderer.
  chips.installVariableChips();
  return view.EditorView;
}, 'documents.lazy.document');

export const TemplatesView = onDemand(async () => (await import('./views/TemplatesView')).TemplatesView, 'documents.lazy.templates');
export const SeriesView = onDemand(async () => (await import('./views/SeriesView')).SeriesView, 'documents.lazy.series');
export const HistoryDialog = onDemand(async () => (await import('./views/HistoryDialog')).HistoryDialog, 'documents.lazy.history');
export const NewDocumentDialog = onDemand(
  async () => (await import('./views/NewDocumentDialog')).NewDocumentDialog,
  'documents.lazy.dialog',
);
export const ImportDialog = onDemand(async () => (await import('./views/ImportDialog')).ImportDialog, 'documents.lazy.dialog');
export const BackupsDialog = onDemand(async () => (await import('./views/BackupsDialog')).BackupsDialog, 'documents.lazy.dialog');

/** Starts fetching the view an address opens on (and its document) while React and the list are still starting. */
export function preloadView(route: Route): void {
  if (route.kind === 'doc') {
    EditorView.preload();
    fetchEarly(route.id);
  } else if (route.kind === 'series') SeriesView.preload();
  else if (route.kind === 'templates') TemplatesView.preload();
}
