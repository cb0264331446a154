package dev.mojaz.bot.command;

import dev.mojaz.bot.chat.BotCommand;
import dev.mojaz.bot.chat.Incoming;
import dev.mojaz.bot.chat.MemberStatus;
import dev.mojaz.bot.chat.Person;
import dev.mojaz.delivery.compose.Keyboard;
import dev.mojaz.domain.ChatKind;
import dev.mojaz.html.Html;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.LanguagePreferences;
import dev.mojaz.i18n.Msg;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Test-only handlers that need nothing but the texts: /start, /help, /lang (and its buttons), and a word when the
 * bot is added to a group or made admin of a channel. The Telegram layer's own tests route through them, so that
 * they test polling, routing and sending without the store; the bot itself uses
 * {@code dev.mojaz.bot.conversation.Conversation}.
 */
public final class BasicHandlers {
    /** Callback prefix of the /lang buttons. */
    public static final String LANG = "lang";

    private final LanguagePreferences preferences;
    private final String defaultDigestTime;
    private final String defaultTimeZone;

    /**
     * @param defaultDigestTime the digest hour a new person gets, as shown ({@code 08:00})
     * @param defaultTimeZone   the time zone id a new person gets ({@code Asia/Damascus})
     */
    public BasicHandlers(LanguagePreferences preferences, String defaultDigestTime, String defaultTimeZone) {
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.defaultDigestTime = Objects.requireNonNull(defaultDigestTime, "defaultDigestTime");
        this.defaultTimeZone = Objects.requireNonNull(defaultTimeZone, "defaultTimeZone");
    }

    /** Registers every handler here with {@code router}. */
    public Router.Builder registerWith(Router.Builder router) {
        return router.command(BotCommand.START, this::start)
                .command(BotCommand.HELP, this::help)
                .command(BotCommand.LANG, this::askLanguage)
                .callback(LANG, this::chooseLanguage)
                .membership(this::membershipChanged);
    }

    void start(ParsedCommand command, Context context) throws InterruptedException {
        ChatKind kind = context.chat().kind();
        if (kind == ChatKind.CHANNEL) {
            context.reply(Msg.START_CHANNEL);
        } else if (kind.isGroupLike()) {
            context.reply(Msg.START_GROUP, Map.of("bot", context.botUsername()));
        } else {
            String name = context.from().map(Person::firstName).filter(n -> !n.isBlank()).orElse(context.chat().title());
            context.reply(Msg.START_WELCOME, Map.of("name", name, "digest_time", defaultDigestTime, "hour_count", 1,
                    "timezone", context.texts().zoneName(context.language(), defaultTimeZone)));
        }
    }

    void help(ParsedCommand command, Context context) throws InterruptedException {
        Html help = context.text(Msg.HELP_TEXT, Map.of("query_help", context.text(Msg.HELP_QUERY)));
        if (context.isAdmin()) {
            help = Html.concat(help, Html.text("\n\n"), context.text(Msg.HELP_ADMIN));
        }
        context.reply(help);
    }

    void askLanguage(ParsedCommand command, Context context) throws InterruptedException {
        Keyboard choices = Keyboard.of(List.of(List.of(
                CallbackData.of(LANG, Language.AR.code()).button(context.plain(Msg.BUTTON_LANG_AR)),
                CallbackData.of(LANG, Language.EN.code()).button(context.plain(Msg.BUTTON_LANG_EN)))));
        context.reply(context.text(Msg.LANG_ASK), choices);
    }

    void chooseLanguage(String payload, Context context) throws InterruptedException {
        Optional<Language> chosen = Language.fromCode(payload);
        if (chosen.isEmpty() || !(context.incoming() instanceof Incoming.Callback press)) {
            context.answer(context.plain(Msg.ANSWER_EXPIRED));
            return;
        }
        Language language = chosen.get();
        preferences.choose(context.chat().id(), language);
        context.answer(context.texts().plain(language, Msg.ANSWER_SAVED));
        context.edit(press.messageId(), context.texts().html(language, Msg.LANG_DONE), Keyboard.NONE);
    }

    void membershipChanged(Incoming.Membership change, Context context) throws InterruptedException {
        ChatKind kind = change.chat().kind();
        MemberStatus status = change.status();
        if (kind == ChatKind.CHANNEL && status == MemberStatus.ADMINISTRATOR) {
            context.reply(Msg.START_CHANNEL);
        } else if ((kind == ChatKind.GROUP || kind == ChatKind.SUPERGROUP)
                && (status == MemberStatus.MEMBER || status == MemberStatus.ADMINISTRATOR)) {
            context.reply(Msg.GROUP_ADDED);
        }
    }
}
