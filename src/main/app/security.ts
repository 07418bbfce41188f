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

const TEAM_NETWORK_PERMISSIONS: readonly string[] = ['local-network-access', 'local-network', 'loopback-network'];

/** Session-wide rules: deny every permission, add the CSP header, refuse remote requests. */
export function hardenSession(ownUrlPrefix: string, teamSyncUrl: () => string | null = () => null): void {
  const ses = session.defaultSession;
  // The one permission granted: reaching the team server (Chromium's local-network checks), once signed in.
  const teamNetwork = (permission: string) => TEAM_NETWORK_PERMISSIONS.includes(permission) && teamSyncUrl() !== null;
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(teamNetwork(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => teamNetwork(permission));
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, ownUrlPrefix, teamSyncUrl()) });
  });
  app.on('web-contents-created', (_e, contents) => hardenContents(contents, ownUrlPrefix));
}
