package dev.mojaz.match;

import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.Msg;
import dev.mojaz.i18n.Texts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A query that cannot be used as typed. It carries a message key and its arguments rather than a finished
 * sentence, so that the bot can tell each person what was wrong in their own language ({@link #message(Language)});
 * the texts are the {@code query.*} entries of the bot's bundles, rendered by {@link Texts} like every other text.
 * {@link #getMessage()} is the English text, for logs and the command line.
 */
public final class InvalidQueryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Msg key;
    private final transient List<Object> arguments;

    /**
     * @param key       a {@code query.*} text, such as {@link Msg#QUERY_UNCLOSED_QUOTE}
     * @param arguments values for the text's {0}, {1}…
     */
    public InvalidQueryException(Msg key, Object... arguments) {
        super(render(Objects.requireNonNull(key, "key"), List.of(arguments), Language.EN));
        this.key = key;
        this.arguments = List.of(arguments);
    }

    /**
     * For the bot, when a chat already keeps {@code match.max-queries-per-chat} subscriptions: the parser does not
     * know how many a chat has, but the message belongs with the other query messages.
     */
    public static InvalidQueryException tooManySubscriptions(int limit) {
        return new InvalidQueryException(Msg.QUERY_TOO_MANY_SUBSCRIPTIONS, limit);
    }

    /** The message key, stable across releases: tests and callers may branch on it. */
    public Msg key() {
        return key;
    }

    public List<Object> arguments() {
        return arguments;
    }

    /** The message in {@code language}. */
    public String message(Language language) {
        return render(key, arguments, Objects.requireNonNull(language, "language"));
    }

    private static String render(Msg key, List<Object> arguments, Language language) {
        Map<String, Object> numbered = new LinkedHashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            numbered.put(Integer.toString(i), arguments.get(i));
        }
        return Texts.standard().plain(language, key, numbered);
    }
}
