/** One catalog entry in one language. */
export interface CatalogText {
  /** What happened, in one sentence a broadcaster understands. */
  title: string;
  /** What to do about it. */
  nextStep: string;
}
