package dev.mojaz.delivery.dispatch;

/**
 * A digest made now, on request ({@code /digest}), of what matched the chat's queries since its last digest. The
 * seam between the conversation (which answers {@code /digest}) and the digest code (which builds and enqueues
 * digests).
 */
@FunctionalInterface
public interface OnDemandDigest {
    /**
     * Builds the chat's digest now and enqueues its messages in the outbox.
     *
     * @return how many articles it holds; 0 means nothing matched and nothing was enqueued, so the caller says so
     */
    int enqueueNow(long chatId);
}
