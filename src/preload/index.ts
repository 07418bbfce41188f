// The preload entry (bundled to one CJS file). Everything that touches Electron lives in src/main/app.
import { exposeApi } from '../main/app/preload-bridge';

exposeApi();
