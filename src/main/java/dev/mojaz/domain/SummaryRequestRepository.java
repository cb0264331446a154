package dev.mojaz.domain;

import java.util.List;
import java.util.Optional;

/**
 * Link summaries people asked for and have not had yet, so that a restart finishes them.
 */
public interface SummaryRequestRepository {    /** Stores a request; joins the caller's transaction. */
    SummaryRequest add(long chatId, String url, String language);

    /** Every waiting request, oldest first. */
    List<SummaryRequest> all();

    /** Counts one more attempt at the request; empty when it is gone (answered meanwhile). */
    Optional<SummaryRequest> begin(long id);

    /** Removes the request (it was answered); joins the caller's transaction. False when it was gone already. */
    boolean remove(long id);
}
