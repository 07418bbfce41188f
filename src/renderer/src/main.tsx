import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { preloadView } from './lazy-views';
import { parseRoute } from './lib/route';
import './styles.css';

preloadView(parseRoute(window.location.hash));
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
