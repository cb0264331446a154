/**
 * One story, all its sources: decides when reports from different outlets tell the same event, in different words,
 * and groups them as they arrive.
 *
 * <p>{@link dev.mojaz.ingest.dedupe.StoryGrouper} is the entry point: each new {@link dev.mojaz.ingest.dedupe.Report}
 * is compared, through inverted indexes, with the open stories of the last hours, and joins one only when
 * {@link dev.mojaz.ingest.dedupe.EventMatcher} is sure (a false merge hides news, so precision comes first).
 * {@link dev.mojaz.ingest.dedupe.SentenceAgreement} finds the sentences the reports of one story agree on. Near-identical
 * copies are caught earlier and more cheaply by {@link dev.mojaz.text.SimHash}.
 */
package dev.mojaz.ingest.dedupe;
