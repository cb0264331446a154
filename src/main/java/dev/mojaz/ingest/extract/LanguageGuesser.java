package dev.mojaz.ingest.extract;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses the language of a text when the page does not declare one: by script first (Arabic, Hebrew, Cyrillic,
 * Greek, CJK…), then for Arabic script by the letters Persian and Urdu add, and for Latin script by counting the
 * commonest function words of a few languages. Returns null when it cannot tell.
 */
final class LanguageGuesser {
    private static final Map<String, Set<String>> LATIN_FUNCTION_WORDS = Map.of(
            "en", Set.of("the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "it"),
            "fr", Set.of("le", "la", "les", "et", "des", "est", "une", "dans", "pour", "que", "du", "qui"),
            "es", Set.of("el", "la", "los", "las", "y", "que", "del", "en", "por", "con", "una", "para"),
            "de", Set.of("der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "ein", "sich", "auf"),
            "it", Set.of("il", "che", "di", "della", "per", "una", "sono", "non", "gli", "con", "nel", "è"),
            "pt", Set.of("o", "que", "do", "da", "em", "não", "uma", "os", "para", "com", "dos", "é"),
            "tr", Set.of("ve", "bir", "bu", "için", "ile", "da", "de", "olarak", "gibi", "çok", "daha", "olan"));
    private static final int SAMPLE = 2000;

    private LanguageGuesser() {
    }

    static String guess(String text) {
        String sample = text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
        int arabic = 0;
        int persian = 0;
        int latin = 0;
        int cyrillic = 0;
        int hebrew = 0;
        int greek = 0;
        int han = 0;
        int kana = 0;
        int hangul = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (c < 0x80) {
                if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                    latin++;
                }
                continue;
            }
            if (!Character.isLetter(c)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            switch (script) {
                case ARABIC -> {
                    arabic++;
                    if (c == 'پ' || c == 'چ' || c == 'ژ' || c == 'گ' || c == 'ک' || c == 'ی' || c == 'ٹ' || c == 'ے') {
                        persian++;
                    }
                }
                case LATIN -> latin++;
                case CYRILLIC -> cyrillic++;
                case HEBREW -> hebrew++;
                case GREEK -> greek++;
                case HAN -> han++;
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                default -> {
                }
            }
        }
        int total = arabic + latin + cyrillic + hebrew + greek + han + kana + hangul;
        if (total == 0) {
            return null;
        }
        if (arabic * 2 > total) {
            if (persian * 50 > arabic) {
                return sample.indexOf('ے') >= 0 || sample.indexOf('ٹ') >= 0 ? "ur" : "fa";
            }
            return "ar";
        }
        if (kana > 0 && (kana + han) * 2 > total) {
            return "ja";
        }
        if (han * 2 > total) {
            return "zh";
        }
        if (hangul * 2 > total) {
            return "ko";
        }
        if (cyrillic * 2 > total) {
            return "ru";
        }
        if (hebrew * 2 > total) {
            return "he";
        }
        if (greek * 2 > total) {
            return "el";
        }
        if (latin * 2 > total) {
            return latinLanguage(sample);
        }
        return null;
    }

    private static String latinLanguage(String sample) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (String word : sample.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            for (Map.Entry<String, Set<String>> e : LATIN_FUNCTION_WORDS.entrySet()) {
                if (e.getValue().contains(word)) {
                    counts.merge(e.getKey(), 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream().filter(e -> e.getValue() >= 3)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}
