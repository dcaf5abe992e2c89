/** Intake cannot take the case now (queue full, database unreachable, shutting down). */
export class IntakeUnavailableError extends Error {
  constructor(
    message: string,
    /** Seconds the caller should wait before retrying. */
    readonly retryAfterSeconds: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "IntakeUnavailableError";
  }
}
