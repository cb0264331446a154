package dev.mojaz.bot.command;

import dev.mojaz.delivery.compose.CallbackAnswer;
import dev.mojaz.delivery.compose.MessageEdit;
import dev.mojaz.delivery.compose.OutgoingMessage;

/**
 * Where handlers' replies go. The bot and the console use the outbox: a reply is enqueued in the handler's own
 * transaction, so it is kept exactly when what the handler did is kept, and the outbox sender delivers it (the
 * console's gateway prints it). {@link DirectReplies} sends at once and keeps nothing.
 */
public interface ReplySink {
    void send(OutgoingMessage message) throws InterruptedException;

    void edit(MessageEdit edit) throws InterruptedException;

    void answer(CallbackAnswer answer) throws InterruptedException;
}
