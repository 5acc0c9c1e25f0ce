/** Demo templates of one sub-topic. See ../text-templates.ts for the slot conventions. */
export interface SubtopicTemplates {
  /** What residents write: long and polite, short and angry, colloquial. 4+ per sub-topic. */
  messages: readonly string[];
  /** Substantive official answers: each names a measure and contains {term}. 2+ per sub-topic. */
  answers: readonly string[];
  /** Topic-flavoured formal replies («отписки»), mixed with the shared ones; no {term}. */
  formal?: readonly string[];
  /** A thank-you rather than a complaint: no angry style, no complaint add-ons. */
  positive?: boolean;
  /** Sub-topic slots: {name} → one of the values. */
  vars?: Readonly<Record<string, readonly string[]>>;
}

/** Templates keyed by sub-topic code (`<topic>.<sub>`). */
export type TemplateGroup = Readonly<Record<string, SubtopicTemplates>>;
