package dev.mojaz.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessagePattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The mechanical rules of the Arabic texts, so that a new text keeps them without anyone rereading all the others:
 *
 * <ul>
 *   <li>a number never meets a noun outside an ICU plural: no digit written before an Arabic word, and no numeric
 *       argument put straight before one (Arabic counts with six forms: «1 مرات» is wrong, the plural's
 *       {@code one{مرة واحدة}} is right);</li>
 *   <li>one spelling of the tanween on a final alif: ـاً (on the alif), never ـًا;</li>
 *   <li>one term for one thing: a subscription is «اشتراك», never «استعلام»; a digest is «نشرة», and «موجز» is only
 *       the bot's name (never «موجزك», «الموجز»);</li>
 *   <li>the help shows the Arabic operators people can type on an Arabic keyboard: «أو» alone, and «مصدر:».</li>
 * </ul>
 */
@Tag("fast")
class ArabicWordingTest {
    /** The bot's arguments that are numbers (every one its code passes as a number). */
    private static final Set<String> NUMERIC = Set.of("count", "max", "added", "skipped", "people", "active",
            "subscriptions", "articles", "queue", "pending", "sending", "failed", "dead", "sent", "number", "part",
            "parts", "hour_count", "owners", "personal", "limit");
    /** The query parser's messages whose numbered arguments are numbers. */
    private static final Set<String> NUMERIC_QUERY_MESSAGES = Set.of("query.too-long", "query.too-many-terms",
            "query.too-many-subscriptions");
    /** Words a number may stand before without agreeing with them: «الجزء 2 من 5». */
    private static final Set<String> PARTICLES = Set.of("من", "في", "على", "إلى", "أو", "و");
    private static final Pattern ARABIC_LETTER = Pattern.compile("\\p{IsArabic}");
    private static final Pattern DIGIT_BEFORE_WORD = Pattern.compile("[0-9\\u0660-\\u0669]+\\s*[\\u0621-\\u064A]");

    /** Every Arabic text (the query parser's messages are among them), by key. */
    private static Map<String, String> arabicTexts() throws IOException {
        Map<String, String> texts = new TreeMap<>();
        for (String bundle : List.of("/dev/mojaz/i18n/messages_ar.properties")) {
            Properties properties = new Properties();
            try (InputStream in = ArabicWordingTest.class.getResourceAsStream(bundle);
                 Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            properties.forEach((key, value) -> texts.put(bundle + " " + key, (String) value));
        }
        return texts;
    }

    /** The literal text of a template: what is written, without its arguments' names and plural keywords. */
    private static List<String> literals(String template) {
        MessagePattern pattern = new MessagePattern(MessagePattern.ApostropheMode.DOUBLE_REQUIRED).parse(template);
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < pattern.countParts(); i++) {
            MessagePattern.Part part = pattern.getPart(i);
            MessagePattern.Part.Type type = part.getType();
            if (type == MessagePattern.Part.Type.MSG_START) {
                depth++;
                start = part.getLimit();
            } else if (type == MessagePattern.Part.Type.MSG_LIMIT || type == MessagePattern.Part.Type.ARG_START
                    || type == MessagePattern.Part.Type.REPLACE_NUMBER) {
                parts.add(template.substring(start, part.getIndex()));
                if (type == MessagePattern.Part.Type.MSG_LIMIT) {
                    depth--;
                }
            }
            if (type == MessagePattern.Part.Type.ARG_LIMIT || type == MessagePattern.Part.Type.REPLACE_NUMBER) {
                start = part.getLimit();
            }
        }
        return parts;
    }

    @Test
    void noNumberMeetsANounOutsideAPluralForm() throws IOException {
        List<String> faults = new ArrayList<>();
        for (Map.Entry<String, String> text : arabicTexts().entrySet()) {
            String template = text.getValue();
            for (String literal : literals(template)) {
                Matcher digits = DIGIT_BEFORE_WORD.matcher(literal);
                if (digits.find()) {
                    faults.add(text.getKey() + ": a number before a word: «" + digits.group() + "»");
                }
            }
            MessagePattern pattern = new MessagePattern(MessagePattern.ApostropheMode.DOUBLE_REQUIRED).parse(template);
            for (int i = 0; i < pattern.countParts(); i++) {
                MessagePattern.Part part = pattern.getPart(i);
                if (part.getType() != MessagePattern.Part.Type.ARG_START
                        || part.getArgType() != MessagePattern.ArgType.NONE
                        && part.getArgType() != MessagePattern.ArgType.SIMPLE) {
                    continue;
                }
                String name = pattern.getSubstring(pattern.getPart(i + 1));
                boolean numeric = name.chars().allMatch(Character::isDigit)
                        ? NUMERIC_QUERY_MESSAGES.stream().anyMatch(key -> text.getKey().endsWith(" " + key))
                        : NUMERIC.contains(name);
                if (!numeric) {
                    continue;
                }
                int limit = pattern.getPart(pattern.getLimitPartIndex(i)).getLimit();
                String after = template.substring(limit).replaceFirst("^ +", "");
                String word = after.split("[^\\p{IsArabic}]", 2)[0];
                if (!word.isEmpty() && !PARTICLES.contains(word)) {
                    faults.add(text.getKey() + ": the number {" + name + "} before a word: «"
                            + after.substring(0, Math.min(20, after.length())) + "…»: use a plural form");
                }
            }
        }
        assertThat(faults).isEmpty();
    }

    @Test
    void theTanweenOnAFinalAlifIsSpeltOneWay() throws IOException {
        List<String> faults = new ArrayList<>();
        arabicTexts().forEach((key, text) -> {
            if (text.contains("\u064B\u0627")) { // fathatan before the alif: ـًا
                faults.add(key);
            }
        });
        assertThat(faults).as("write ـاً (the tanween on the alif), not ـًا").isEmpty();
    }

    @Test
    void oneTermForOneThing() throws IOException {
        List<String> faults = new ArrayList<>();
        Pattern digestAsMojaz = Pattern.compile("موجز[\\u0621-\\u064A]|(?<!\\p{IsArabic})(ال|لل|ل|ب)موجز");
        arabicTexts().forEach((key, text) -> {
            if (text.contains("استعلام")) {
                faults.add(key + ": «استعلام»: a subscription is «اشتراك»");
            }
            if (digestAsMojaz.matcher(text).find()) {
                faults.add(key + ": «موجز» is the bot's name; a digest is «نشرة»");
            }
        });
        assertThat(faults).isEmpty();
    }

    @Test
    void theHelpShowsTheOperatorsAnArabicKeyboardTypes() throws IOException {
        String help = arabicTexts().get("/dev/mojaz/i18n/messages_ar.properties help.query");
        assertThat(help).contains("<code>روسيا أو موسكو</code>").doesNotContain("OR").doesNotContain("source:")
                .contains("مصدر:");
    }

    @Test
    void countsReadAsArabicCountsThem() {
        Texts texts = Texts.standard();
        Map<Integer, String> failing = Map.of(1, "فشلت آخر قراءة", 2, "فشلت آخر قراءتين", 3, "فشلت آخر 3 قراءات",
                11, "فشلت آخر 11 قراءة", 100, "فشلت آخر 100 قراءة");
        failing.forEach((count, reads) -> assertThat(texts.plain(Language.AR, Msg.VALUE_SOURCE_FAILING,
                Map.of("count", count))).isEqualTo("متعثّرة: " + reads));
        assertThat(texts.html(Language.AR, Msg.SUMMARY_RATE_LIMITED, Map.of("unit", "hours", "count", 1)).visibleText())
                .contains("بعد ساعة من فضلك").doesNotContain("60");
        assertThat(texts.html(Language.AR, Msg.SUMMARY_RATE_LIMITED, Map.of("unit", "minutes", "count", 2))
                .visibleText()).contains("بعد دقيقتين");
        assertThat(texts.html(Language.AR, Msg.ADMIN_BROADCAST_CONFIRM, Map.of("count", 11, "text", "نص"))
                .visibleText()).startsWith("هل أرسل هذا إلى 11 محادثة؟");
    }
}
