package dev.mojaz.match;

import com.ibm.icu.text.DisplayContext;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The Arabic names of countries and cities typed in English or French: {@code Egypt} and {@code Égypte} are مصر,
 * {@code Baghdad} is بغداد, {@code Jordan} is الأردن. Sources are Arabic news, so a person whose Telegram is in
 * English finds what they mean only through these names.
 *
 * <p>The names come from CLDR through ICU (already needed for messages): territory names in English, French and
 * Arabic ({@link ULocale#getDisplayCountry}, short forms from {@link LocaleDisplayNames}), a few regions and
 * organisations CLDR names like territories (EU, UN, Europe, Africa…), and the exemplar cities of time zones
 * ({@link TimeZoneNames#getExemplarLocationName}: Cairo, Damascus, Riyadh). What CLDR lacks (Aleppo, Mosul,
 * Washington, aliases such as Saudi or USA) is in {@code place-names.tsv}, with its source in SOURCES.md; that file
 * can also remove a CLDR name whose Arabic spelling is a common word.
 *
 * <p>Adjectives need no entry: the Arabic name finds its relative adjectives by the rule in {@link ArabicForms}
 * (مصر finds المصري, المصرية, المصريين). Built once; immutable and thread-safe.
 */
final class PlaceNames {
    static final String RESOURCE = "place-names.tsv";
    private static final ULocale ARABIC = new ULocale("ar");
    private static final List<ULocale> FOREIGN = List.of(ULocale.ENGLISH, ULocale.FRENCH);
    /** CLDR regions that are not countries but are named in news like them. */
    private static final List<String> REGIONS = List.of("EU", "UN", "002", "019", "142", "150", "009");
    private static final Pattern ALTERNATIVE = Pattern.compile("\\s*(?:[()]|\\s-\\s|;)\\s*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final MatchAnalyzer analyzer = MatchAnalyzer.forQueries();
    /** Analysed English or French words → the Arabic names, as query terms. */
    private final Map<List<String>, List<QueryTerm>> arabicByForeign;
    /** Folded one-word Arabic names, as written (مصر, العراق, الرياض). */
    private final Set<String> arabicWords;

    private PlaceNames(List<String[]> supplement) {
        Map<List<String>, Map<String, QueryTerm>> byForeign = new LinkedHashMap<>();
        Set<List<String>> excluded = new HashSet<>();
        Set<String> words = new HashSet<>();
        for (String[] row : supplement) {
            if (row.length < 4) {
                throw new IllegalStateException(RESOURCE + ": expected kind, English, French, Arabic: "
                        + String.join("\t", row));
            }
            if (row[0].equals("exclude")) {
                for (String foreign : parts(row[1] + ";" + row[2])) {
                    excluded.addAll(keys(foreign));
                }
            }
        }
        for (String region : ULocale.getISOCountries()) {
            addTerritory(region, byForeign, excluded, words);
        }
        REGIONS.forEach(region -> addTerritory(region, byForeign, excluded, words));
        TimeZoneNames arabicZones = TimeZoneNames.getInstance(ARABIC);
        List<TimeZoneNames> foreignZones = FOREIGN.stream().map(TimeZoneNames::getInstance).toList();
        for (String zone : TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, null, null)) {
            if (zone.startsWith("Antarctica/") || zone.startsWith("Etc/")) {
                continue;
            }
            String arabic = arabicZones.getExemplarLocationName(zone);
            for (TimeZoneNames names : foreignZones) {
                String foreign = names.getExemplarLocationName(zone);
                if (arabic != null && foreign != null && !arabic.equals(foreign)) {
                    add(foreign, arabic, byForeign, excluded, words);
                }
            }
        }
        for (String[] row : supplement) {
            if (!row[0].equals("exclude")) {
                for (String foreign : parts(row[1] + ";" + row[2])) {
                    add(foreign, row[3], byForeign, excluded, words);
                }
            }
        }
        Map<List<String>, List<QueryTerm>> frozen = new HashMap<>();
        byForeign.forEach((key, arabic) -> frozen.put(key, List.copyOf(arabic.values())));
        this.arabicByForeign = Map.copyOf(frozen);
        this.arabicWords = Set.copyOf(words);
    }

    /** Built from CLDR and the shipped supplement, once. */
    static PlaceNames standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final PlaceNames STANDARD = new PlaceNames(MatchData.rows(RESOURCE));
    }

    /**
     * The Arabic names of the place whose English or French name analyses to {@code words}, as terms (text as
     * written, query words); empty when it is not a place name.
     */
    List<QueryTerm> arabicFor(List<String> words) {
        return arabicByForeign.getOrDefault(words, List.of());
    }

    /** Whether the folded word is a one-word Arabic place name, with or without its article (عراق, العراق). */
    boolean isArabicName(String folded) {
        return arabicWords.contains(folded) || arabicWords.contains("ال" + folded);
    }

    /** Whether the folded word is written exactly so as a one-word Arabic place name (العراق, not عراق). */
    boolean isArabicNameAsWritten(String folded) {
        return arabicWords.contains(folded);
    }

    /** Number of English and French names known. */
    int size() {
        return arabicByForeign.size();
    }

    private void addTerritory(String region, Map<List<String>, Map<String, QueryTerm>> byForeign,
            Set<List<String>> excluded, Set<String> words) {
        ULocale territory = new ULocale("", region);
        List<String> arabic = List.of(territory.getDisplayCountry(ARABIC),
                LocaleDisplayNames.getInstance(ARABIC, DisplayContext.LENGTH_SHORT).regionDisplayName(region));
        for (ULocale language : FOREIGN) {
            List<String> foreign = List.of(territory.getDisplayCountry(language),
                    LocaleDisplayNames.getInstance(language, DisplayContext.LENGTH_SHORT).regionDisplayName(region));
            for (String name : foreign) {
                if (name.equals(region)) {
                    continue; // no name in that language
                }
                for (String arabicName : arabic) {
                    if (!arabicName.equals(region)) {
                        add(name, arabicName, byForeign, excluded, words);
                    }
                }
            }
        }
    }

    /** Maps every part of a foreign name (CLDR writes "Myanmar (Burma)") to every part of the Arabic one. */
    private void add(String foreign, String arabic, Map<List<String>, Map<String, QueryTerm>> byForeign,
            Set<List<String>> excluded, Set<String> words) {
        List<QueryTerm> terms = new ArrayList<>();
        for (String name : parts(arabic)) {
            List<String> analysed = analyzer.words(name);
            if (!analysed.isEmpty() && ArabicForms.isArabicLetter(analysed.get(0).charAt(0))) {
                terms.add(new QueryTerm(name, analysed.stream().map(String::intern).toList()));
                if (analysed.size() == 1) {
                    words.add(analysed.get(0));
                }
            }
        }
        for (String name : parts(foreign)) {
            for (List<String> key : keys(name)) {
                if (excluded.contains(key)) {
                    continue;
                }
                Map<String, QueryTerm> arabicNames = byForeign.computeIfAbsent(key, k -> new LinkedHashMap<>());
                terms.forEach(term -> arabicNames.putIfAbsent(term.key(), term));
            }
        }
    }

    /** The analysed words of a foreign name, and of the same name without accents (Egypte for Égypte). */
    private Set<List<String>> keys(String name) {
        Set<List<String>> keys = new LinkedHashSet<>();
        for (String spelling : List.of(name, MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD))
                .replaceAll(""))) {
            List<String> words = analyzer.words(spelling);
            boolean usable = !words.isEmpty() && !(words.size() == 1 && (words.get(0).length() < 2
                    || EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(words.get(0))));
            if (usable && !ArabicForms.isArabicLetter(words.get(0).charAt(0))) {
                keys.add(words.stream().map(String::intern).toList());
            }
        }
        return keys;
    }

    private static List<String> parts(String names) {
        List<String> parts = new ArrayList<>();
        for (String part : ALTERNATIVE.split(names.strip())) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }
}
