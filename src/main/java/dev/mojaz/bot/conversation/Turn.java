package dev.mojaz.bot.conversation;

import dev.mojaz.delivery.compose.CallbackAnswer;
import dev.mojaz.delivery.compose.MessageEdit;
import dev.mojaz.delivery.compose.OutgoingMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * What handling one update produced, waiting to be committed: messages for the outbox, work to do once the
 * transaction has committed (the live match engine), and the ephemeral edits and button answers sent at the end.
 * Confined to the thread handling the update.
 */
final class Turn {
    final long updateId;
    final List<OutgoingMessage> messages = new ArrayList<>();
    /** {@code messages[0, enqueued)} are in the outbox (or will be when the running transaction commits). */
    int enqueued;
    /** Whether the update id is recorded as handled (or will be when the running transaction commits). */
    boolean recorded;
    final List<Runnable> afterCommit = new ArrayList<>();
    /** {@code afterCommit[0, committedHooks)} belong to committed work. */
    int committedHooks;
    /** {@link MessageEdit}s and {@link CallbackAnswer}s, in order. */
    final List<Object> ephemeral = new ArrayList<>();
    /** Whether others enqueued messages in this turn's transaction (the outbox sender should look). */
    boolean wake;

    Turn(long updateId) {
        this.updateId = updateId;
    }

    /** Where the turn stood before a transaction, to go back to if it rolls back. */
    record Mark(int messages, int enqueued, boolean recorded, int hooks, int committedHooks, int ephemeral) {
    }

    Mark mark() {
        return new Mark(messages.size(), enqueued, recorded, afterCommit.size(), committedHooks, ephemeral.size());
    }

    /**
     * Forgets what was added since {@code mark}: its messages and hooks never happened, its edits are dropped, and
     * its button answers are kept but emptied (a press must be answered, but "Saved" would now be untrue).
     */
    void rollbackTo(Mark mark) {
        truncate(messages, mark.messages());
        truncate(afterCommit, mark.hooks());
        enqueued = mark.enqueued();
        recorded = mark.recorded();
        committedHooks = mark.committedHooks();
        List<Object> kept = new ArrayList<>(ephemeral.subList(0, mark.ephemeral()));
        for (Object action : ephemeral.subList(mark.ephemeral(), ephemeral.size())) {
            if (action instanceof CallbackAnswer answer) {
                kept.add(CallbackAnswer.silent(answer.callbackId()));
            }
        }
        ephemeral.clear();
        ephemeral.addAll(kept);
    }

    /** Whether anything still needs a transaction: messages not yet enqueued, or the update id not yet recorded. */
    boolean needsCommit() {
        return enqueued < messages.size() || !recorded;
    }

    private static void truncate(List<?> list, int size) {
        while (list.size() > size) {
            list.remove(list.size() - 1);
        }
    }
}
