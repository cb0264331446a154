package dev.mojaz.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.config.ConfigLoader;
import dev.mojaz.config.MojazConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The topics /subscribe offers as buttons catch the forms news writes them in, as the real matcher decides: the
 * noun with and without its article and clitics, and its adjective («اقتصادية» for اقتصاد, «العراقيين» for عراق).
 */
@Tag("fast")
class SuggestedTopicsTest {
    private static final Map<String, List<String>> FORMS = Map.of(
            "سوريا", List.of("سوريا", "سورية", "السورية", "السوري", "السوريين", "لسوريا", "وسورية", "بسوريا"),
            "لبنان", List.of("لبنان", "اللبنانية", "اللبناني", "لبنانيون", "اللبنانيين", "للبنان", "ولبنان"),
            "فلسطين", List.of("فلسطين", "الفلسطينية", "الفلسطيني", "فلسطينيون", "الفلسطينيين", "لفلسطين"),
            "عراق", List.of("العراق", "العراقية", "العراقي", "عراقيون", "العراقيين", "للعراق", "والعراق", "بالعراق"),
            "مصر", List.of("مصر", "المصرية", "المصري", "مصريون", "المصريين", "لمصر", "ومصر", "بمصر"),
            "اقتصاد", List.of("اقتصاد", "الاقتصاد", "اقتصادية", "الاقتصادية", "الاقتصادي", "اقتصاديون", "للاقتصاد",
                    "اقتصادات"));

    @Test
    void everyDefaultTopicCatchesEveryFormOfIt() throws InvalidQueryException {
        MojazConfig config = new ConfigLoader(Map.of()).defaults();
        QueryParser parser = new QueryParser(config.match(), List.of());
        List<String> topics = config.bot().suggestedTopics();
        assertThat(topics).containsExactlyInAnyOrderElementsOf(FORMS.keySet());
        for (String topic : topics) {
            Query query = parser.parse(topic);
            for (String form : FORMS.get(topic)) {
                assertThat(MatchEngine.matches(query, "", "قال مسؤول إن " + form + " في الخبر.", null))
                        .as("%s catches «%s»", topic, form).isTrue();
            }
        }
    }
}
