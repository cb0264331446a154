package dev.mojaz.bot.command;

import dev.mojaz.delivery.compose.CallbackAnswer;
import dev.mojaz.delivery.compose.MessageEdit;
import dev.mojaz.delivery.compose.OutgoingMessage;
import dev.mojaz.delivery.outbox.MessageSender;
import dev.mojaz.delivery.outbox.SendOutcome;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends replies at once through a {@link MessageSender}, within the rate limits. Outcomes other than success
 * go to a listener (the place where a blocked chat gets marked inactive); nothing is kept if the process dies, which
 * is why the bot itself replies through the outbox.
 */
public final class DirectReplies implements ReplySink {
    private static final Logger log = LoggerFactory.getLogger(DirectReplies.class);

    private final MessageSender sender;
    private final Consumer<SendOutcome> failures;

    public DirectReplies(MessageSender sender, Consumer<SendOutcome> failures) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.failures = Objects.requireNonNull(failures, "failures");
    }

    public DirectReplies(MessageSender sender) {
        this(sender, outcome -> log.warn("reply not delivered: {}", outcome));
    }

    @Override
    public void send(OutgoingMessage message) throws InterruptedException {
        report(sender.deliver(message));
    }

    @Override
    public void edit(MessageEdit edit) throws InterruptedException {
        report(sender.edit(edit));
    }

    @Override
    public void answer(CallbackAnswer answer) {
        report(sender.answer(answer));
    }

    private void report(SendOutcome outcome) {
        if (!outcome.isSuccess()) {
            failures.accept(outcome);
        }
    }
}
