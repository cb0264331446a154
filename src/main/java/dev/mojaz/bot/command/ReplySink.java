package dev.mojaz.bot.command;

import dev.mojaz.delivery.compose.CallbackAnswer;
import dev.mojaz.delivery.compose.MessageEdit;
import dev.mojaz.delivery.compose.OutgoingMessage;

/**
 * Where handlers' replies go. A seam: {@link DirectReplies} sends them at once; with the store, replies are
 * enqueued in the durable outbox in the handler's transaction and sent by the outbox sender (phase 2); the
 * console prints them.
 */
public interface ReplySink {
    void send(OutgoingMessage message) throws InterruptedException;

    void edit(MessageEdit edit) throws InterruptedException;

    void answer(CallbackAnswer answer) throws InterruptedException;
}
