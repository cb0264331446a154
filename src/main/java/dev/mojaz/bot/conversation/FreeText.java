package dev.mojaz.bot.conversation;

import dev.mojaz.bot.chat.Incoming;
import dev.mojaz.bot.command.Context;
import dev.mojaz.bot.command.ParsedCommand;
import dev.mojaz.i18n.Msg;
import java.util.Locale;
import java.util.Objects;

/**
 * Messages in a private chat that are not commands, never left without an answer: the words /subscribe asked for;
 * an OPML file from an admin; a forwarded post (the summary of the article it links to, or of its own text); a
 * long text (its summary); a link (its article's summary); anything else gets a word on what Mojaz can do.
 */
final class FreeText {
    private final Subscriptions subscriptions;
    private final Summaries summaries;
    private final Admin admin;
    private final PersonalSources personal;

    FreeText(Subscriptions subscriptions, Summaries summaries, Admin admin, PersonalSources personal) {
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.summaries = Objects.requireNonNull(summaries, "summaries");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.personal = Objects.requireNonNull(personal, "personal");
    }

    void handle(Incoming.Message message, Context context) throws InterruptedException {
        if (message.document().isPresent() && context.isAdmin() && isOpml(message.document().get())) {
            admin.importOpml(new ParsedCommand("importopml", "", ParsedCommand.Addressing.UNADDRESSED), context);
            return;
        }
        if (!message.text().isBlank() && !message.forwarded() && personal.awaitingLink(message.chat().id())) {
            personal.answerToQuestion(message, context);
            return;
        }
        if (!message.text().isBlank() && !message.forwarded() && subscriptions.awaitingQuery(message.chat().id())) {
            subscriptions.answerToQuestion(message, context);
            return;
        }
        // A forwarded post is usually a teaser for the article it links to; a long text someone pastes is the
        // article itself, and a link in it is most likely a promotion line at its end.
        boolean hasLink = !message.links().isEmpty();
        if (hasLink && message.forwarded()) {
            summaries.summariseLink(message.links().get(0), context);
            return;
        }
        if (!message.text().isBlank() && summaries.summariseText(message.text(), context)) {
            return;
        }
        if (hasLink) {
            summaries.summariseLink(message.links().get(0), context);
            return;
        }
        context.reply(message.forwarded() ? Msg.SUMMARY_FORWARDED_NO_LINK : Msg.UNKNOWN_TEXT);
    }

    private static boolean isOpml(Incoming.Document document) {
        String name = document.fileName().toLowerCase(Locale.ROOT);
        return name.endsWith(".opml") || name.endsWith(".xml") || document.mimeType().contains("opml");
    }
}
