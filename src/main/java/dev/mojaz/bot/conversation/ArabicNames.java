package dev.mojaz.bot.conversation;

import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Place names in English and in Arabic, from the Unicode CLDR data that ICU4J ships: every country and territory
 * (in its short and its full form: "Palestine" and "Palestinian Territories" both give فلسطين) and every city that
 * names a time zone ("Damascus" دمشق, "Gaza" غزة). For telling a person who writes "Syria" what the Arabic sources
 * call it; it names places only, not topics. Built once; immutable and thread-safe.
 */
final class ArabicNames {
    private static final ULocale ARABIC = new ULocale("ar");
    private static final Normalizer2 DECOMPOSE = Normalizer2.getNFDInstance();
    private static final ArabicNames CLDR = build();

    /** Normalised English name → Arabic name. */
    private final Map<String, String> arabicByEnglish;
    /** Arabic name without its article and diacritics → English name. */
    private final Map<String, String> englishByArabic;

    private ArabicNames(Map<String, String> arabicByEnglish, Map<String, String> englishByArabic) {
        this.arabicByEnglish = Map.copyOf(arabicByEnglish);
        this.englishByArabic = Map.copyOf(englishByArabic);
    }

    /** The names from CLDR. */
    static ArabicNames cldr() {
        return CLDR;
    }

    private static ArabicNames build() {
        Map<String, String> arabic = new HashMap<>();
        Map<String, String> english = new HashMap<>();
        LocaleDisplayNames enFull = LocaleDisplayNames.getInstance(ULocale.ENGLISH);
        LocaleDisplayNames enShort = LocaleDisplayNames.getInstance(ULocale.ENGLISH,
                com.ibm.icu.text.DisplayContext.LENGTH_SHORT);
        LocaleDisplayNames arShort = LocaleDisplayNames.getInstance(ARABIC, com.ibm.icu.text.DisplayContext.LENGTH_SHORT);
        for (String region : ULocale.getISOCountries()) {
            String name = arShort.regionDisplayName(region);
            if (name == null || name.equals(region)) {
                continue;
            }
            // The short Arabic form is the one news writes (فلسطين, not الأراضي الفلسطينية).
            arabic.putIfAbsent(key(enShort.regionDisplayName(region)), name);
            arabic.putIfAbsent(key(enFull.regionDisplayName(region)), name);
            english.putIfAbsent(arabicKey(name), enShort.regionDisplayName(region));
        }
        TimeZoneNames enZones = TimeZoneNames.getInstance(ULocale.ENGLISH);
        TimeZoneNames arZones = TimeZoneNames.getInstance(ARABIC);
        for (String zone : TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, null, null)) {
            String en = enZones.getExemplarLocationName(zone);
            String ar = arZones.getExemplarLocationName(zone);
            if (en != null && ar != null && !ar.equals(en)) {
                arabic.putIfAbsent(key(en), ar); // a country keeps its name when a city shares it
                english.putIfAbsent(arabicKey(ar), en);
            }
        }
        return new ArabicNames(arabic, english);
    }

    /** The Arabic name of a place written in English ("syria", "New York"), if CLDR knows it. */
    Optional<String> arabic(String english) {
        return Optional.ofNullable(arabicByEnglish.get(key(english)));
    }

    /** The English name of a place written in Arabic (سوريا, العراق, or عراق without the article), if known. */
    Optional<String> english(String arabic) {
        return Optional.ofNullable(englishByArabic.get(arabicKey(arabic)));
    }

    /** Lower case, accents and punctuation dropped, one space between words, without a leading "the". */
    private static String key(String name) {
        String flat = DECOMPOSE.normalize(name).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replace('&', ' ').replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return flat.startsWith("the ") ? flat.substring(4) : flat;
    }

    /** Diacritics dropped, alef forms unified, without the article. */
    private static String arabicKey(String name) {
        String flat = name.replaceAll("[\\u064B-\\u065F\\u0670\\u0640]", "").replaceAll("[أإآ]", "ا").strip();
        return flat.startsWith("ال") && flat.length() > 3 ? flat.substring(2) : flat;
    }
}
