package dev.mojaz.bot.conversation;

import dev.mojaz.bot.chat.HandlingDeferred;
import dev.mojaz.bot.command.ReplySink;
import dev.mojaz.delivery.compose.CallbackAnswer;
import dev.mojaz.delivery.compose.Keyboard;
import dev.mojaz.delivery.compose.MessageEdit;
import dev.mojaz.delivery.compose.MessageSplitter;
import dev.mojaz.delivery.compose.OutboxCodec;
import dev.mojaz.delivery.compose.OutgoingMessage;
import dev.mojaz.delivery.outbox.MessageSender;
import dev.mojaz.delivery.outbox.SendOutcome;
import dev.mojaz.domain.NewMessage;
import dev.mojaz.domain.Storage;
import dev.mojaz.domain.StoreException;
import dev.mojaz.html.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replies through the durable outbox, committed together with what the handler did and with the update id.
 *
 * <p><b>The transaction design.</b> Handling one update is a <em>turn</em> ({@link #run}). Messages a handler
 * sends are collected, not sent. Handlers whose work is quick do it inside {@link #atomically}: their store changes,
 * the collected messages (enqueued with {@code deliveries().enqueue}) and the update id
 * ({@link StoredUpdateOffsets}) are one transaction, so a crash before the commit leaves no trace and Telegram
 * hands the update again after the restart, and a crash after it finds the update recorded: it is neither lost nor
 * handled twice. Handlers that wait on the network (a link's summary, a feed an admin adds, an OPML file) do that
 * first, outside any transaction, so the database's single writer is never held during a fetch; what they decide
 * is then committed the same way at the end of the turn. A transaction that fails is rolled back together with
 * the turn's collected messages.
 *
 * <p><b>When the database fails.</b> A failure that will pass (busy beyond its timeout, disk full:
 * {@link StoreException#isTransient()}) surfaces as {@link HandlingDeferred}: nothing of the update committed, and the
 * intake handles the same update again later, so a command is never lost to a busy or full disk. Any other failure
 * is a fault in handling this one update: it is logged and the update is recorded as handled without the messages it
 * had not committed (the router has already apologised), so one bad update never blocks the queue.
 *
 * <p><b>Ephemeral actions.</b> Edits of the bot's own messages (a settings keyboard changing in place) and answers
 * to button presses are not durable: they only make sense within seconds, and a lost one costs nothing. They are
 * sent directly through the shared {@link MessageSender} (within the same rate limits as the outbox sender) after
 * the turn's commit, so a keyboard never shows a change that was rolled back.
 *
 * <p>Messages longer than Telegram's 4096 characters are split here ({@link MessageSplitter}); a keyboard goes
 * with the last part.
 */
public final class OutboxReplies implements ReplySink {
    private static final Logger log = LoggerFactory.getLogger(OutboxReplies.class);

    /** Work that may throw {@link InterruptedException}, as handlers do. */
    @FunctionalInterface
    interface Work {
        void run() throws InterruptedException;
    }

    private final Storage store;
    private final StoredUpdateOffsets offsets;
    private final MessageSender ephemeral;
    private final Runnable onEnqueued;
    private final MessageSplitter splitter = MessageSplitter.forMessages();
    private final ThreadLocal<Turn> current = new ThreadLocal<>();

    /**
     * @param ephemeral  sends edits and button answers (share it with the outbox sender, so that one rate limiter
     *                   sees everything)
     * @param onEnqueued called after a turn committed messages to the outbox (to wake the outbox sender)
     */
    OutboxReplies(Storage store, StoredUpdateOffsets offsets, MessageSender ephemeral, Runnable onEnqueued) {
        this.store = Objects.requireNonNull(store, "store");
        this.offsets = Objects.requireNonNull(offsets, "offsets");
        this.ephemeral = Objects.requireNonNull(ephemeral, "ephemeral");
        this.onEnqueued = Objects.requireNonNull(onEnqueued, "onEnqueued");
    }

    /**
     * Handles one update as a turn: runs {@code handling}, commits what is left (messages, the update id), then runs
     * the after-commit work and sends the ephemeral actions.
     *
     * @throws HandlingDeferred when the database failed for now (busy, full) before anything of the turn committed:
     *                          the same update must be handled again later
     */
    void run(long updateId, Work handling) throws InterruptedException {
        if (current.get() != null) {
            throw new IllegalStateException("a turn is already running on this thread");
        }
        Turn turn = new Turn(updateId);
        current.set(turn);
        try {
            handling.run();
            if (turn.needsCommit()) {
                commit(turn, () -> { });
            }
        } catch (HandlingDeferred e) {
            deferOrGoOn(turn, e);
        } catch (StoreException e) {
            if (!e.isTransient()) {
                fault(turn, e);
            } else {
                deferOrGoOn(turn, deferred(e));
            }
        } catch (RuntimeException e) {
            fault(turn, e);
        } finally {
            current.remove();
            runHooks(turn); // committed work is followed up even when the turn ends early (stopping)
        }
        sendEphemeral(turn);
    }

    /**
     * The database failed for now. If nothing of the turn committed, the whole update is tried again later; if an
     * earlier transaction of the turn committed (and recorded the update), trying again would skip it, so what
     * that transaction did stands and the rest is lost.
     */
    private void deferOrGoOn(Turn turn, HandlingDeferred e) {
        if (!turn.recorded) {
            throw e;
        }
        log.error("update {}: the database failed after part of its work was committed; the rest is lost: {}",
                turn.updateId, e.getMessage());
    }

    /**
     * A fault in handling this update (a bug, bad data), not the database failing for now: trying again would fail
     * the same way, so the update is recorded as handled without the messages it had not committed.
     */
    private void fault(Turn turn, RuntimeException e) throws InterruptedException {
        log.error("handling update {} failed before its replies were committed", turn.updateId, e);
        if (turn.recorded) {
            return;
        }
        turn.rollbackTo(new Turn.Mark(turn.enqueued, turn.enqueued, false, turn.committedHooks, turn.committedHooks,
                turn.ephemeral.size()));
        try {
            commit(turn, () -> { });
        } catch (HandlingDeferred deferred) {
            throw deferred;
        } catch (RuntimeException again) {
            log.error("could not record update {} as handled either: {}", turn.updateId, again.toString());
        }
    }

    /**
     * Runs {@code work} in one transaction with the turn's collected messages and the update id. If it throws,
     * its store changes and whatever it added to the turn are undone, and the exception goes on.
     */
    void atomically(Work work) throws InterruptedException {
        commit(turn(), work);
    }

    /**
     * Enqueues {@code message} outside any turn (work finished in the background), in one transaction with
     * {@code decide}, and only if {@code decide} says so: e.g. only if the request it answers was still waiting, so
     * that of two instances that both made the answer one sends it. Long messages are split as in a turn. Wakes the
     * sender. Returns whether it was enqueued.
     *
     * @throws dev.mojaz.domain.StoreException when the transaction fails (nothing of it happened)
     */
    boolean enqueueOutsideTurnIf(OutgoingMessage message, BooleanSupplier decide) {
        Objects.requireNonNull(message, "message");
        boolean enqueued = store.transaction(() -> {
            if (!decide.getAsBoolean()) {
                return false;
            }
            store.deliveries().enqueue(message.chatId(), encode(message));
            return true;
        });
        if (enqueued) {
            try {
                onEnqueued.run();
            } catch (RuntimeException e) {
                log.warn("waking the outbox sender failed: {}", e.toString());
            }
        }
        return enqueued;
    }

    /**
     * Asks for the outbox sender to be woken after the turn, for messages enqueued by others in this turn's
     * transaction (the on-demand digest).
     */
    void wakeSender() {
        turn().wake = true;
    }

    /** Work to do once the current transaction (or the turn's final one) has committed. */
    void afterCommit(Runnable hook) {
        turn().afterCommit.add(Objects.requireNonNull(hook, "hook"));
    }

    @Override
    public void send(OutgoingMessage message) {
        turn().messages.add(Objects.requireNonNull(message, "message"));
    }

    @Override
    public void edit(MessageEdit edit) {
        turn().ephemeral.add(Objects.requireNonNull(edit, "edit"));
    }

    @Override
    public void answer(CallbackAnswer answer) {
        turn().ephemeral.add(Objects.requireNonNull(answer, "answer"));
    }

    private Turn turn() {
        Turn turn = current.get();
        if (turn == null) {
            throw new IllegalStateException("replies are collected per update: call this while handling one");
        }
        return turn;
    }

    private void commit(Turn turn, Work work) throws InterruptedException {
        Turn.Mark mark = turn.mark();
        try {
            store.transaction(() -> {
                try {
                    work.run();
                } catch (InterruptedException e) {
                    throw new Interrupted(e);
                }
                enqueueAndRecord(turn);
            });
        } catch (Interrupted e) {
            turn.rollbackTo(mark);
            throw e.cause;
        } catch (StoreException e) {
            turn.rollbackTo(mark);
            throw e.isTransient() ? deferred(e) : e;
        } catch (RuntimeException | Error e) {
            turn.rollbackTo(mark);
            throw e;
        }
    }

    /** Inside the transaction: the collected messages into the outbox, the update id recorded. */
    private void enqueueAndRecord(Turn turn) {
        for (OutgoingMessage message : turn.messages.subList(turn.enqueued, turn.messages.size())) {
            store.deliveries().enqueue(message.chatId(), encode(message));
        }
        turn.enqueued = turn.messages.size();
        if (!turn.recorded) {
            offsets.recordTurn(turn.updateId);
            turn.recorded = true;
        }
        turn.committedHooks = turn.afterCommit.size();
    }

    private static HandlingDeferred deferred(StoreException e) {
        return new HandlingDeferred("the database failed for now: " + e.getMessage(), e);
    }

    private List<NewMessage> encode(OutgoingMessage message) {
        List<Html> parts = splitter.split(message.text());
        List<NewMessage> encoded = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            Keyboard keyboard = i == parts.size() - 1 ? message.keyboard() : Keyboard.NONE;
            encoded.add(OutboxCodec.toRow(new OutgoingMessage(message.chatId(), parts.get(i), keyboard,
                    message.linkPreview())));
        }
        return encoded;
    }

    private void runHooks(Turn turn) {
        for (Runnable hook : turn.afterCommit.subList(0, turn.committedHooks)) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                log.error("after handling update {}: {}", turn.updateId, e.toString(), e);
            }
        }
    }

    private void sendEphemeral(Turn turn) throws InterruptedException {
        // Edits first, the button's answer last: when the spinner stops, the message already shows the change.
        for (Object action : turn.ephemeral) {
            if (action instanceof MessageEdit edit) {
                report(turn, "edit", ephemeral.edit(edit));
            }
        }
        for (Object action : turn.ephemeral) {
            if (action instanceof CallbackAnswer answer) {
                report(turn, "button answer", ephemeral.answer(answer));
            }
        }
        if (turn.enqueued > 0 || turn.wake) {
            try {
                onEnqueued.run();
            } catch (RuntimeException e) {
                log.warn("waking the outbox sender failed: {}", e.toString());
            }
        }
    }

    private static void report(Turn turn, String what, SendOutcome outcome) {
        if (!outcome.isSuccess()) {
            log.info("update {}: {} not done: {}", turn.updateId, what, outcome);
        }
    }

    /** Carries an {@link InterruptedException} out of a transaction, which takes only unchecked exceptions. */
    private static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final InterruptedException cause;

        Interrupted(InterruptedException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
