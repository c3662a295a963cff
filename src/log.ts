/** One logger for the whole program; the CLI decides where it writes (stderr) and what it shows. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {} };
