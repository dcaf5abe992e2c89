/** The caller sent a well-formed case that Whistle cannot take as it is (e.g. unknown type). */
export class CaseInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
    this.name = "CaseInputError";
  }
}
