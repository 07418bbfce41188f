import { app, session, shell, type WebContents } from 'electron';
import { CSP, isAllowedExternal, isAllowedRequest, isOwnPage } from './security-policy';

/** Applied to every WebContents we create: no navigation, no new windows, no webviews. */
export function hardenContents(contents: WebContents, ownUrlPrefix: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url, ownUrlPrefix)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnPage(url, ownUrlPrefix)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Session-wide rules: deny every permission, add the CSP header, refuse remote requests. */
export function hardenSession(ownUrlPrefix: string, teamSyncUrl: () => string | null = () => null): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, ownUrlPrefix, teamSyncUrl()) });
  });
  app.on('web-contents-created', (_e, contents) => hardenContents(contents, ownUrlPrefix));
}
