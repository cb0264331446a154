package dev.mojaz.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What this instance does, for its heartbeat ({@code status} lists every instance with its roles) and its
 * {@code /healthz}. Every running instance sends and dispatches; one reads the updates (long polling: the one elected
 * by the database; webhook: each takes what reaches it); each polls the sources whose leases it holds at the moment.
 */
public final class InstanceRoles {
    /** How this instance stands to Telegram's updates. */
    public enum Updates {
        /** Not reading updates (the console, or before the start). */
        NONE("no updates"),
        /** Long polling: another instance reads them; this one takes over if that one dies. */
        STANDBY("standby for updates"),
        /** Long polling: this instance is the one calling getUpdates. */
        READER("update reader (long polling)"),
        /** Webhook: this instance takes the updates that reach it. */
        WEBHOOK("update reader (webhook)");

        private final String text;

        Updates(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final Supplier<Set<String>> polling;
    private volatile Updates updates = Updates.NONE;
    private volatile boolean sender;

    /** @param polling the sources this instance is polling now */
    public InstanceRoles(Supplier<Set<String>> polling) {
        this.polling = Objects.requireNonNull(polling, "polling");
    }

    public void updates(Updates now) {
        this.updates = Objects.requireNonNull(now, "now");
    }

    public Updates updates() {
        return updates;
    }

    public void sender(boolean sending) {
        this.sender = sending;
    }

    public boolean sender() {
        return sender;
    }

    /** The sources this instance is polling now, sorted. */
    public List<String> polling() {
        return polling.get().stream().sorted().toList();
    }

    /** One line, e.g. {@code update reader (long polling), sender, polling bbc-arabic, sana}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(updates.toString());
        if (sender) {
            parts.add("sender");
        }
        List<String> sources = polling();
        parts.add(sources.isEmpty() ? "polling nothing now" : "polling " + String.join(", ", sources));
        return String.join(", ", parts);
    }
}
