package dev.mojaz.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class HeaderAndFooterLinesTest {
    private static final String TEXT = "The council voted on Tuesday to close the old bridge after engineers found cracks.";

    @Test
    void leadingLinesWithADateOrTheAuthorAreDropped() {
        List<String> paragraphs = List.of("By Ann Lee - 11/18/19 11:04 PM EST", "Posted on March 30, 2015 by Admin",
                "Ann Lee", "الثلاثاء 10 تشرين الأول 2017", TEXT, "Updated at 1:23 p.m. on 11/18/19");

        assertThat(HeaderAndFooterLines.drop(paragraphs, "Ann Lee"))
                .containsExactly(TEXT, "Updated at 1:23 p.m. on 11/18/19");
    }

    @Test
    void datelinesHeadingsAndSentencesAtTheTopAreKept() {
        List<String> paragraphs = List.of("موسكو-أستانا-سانا", "Calendar 2018", "In 2019, on May 3, it rained.", TEXT);

        assertThat(HeaderAndFooterLines.drop(paragraphs, "سانا")).isEqualTo(paragraphs);
    }

    @Test
    void copyrightNoticesAreDroppedAnywhere() {
        List<String> paragraphs = List.of(TEXT, "© 2019 Associated Press. All Rights Reserved.",
                "جميع الحقوق محفوظة للموقع 2017", TEXT);

        assertThat(HeaderAndFooterLines.drop(paragraphs, null)).containsExactly(TEXT, TEXT);
    }
}
