package dev.mojaz.delivery.outbox;

import dev.mojaz.delivery.compose.CallbackAnswer;
import dev.mojaz.delivery.compose.MessageEdit;
import dev.mojaz.delivery.compose.OutgoingMessage;

/**
 * One Bot API request, answered by what it came to. Implementations never throw for anything Telegram or the
 * network does: every failure is a {@link SendOutcome}. They do not wait or retry; {@link MessageSender} does.
 */
public interface MessageGateway {
    SendOutcome send(OutgoingMessage message);

    SendOutcome edit(MessageEdit edit);

    SendOutcome answer(CallbackAnswer answer);
}
