package dev.mojaz.bot.telegram;

import dev.mojaz.delivery.compose.Button;
import dev.mojaz.delivery.compose.CallbackAnswer;
import dev.mojaz.delivery.compose.Keyboard;
import dev.mojaz.delivery.compose.MessageEdit;
import dev.mojaz.delivery.compose.OutgoingMessage;
import dev.mojaz.delivery.outbox.MessageGateway;
import dev.mojaz.delivery.outbox.SendOutcome;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends messages, edits and button answers through the TelegramBots client, in HTML parse mode, and reports
 * each as a {@link SendOutcome}. It makes exactly one request per call: waiting and retrying belong to
 * {@link dev.mojaz.delivery.outbox.MessageSender}.
 */
public final class TelegramGateway implements MessageGateway {
    private final TelegramClient client;

    public TelegramGateway(TelegramClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Who the bot is, from getMe: its id and username (for recognising {@code /command@username}). */
    public record BotIdentity(long id, String username) {
    }

    /** Asks Telegram who the bot is; throws if it cannot (a wrong token, say), since nothing works without it. */
    public BotIdentity whoAmI() throws TelegramException {
        try {
            User me = client.execute(new GetMe());
            return new BotIdentity(me.getId(), me.getUserName() == null ? "" : me.getUserName());
        } catch (TelegramApiException e) {
            throw new TelegramException(e);
        }
    }

    @Override
    public SendOutcome send(OutgoingMessage message) {
        SendMessage request = SendMessage.builder()
                .chatId(message.chatId())
                .text(message.text().markup())
                .parseMode(ParseMode.HTML)
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(!message.linkPreview()).build())
                .replyMarkup(markup(message.keyboard()))
                .build();
        try {
            Message sent = client.execute(request);
            return new SendOutcome.Sent(message.chatId(), sent.getMessageId());
        } catch (TelegramApiException | RuntimeException e) {
            return FailureClassifier.classify(e, message.chatId(), true);
        }
    }

    @Override
    public SendOutcome edit(MessageEdit edit) {
        EditMessageText request = EditMessageText.builder()
                .chatId(edit.chatId())
                .messageId(edit.messageId())
                .text(edit.text().markup())
                .parseMode(ParseMode.HTML)
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                .replyMarkup(markup(edit.keyboard()))
                .build();
        try {
            Serializable result = client.execute(request);
            int id = result instanceof Message m ? m.getMessageId() : edit.messageId();
            return new SendOutcome.Sent(edit.chatId(), id);
        } catch (TelegramApiException | RuntimeException e) {
            SendOutcome outcome = FailureClassifier.classify(e, edit.chatId(), true);
            if (outcome instanceof SendOutcome.Rejected rejected
                    && rejected.description().toLowerCase(Locale.ROOT).contains("message is not modified")) {
                return new SendOutcome.Sent(edit.chatId(), edit.messageId()); // it already shows what we wanted
            }
            return outcome;
        }
    }

    @Override
    public SendOutcome answer(CallbackAnswer answer) {
        AnswerCallbackQuery request = AnswerCallbackQuery.builder()
                .callbackQueryId(answer.callbackId())
                .text(answer.text().isEmpty() ? null : answer.text())
                .showAlert(answer.alert())
                .build();
        try {
            client.execute(request);
            return new SendOutcome.Sent(0, 0);
        } catch (TelegramApiException | RuntimeException e) {
            return FailureClassifier.classify(e, 0, false);
        }
    }

    static InlineKeyboardMarkup markup(Keyboard keyboard) {
        if (keyboard.isEmpty()) {
            return null;
        }
        List<InlineKeyboardRow> rows = keyboard.rows().stream()
                .map(row -> new InlineKeyboardRow(row.stream().map(TelegramGateway::button).toList()))
                .toList();
        return new InlineKeyboardMarkup(rows);
    }

    private static InlineKeyboardButton button(Button button) {
        InlineKeyboardButton.InlineKeyboardButtonBuilder<?, ?> builder = InlineKeyboardButton.builder().text(button.label());
        return button.url().isEmpty() ? builder.callbackData(button.callbackData()).build() : builder.url(button.url()).build();
    }
}
