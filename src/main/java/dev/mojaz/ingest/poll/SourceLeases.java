package dev.mojaz.ingest.poll;

/**
 * Who may poll a source: with several instances of the bot on one database, each source is polled by one of them at
 * a time. {@link PollScheduler} takes a source's lease before polling it and gives it back after; the holder keeps
 * it renewed while the poll goes on, and an instance that dies mid-poll loses it when it expires, so another one
 * polls the source then.
 */
public interface SourceLeases {
    /** Takes the lease of {@code sourceId} for one poll; false when another instance holds it. */
    boolean take(String sourceId);

    /** The poll is over: the lease goes back at once. */
    void release(String sourceId);

    /** Every poll may go ahead (one process alone, or tests). */
    static SourceLeases none() {
        return new SourceLeases() {
            @Override
            public boolean take(String sourceId) {
                return true;
            }

            @Override
            public void release(String sourceId) {
                // nothing was taken
            }
        };
    }
}
