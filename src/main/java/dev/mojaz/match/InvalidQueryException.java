package dev.mojaz.match;

import com.ibm.icu.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A query that cannot be used as typed. It carries a message key and its arguments rather than a finished
 * sentence, so that the bot can tell each person what was wrong in their own language ({@link #message(Locale)});
 * the texts are in {@code dev/mojaz/match/messages_en.properties} and {@code messages_ar.properties} (ICU
 * MessageFormat, numbered arguments).
 * {@link #getMessage()} is the English text, for logs and the command line.
 */
public final class InvalidQueryException extends Exception {
    private static final long serialVersionUID = 1L;
    private static final String BUNDLE = "dev.mojaz.match.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** Languages with their own texts; any other gets English. */
    public static final List<String> LANGUAGES = List.of("ar", "en");

    private final String key;
    private final transient List<Object> arguments;

    /**
     * @param key       a key of the messages bundle, such as {@code query.unclosed-quote}
     * @param arguments values for the message's {0}, {1}…
     */
    public InvalidQueryException(String key, Object... arguments) {
        super(format(Objects.requireNonNull(key, "key"), List.of(arguments), Locale.ENGLISH));
        this.key = key;
        this.arguments = List.of(arguments);
    }

    /**
     * For the bot, when a chat already keeps {@code match.max-queries-per-chat} subscriptions: the parser does not
     * know how many a chat has, but the message belongs with the other query messages.
     */
    public static InvalidQueryException tooManySubscriptions(int limit) {
        return new InvalidQueryException("query.too-many-subscriptions", limit);
    }

    /** The message key, stable across releases: tests and callers may branch on it. */
    public String key() {
        return key;
    }

    public List<Object> arguments() {
        return arguments;
    }

    /** The message in {@code locale}'s language when Mojaz speaks it (Arabic, English), else in English. */
    public String message(Locale locale) {
        return format(key, arguments, locale);
    }

    private static String format(String key, List<Object> arguments, Locale locale) {
        Locale language = locale != null && LANGUAGES.contains(locale.getLanguage())
                ? Locale.forLanguageTag(locale.getLanguage()) : Locale.ENGLISH;
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language, NO_FALLBACK);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message for key " + key, e);
        }
        // ICU's MessageFormat, as the bot's texts: Arabic counts need its plural forms ({0, plural, ...}).
        return new MessageFormat(pattern, language).format(arguments.toArray());
    }
}
