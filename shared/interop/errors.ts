/** A file or paste that cannot be imported; the message says why and what to do. */
export class ImportProblem extends Error {
  override readonly name = 'ImportProblem';
}
