// proxy-from-env 2 ships no types; this is its one export.
declare module 'proxy-from-env' {
  /** The proxy URL for `url` from HTTPS_PROXY/HTTP_PROXY/ALL_PROXY and NO_PROXY (lower case first), '' for none. */
  export function getProxyForUrl(url: string | URL): string;
}
