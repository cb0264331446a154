package dev.mojaz.bot.conversation;

import dev.mojaz.delivery.compose.OutboxCodec;
import dev.mojaz.delivery.outbox.MessageSender;
import dev.mojaz.delivery.outbox.SendOutcome;
import dev.mojaz.domain.OutboxMessage;
import dev.mojaz.store.SqlStorage;
import java.util.List;

/**
 * TEST ONLY: a minimal, synchronous outbox sender, so that the conversation's tests see their replies arrive. It
 * claims what is due, sends it, and marks it sent (or dead, deactivating a chat that is gone), until nothing is
 * due. The real outbox sender, with its loop, retries and back-off, belongs to the delivery side.
 */
final class OutboxDrain {
    private final SqlStorage store;
    private final MessageSender sender;

    OutboxDrain(SqlStorage store, MessageSender sender) {
        this.store = store;
        this.sender = sender;
    }

    /** Sends everything due; returns how many were sent. */
    synchronized int drain() throws InterruptedException {
        int sent = 0;
        while (true) {
            List<OutboxMessage> due = store.deliveries().claimDue(100);
            if (due.isEmpty()) {
                return sent;
            }
            for (OutboxMessage message : due) {
                SendOutcome outcome = sender.deliver(OutboxCodec.toMessage(message.chatId(), message.message()));
                if (outcome instanceof SendOutcome.Sent ok) {
                    store.deliveries().markSent(message.id(), (long) ok.messageId());
                    sent++;
                } else {
                    store.deliveries().markDead(message.id(), outcome.toString());
                    if (outcome instanceof SendOutcome.ChatUnavailable gone) {
                        store.chats().deactivate(gone.chatId(), gone.reason().name());
                    }
                }
            }
        }
    }

    /** {@link #drain()} for a {@code Runnable} hook. */
    void drainQuietly() {
        try {
            drain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
