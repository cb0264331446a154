package dev.mojaz.i18n;

import com.ibm.icu.util.ULocale;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages Mojaz speaks. Arabic first. */
public enum Language {
    AR("ar"), EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** {@code ar} or {@code en}: the bundle suffix, the setMyCommands language code, the config value. */
    public String code() {
        return code;
    }

    public ULocale locale() {
        return new ULocale(code);
    }

    /** Exactly {@code ar} or {@code en}, as stored or configured. */
    public static Optional<Language> fromCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }

    /**
     * The interface language for a person's Telegram {@code language_code}: Arabic for {@code ar} and its
     * regional forms ({@code ar-SA}), English for any other language, {@code fallback} when Telegram gives none.
     */
    public static Language fromTelegramCode(String languageCode, Language fallback) {
        if (languageCode == null || languageCode.isBlank()) {
            return fallback;
        }
        String primary = languageCode.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return primary.equals("ar") ? AR : EN;
    }
}
