import { InputError } from '../stages/reading/errors.js';

/**
 * The store cannot be used (PostgreSQL not running, a SQLite file that cannot be opened):
 * a one-line message that says what to do, never a stack trace. An InputError, because the
 * user can fix it and the command line reports those as one line.
 */
export class StoreUnavailableError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}
