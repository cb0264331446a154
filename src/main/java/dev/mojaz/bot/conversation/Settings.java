package dev.mojaz.bot.conversation;

import dev.mojaz.bot.command.CallbackData;
import dev.mojaz.bot.command.Context;
import dev.mojaz.bot.command.ParsedCommand;
import dev.mojaz.delivery.compose.Button;
import dev.mojaz.delivery.compose.Keyboard;
import dev.mojaz.domain.Chat;
import dev.mojaz.domain.ChatSettings;
import dev.mojaz.domain.QuietHours;
import dev.mojaz.domain.Storage;
import dev.mojaz.html.Html;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.Msg;
import dev.mojaz.i18n.Texts;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * /settings: one message with the chat's settings and a keyboard, edited in place as buttons are pressed. Each
 * change is saved when pressed (with the update id, in one transaction) and the message shows the new value.
 *
 * <p>Callback data ({@code set:…}): {@code m} the menu; {@code h} the hours, {@code h:<0-23>} toggles an hour;
 * {@code z} the time zones, {@code z:<zone id>} chooses one; {@code l} the lengths, {@code l:<sentences>};
 * {@code a} toggles alerts; {@code p} toggles link previews; {@code q} the quiet hours, {@code q:off} or
 * {@code q:<from>-<to>}; {@code g} the languages, {@code g:<ar|en>}; {@code x} closes the keyboard.
 */
final class Settings {
    static final String PREFIX = "set";
    /** Summary lengths offered, in sentences: short, medium, long. */
    static final int SHORT = 2;
    static final int MEDIUM = 3;
    static final int LONG = 5;
    /** Quiet hours offered. */
    static final List<QuietHours> QUIET = List.of(new QuietHours(22, 7), new QuietHours(23, 7),
            new QuietHours(0, 6), new QuietHours(21, 8));

    private final Storage store;
    private final ChatRegistry chats;
    private final Permissions permissions;
    private final OutboxReplies replies;
    private final List<String> zones;

    Settings(Storage store, ChatRegistry chats, Permissions permissions, OutboxReplies replies, List<String> zones) {
        this.store = Objects.requireNonNull(store, "store");
        this.chats = Objects.requireNonNull(chats, "chats");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.zones = List.copyOf(zones);
    }

    void settings(ParsedCommand command, Context context) throws InterruptedException {
        if (!permissions.check(context)) {
            return;
        }
        replies.atomically(() -> {
            Chat chat = chats.ensure(context);
            View menu = menu(context.texts(), language(chat, context), chat.settings(), Html.EMPTY);
            context.reply(menu.text(), menu.keyboard());
        });
    }

    void pressed(String payload, Context context) throws InterruptedException {
        if (!permissions.check(context)) {
            return;
        }
        int message = Say.pressed(context);
        String[] parts = payload.split(":", 2);
        String what = parts[0];
        Optional<String> value = parts.length > 1 ? Optional.of(parts[1]) : Optional.empty();
        replies.atomically(() -> {
            Chat chat = chats.ensure(context);
            ChatSettings old = chat.settings();
            Texts texts = context.texts();
            Language language = language(chat, context);
            Change change = change(what, value, old, texts, language);
            if (change == null) {
                context.answer(context.plain(Msg.ANSWER_EXPIRED));
                return;
            }
            if (!change.settings().equals(old)) {
                store.chats().updateSettings(chat.id(), change.settings());
                context.answer(texts.plain(change.language(), Msg.ANSWER_SAVED));
            } else {
                context.answer("");
            }
            context.edit(message, change.view().text(), change.view().keyboard());
        });
    }

    private record View(Html text, Keyboard keyboard) {
    }

    private record Change(ChatSettings settings, Language language, View view) {
    }

    /** What pressing {@code what:value} does; null when the button is not one of ours (an old keyboard). */
    private Change change(String what, Optional<String> value, ChatSettings s, Texts texts, Language language) {
        switch (what) {
            case "m":
                return new Change(s, language, menu(texts, language, s, Html.EMPTY));
            case "x":
                return new Change(s, language, new View(menu(texts, language, s, Html.EMPTY).text(), Keyboard.NONE));
            case "h": {
                if (value.isEmpty()) {
                    return new Change(s, language, hours(texts, language, s, Html.EMPTY));
                }
                int hour = number(value.get());
                if (hour < 0 || hour > 23) {
                    return null;
                }
                List<Integer> chosen = new ArrayList<>(s.digestHours());
                if (!chosen.remove(Integer.valueOf(hour))) {
                    chosen.add(hour);
                }
                ChatSettings changed = s.withDigestHours(chosen);
                Html notice = changed.digestHours().isEmpty() ? texts.html(language, Msg.SETTINGS_HOURS_NONE)
                        : texts.html(language, Msg.SETTINGS_HOURS_SAVED, Map.of("hours", hoursText(language, changed)));
                return new Change(changed, language, hours(texts, language, changed, notice));
            }
            case "z": {
                if (value.isEmpty()) {
                    return new Change(s, language, zones(texts, language));
                }
                if (!zones.contains(value.get())) {
                    return null;
                }
                ChatSettings changed = s.withTimeZone(ZoneId.of(value.get()));
                return new Change(changed, language, menu(texts, language, changed, texts.html(language,
                        Msg.SETTINGS_TIMEZONE_SAVED, Map.of("timezone", texts.zoneName(language, value.get())))));
            }
            case "l": {
                if (value.isEmpty()) {
                    return new Change(s, language, lengths(texts, language));
                }
                int sentences = number(value.get());
                if (sentences != SHORT && sentences != MEDIUM && sentences != LONG) {
                    return null;
                }
                ChatSettings changed = s.withSummarySentences(sentences);
                return new Change(changed, language, menu(texts, language, changed, texts.html(language,
                        Msg.SETTINGS_LENGTH_SAVED, Map.of("length", length(texts, language, changed)))));
            }
            case "a": {
                ChatSettings changed = s.withAlerts(!s.alerts());
                return new Change(changed, language, menu(texts, language, changed,
                        texts.html(language, changed.alerts() ? Msg.SETTINGS_ALERTS_ON : Msg.SETTINGS_ALERTS_OFF)));
            }
            case "p": {
                ChatSettings changed = s.withLinkPreviews(!s.linkPreviews());
                return new Change(changed, language, menu(texts, language, changed, texts.html(language,
                        changed.linkPreviews() ? Msg.SETTINGS_PREVIEWS_ON : Msg.SETTINGS_PREVIEWS_OFF)));
            }
            case "q": {
                if (value.isEmpty()) {
                    return new Change(s, language, quiet(texts, language));
                }
                if (value.get().equals("off")) {
                    ChatSettings changed = s.withQuietHours(null);
                    return new Change(changed, language, menu(texts, language, changed,
                            texts.html(language, Msg.SETTINGS_QUIET_OFF)));
                }
                Optional<QuietHours> range = QUIET.stream().filter(q -> code(q).equals(value.get())).findFirst();
                if (range.isEmpty()) {
                    return null;
                }
                ChatSettings changed = s.withQuietHours(range.get());
                return new Change(changed, language, menu(texts, language, changed, texts.html(language,
                        Msg.SETTINGS_QUIET_SAVED, Map.of("from", Say.hour(range.get().start()),
                                "to", Say.hour(range.get().end())))));
            }
            case "g": {
                if (value.isEmpty()) {
                    return new Change(s, language, languages(texts, language));
                }
                Optional<Language> chosen = Language.fromCode(value.get());
                if (chosen.isEmpty()) {
                    return null;
                }
                ChatSettings changed = s.withLanguage(chosen.get().code());
                return new Change(changed, chosen.get(), menu(texts, chosen.get(), changed,
                        texts.html(chosen.get(), Msg.LANG_DONE)));
            }
            default:
                return null;
        }
    }

    private View menu(Texts texts, Language language, ChatSettings s, Html notice) {
        Html menu = texts.html(language, Msg.SETTINGS_MENU, Map.of(
                "hours", hoursText(language, s).isEmpty() ? texts.plain(language, Msg.VALUE_NONE) : hoursText(language, s),
                "timezone", texts.zoneName(language, s.timeZone().getId()),
                "length", length(texts, language, s),
                "alerts", texts.plain(language, s.alerts() ? Msg.VALUE_ON : Msg.VALUE_OFF),
                "quiet", s.quietHours() == null ? texts.plain(language, Msg.VALUE_OFF)
                        : texts.plain(language, Msg.VALUE_QUIET, Map.of("from", Say.hour(s.quietHours().start()),
                                "to", Say.hour(s.quietHours().end()))),
                "previews", texts.plain(language, s.linkPreviews() ? Msg.VALUE_ON : Msg.VALUE_OFF),
                "language", texts.plain(language, Msg.VALUE_LANGUAGE)));
        Keyboard keyboard = Keyboard.of(List.of(
                List.of(button(texts, language, Msg.BUTTON_SETTINGS_HOURS, "h"),
                        button(texts, language, Msg.BUTTON_SETTINGS_TIMEZONE, "z")),
                List.of(button(texts, language, Msg.BUTTON_SETTINGS_LENGTH, "l"),
                        button(texts, language, s.alerts() ? Msg.BUTTON_SETTINGS_ALERTS_ON : Msg.BUTTON_SETTINGS_ALERTS_OFF, "a")),
                List.of(button(texts, language, Msg.BUTTON_SETTINGS_QUIET, "q"),
                        button(texts, language, s.linkPreviews() ? Msg.BUTTON_SETTINGS_PREVIEWS_ON
                                : Msg.BUTTON_SETTINGS_PREVIEWS_OFF, "p")),
                List.of(button(texts, language, Msg.BUTTON_SETTINGS_LANGUAGE, "g"),
                        button(texts, language, Msg.BUTTON_CLOSE, "x"))));
        return new View(withNotice(notice, menu), keyboard);
    }

    private View hours(Texts texts, Language language, ChatSettings s, Html notice) {
        List<Button> buttons = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            Msg label = s.digestHours().contains(hour) ? Msg.BUTTON_HOUR_SELECTED : Msg.BUTTON_HOUR;
            buttons.add(CallbackData.of(PREFIX, "h:" + hour).button(texts.plain(language, label,
                    Map.of("hour", Say.hour(hour)))));
        }
        Html ask = texts.html(language, Msg.SETTINGS_HOURS_ASK, Map.of("timezone",
                texts.zoneName(language, s.timeZone().getId())));
        return new View(withNotice(notice, ask), Keyboard.grid(buttons, 4).withRow(List.of(back(texts, language))));
    }

    private View zones(Texts texts, Language language) {
        List<Button> buttons = zones.stream()
                .map(zone -> CallbackData.of(PREFIX, "z:" + zone).button(texts.zoneName(language, zone))).toList();
        return new View(texts.html(language, Msg.SETTINGS_TIMEZONE_ASK),
                Keyboard.grid(buttons, 2).withRow(List.of(back(texts, language))));
    }

    private View lengths(Texts texts, Language language) {
        return new View(texts.html(language, Msg.SETTINGS_LENGTH_ASK), Keyboard.of(List.of(
                List.of(button(texts, language, Msg.BUTTON_LENGTH_SHORT, "l:" + SHORT),
                        button(texts, language, Msg.BUTTON_LENGTH_MEDIUM, "l:" + MEDIUM),
                        button(texts, language, Msg.BUTTON_LENGTH_LONG, "l:" + LONG)),
                List.of(back(texts, language)))));
    }

    private View quiet(Texts texts, Language language) {
        List<Button> buttons = new ArrayList<>();
        for (QuietHours q : QUIET) {
            buttons.add(CallbackData.of(PREFIX, "q:" + code(q)).button(texts.plain(language, Msg.BUTTON_QUIET_RANGE,
                    Map.of("from", Say.hour(q.start()), "to", Say.hour(q.end())))));
        }
        return new View(texts.html(language, Msg.SETTINGS_QUIET_ASK), Keyboard.grid(buttons, 2)
                .withRow(List.of(button(texts, language, Msg.BUTTON_QUIET_OFF, "q:off")))
                .withRow(List.of(back(texts, language))));
    }

    private View languages(Texts texts, Language language) {
        return new View(texts.html(language, Msg.LANG_ASK), Keyboard.of(List.of(
                List.of(button(texts, language, Msg.BUTTON_LANG_AR, "g:" + Language.AR.code()),
                        button(texts, language, Msg.BUTTON_LANG_EN, "g:" + Language.EN.code())),
                List.of(back(texts, language)))));
    }

    private static Html withNotice(Html notice, Html text) {
        return notice.isEmpty() ? text : Html.concat(notice, Html.text("\n\n"), text);
    }

    private static String hoursText(Language language, ChatSettings s) {
        return Say.list(language, s.digestHours().stream().map(Say::hour).toList());
    }

    private static String length(Texts texts, Language language, ChatSettings s) {
        Msg value = s.summarySentences() <= SHORT ? Msg.VALUE_LENGTH_SHORT
                : s.summarySentences() < LONG ? Msg.VALUE_LENGTH_MEDIUM : Msg.VALUE_LENGTH_LONG;
        return texts.plain(language, value);
    }

    private static Button button(Texts texts, Language language, Msg label, String payload) {
        return CallbackData.of(PREFIX, payload).button(texts.plain(language, label));
    }

    private static Button back(Texts texts, Language language) {
        return button(texts, language, Msg.BUTTON_BACK, "m");
    }

    private static String code(QuietHours q) {
        return q.start() + "-" + q.end();
    }

    /** The chat's own language (the one it is spoken to in). */
    private static Language language(Chat chat, Context context) {
        return Language.fromCode(chat.settings().language()).orElse(context.language());
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
