/** A request's path, decoded once, and its query. */
export type Target = { pathname: string; query: URLSearchParams };

/**
 * Null for what no page of ours can ask for: a target that is not a path (`*`, absolute form),
 * broken percent-encoding (`/%`, `/%E0%A4%A`) or a NUL byte. The caller answers 400, not 500.
 */
export function parseTarget(raw: string | undefined): Target | null {
  if (!raw?.startsWith('/')) return null;
  let url: URL;
  let pathname: string;
  try {
    // Prefixed rather than resolved against a base: `//name/x` must stay a path, not become a host.
    url = new URL(`http://host${raw}`);
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  return { pathname, query: url.searchParams };
}
