// Keychain account names of a profile's secrets (service `Taper`).

/** Account of the SecretKey, e.g. `profile:default:secret-key`. */
export const secretKeyAccount = (name: string): string => `profile:${name}:secret-key`;

/** Account of the optional STS session token. */
export const tokenAccount = (name: string): string => `profile:${name}:token`;
