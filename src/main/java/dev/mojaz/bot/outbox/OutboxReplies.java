package dev.mojaz.bot.outbox;

import dev.mojaz.bot.chat.CallbackAnswer;
import dev.mojaz.bot.chat.MessageEdit;
import dev.mojaz.bot.chat.OutgoingMessage;
import dev.mojaz.bot.command.ReplySink;
import dev.mojaz.bot.send.MessageSender;
import dev.mojaz.bot.send.SendOutcome;
import dev.mojaz.store.DeliveryStore;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replies through the outbox: a new message is enqueued (so it survives a crash and keeps its place in the chat's
 * order) and the sender is woken. Edits of the bot's own messages and answers to button presses are sent at once
 * through the {@link MessageSender}: they belong to the moment (a settings keyboard, a spinner), and a retry after a
 * restart would only confuse.
 */
public final class OutboxReplies implements ReplySink {
    private static final Logger log = LoggerFactory.getLogger(OutboxReplies.class);

    private final DeliveryStore outbox;
    private final Runnable wakeSender;
    private final MessageSender direct;

    /**
     * @param wakeSender called after each enqueue ({@link OutboxSender#wake()})
     * @param direct     sends edits and answers within the same rate limits as the outbox
     */
    public OutboxReplies(DeliveryStore outbox, Runnable wakeSender, MessageSender direct) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.wakeSender = Objects.requireNonNull(wakeSender, "wakeSender");
        this.direct = Objects.requireNonNull(direct, "direct");
    }

    @Override
    public void send(OutgoingMessage message) {
        outbox.enqueue(message.chatId(), List.of(OutboxCodec.toRow(message)));
        wakeSender.run();
    }

    @Override
    public void edit(MessageEdit edit) throws InterruptedException {
        SendOutcome outcome = direct.edit(edit);
        if (!outcome.isSuccess()) {
            log.warn("editing message {} in chat {}: {}", edit.messageId(), edit.chatId(), outcome);
        }
    }

    @Override
    public void answer(CallbackAnswer answer) {
        SendOutcome outcome = direct.answer(answer);
        if (!outcome.isSuccess()) {
            log.info("answering a button press: {}", outcome);
        }
    }
}
