/** The CLI's exit codes, for scripts. */
export const ExitCode = {
  Ok: 0,
  /** The server refused the operation (NoNode, BadVersion, NoAuth, ...). */
  Failed: 1,
  /** Bad command line or input file. */
  Usage: 2,
  /** No server could be reached. */
  Unreachable: 3,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** A failure the CLI explains itself, with its exit code. */
export class CliError extends Error {
  override name = 'CliError';

  constructor(
    message: string,
    readonly exitCode: ExitCodeValue = ExitCode.Usage,
  ) {
    super(message);
  }
}
