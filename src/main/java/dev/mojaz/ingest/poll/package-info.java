/**
 * Polling: each source on its own schedule, with conditional GET, exponential back-off with jitter after failures,
 * and its health kept through {@link dev.mojaz.domain.SourceStateRepository}. {@link
 * dev.mojaz.ingest.poll.SourcePoller} polls one source; {@link dev.mojaz.ingest.poll.PollScheduler} decides which
 * are due and runs them on a bounded pool, so one slow or failing source never holds up the others.
 * {@link dev.mojaz.ingest.poll.Ingestor} turns each new feed entry into a stored article: its canonical URL
 * ({@link dev.mojaz.ingest.poll.CanonicalUrl}), extracted text, summary and near-duplicate signature.
 */
package dev.mojaz.ingest.poll;
