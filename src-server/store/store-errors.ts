/**
 * The errors the local store raises on purpose, each with a message a user can act on. Callers
 * map them by class: `StoreInputError` is the caller's mistake (400 in the admin API, one line in
 * the CLI); `StoreVersionError` and `StoreKeyError` stop the process before it touches anything.
 */

/** The store file was written by a newer build: refusing it protects data we cannot read correctly. */
export class StoreVersionError extends Error {
  constructor(
    readonly file: string,
    readonly fileVersion: number,
    readonly knownVersion: number,
  ) {
    super(
      `the local store ${file} was written by a newer Perfex API Studio (file's schema version ${fileVersion}, ` +
        `this build knows ${knownVersion}); upgrade Perfex API Studio, or use another --data-dir`,
    );
    this.name = 'StoreVersionError';
  }
}

/** The key that protects stored secrets is missing, unsafe, or not the one the secrets were sealed with. */
export class StoreKeyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreKeyError';
  }
}

/** A value given to a repository is invalid (bad CIDR, bad origin, unknown id…); `field` names it. */
export class StoreInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'StoreInputError';
  }
}
