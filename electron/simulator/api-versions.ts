// The API versions the simulator answers to, apart from the server so the signature check and the request handler
// read the same table.

export const API_VERSION = '2018-08-01';
/** VOD's API version (SearchMedia). */
export const VOD_API_VERSION = '2018-07-17';
/** The services this one server plays, told apart by the credential scope's service, with their API versions. */
export const SERVICE_VERSIONS: Readonly<Record<string, string>> = { live: API_VERSION, vod: VOD_API_VERSION };
