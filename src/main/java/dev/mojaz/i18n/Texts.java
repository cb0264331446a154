package dev.mojaz.i18n;

import com.ibm.icu.text.MessageFormat;
import dev.mojaz.html.Html;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * Every text the bot says, formatted for one language. Loaded once from the bundles; thread-safe.
 *
 * <p>Arguments are given by name. For an HTML template, an {@link Html} argument is put in as it is, a number is
 * formatted for the language (and chooses the plural form), and anything else is turned into text and escaped,
 * quotes included, so it is safe anywhere in the template. The result is checked to be valid Telegram HTML.
 * Plain texts (button labels, answers, values) are formatted without escaping.
 */
public final class Texts {
    static final String BUNDLE = "dev.mojaz.i18n.messages";

    private final Map<Language, ResourceBundle> bundles;

    private Texts(Map<Language, ResourceBundle> bundles) {
        this.bundles = bundles;
    }

    /** Loads both bundles from the classpath; fails at start, not mid-conversation, if one is missing. */
    public static Texts load() {
        Map<Language, ResourceBundle> bundles = new EnumMap<>(Language.class);
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        for (Language language : Language.values()) {
            bundles.put(language, ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language.code()),
                    Texts.class.getClassLoader(), noFallback));
        }
        return new Texts(bundles);
    }

    /** The bundles loaded once for the process: for texts made where none is passed in (why a query is invalid). */
    public static Texts standard() {
        return Standard.TEXTS;
    }

    private static final class Standard {
        static final Texts TEXTS = load();
    }

    /** An HTML text without arguments. */
    public Html html(Language language, Msg msg) {
        return html(language, msg, Map.of());
    }

    /** An HTML text with its arguments filled in. */
    public Html html(Language language, Msg msg, Map<String, ?> arguments) {
        if (msg.isPlain()) {
            throw new IllegalArgumentException(msg.key() + " is a plain text; use plain()");
        }
        Map<String, Object> escaped = new HashMap<>();
        arguments.forEach((name, value) -> escaped.put(name, escapeArgument(value)));
        return Html.trusted(format(language, msg.key(), escaped));
    }

    /** A plain text (button label, answer, value) without arguments. */
    public String plain(Language language, Msg msg) {
        return plain(language, msg, Map.of());
    }

    /** A plain text with its arguments filled in as they are. */
    public String plain(Language language, Msg msg, Map<String, ?> arguments) {
        if (!msg.isPlain()) {
            throw new IllegalArgumentException(msg.key() + " is an HTML text; use html()");
        }
        return format(language, msg.key(), arguments);
    }

    /** The command menu entry for {@code command} ({@code command.<name>} in the bundles). */
    public String commandDescription(Language language, String command) {
        return raw(language, "command." + command);
    }

    /** The name people know a time zone by ({@code zone.<id>} in the bundles), or the zone id itself. */
    public String zoneName(Language language, String zoneId) {
        String key = "zone." + zoneId;
        ResourceBundle bundle = bundles.get(language);
        return bundle.containsKey(key) ? bundle.getString(key) : zoneId;
    }

    /** Every key of one language's bundle. */
    public Set<String> keys(Language language) {
        return Collections.unmodifiableSet(bundles.get(language).keySet());
    }

    /** The template exactly as the bundle has it. */
    public String raw(Language language, String key) {
        try {
            return bundles.get(Objects.requireNonNull(language, "language")).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text '" + key + "' in the " + language.code() + " bundle", e);
        }
    }

    private String format(Language language, String key, Map<String, ?> arguments) {
        String template = raw(language, key);
        return new MessageFormat(template, language.locale()).format(new HashMap<String, Object>(arguments));
    }

    private static Object escapeArgument(Object value) {
        if (value instanceof Html html) {
            return html.markup();
        }
        if (value instanceof Number) {
            return value;
        }
        return Html.escapeAttribute(String.valueOf(value));
    }
}
