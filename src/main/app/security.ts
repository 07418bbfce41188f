import { app, session, shell, type WebContents } from 'electron';

/** The only external addresses a user may be sent to (opened in their own browser, never in-app). */
const EXTERNAL_ALLOW = [/^https:\/\/(www\.)?riksarkivet\.se\//, /^https:\/\/(www\.)?regeringen\.se\//];

export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function isAllowedExternal(url: string): boolean {
  return EXTERNAL_ALLOW.some((re) => re.test(url));
}

function isOwnPage(url: string, ownUrlPrefix: string): boolean {
  return url.startsWith(ownUrlPrefix);
}

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
export function hardenSession(ownUrlPrefix: string): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok =
      details.url.startsWith(ownUrlPrefix) ||
      details.url.startsWith('devtools://') ||
      details.url.startsWith('blob:') ||
      details.url.startsWith('data:');
    callback({ cancel: !ok });
  });
  app.on('web-contents-created', (_e, contents) => hardenContents(contents, ownUrlPrefix));
}
