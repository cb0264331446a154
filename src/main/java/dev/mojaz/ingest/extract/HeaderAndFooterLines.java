package dev.mojaz.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Lines at the edges of an article that belong to the page, not the story, recognisable in any language by their
 * shape rather than their words:
 * <ul>
 *   <li>at the top, before the text starts, short lines that are not sentences and carry a date or a time
 *       ("By Ann Lee - 11/18/19 11:04 PM", "Posted on March 30, 2015 by Admin", "16 تشرين الثاني 2017"), or are
 *       little more than the author's name ("By Ann Lee");
 *   <li>anywhere, short copyright notices: "© 2019 …", "Copyright …", "جميع الحقوق محفوظة".
 * </ul>
 */
final class HeaderAndFooterLines {
    private static final int SHORT = 100;
    /** A time, a numeric date, or a day number and a year on one line (a year alone may be a heading's). */
    private static final Pattern DATE_OR_TIME = Pattern.compile("\\b\\d{1,2}:\\d\\d\\b"
            + "|\\b\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}\\b"
            + "|\\b\\d{1,2}\\b.*\\b(1[89]|20)\\d\\d\\b|\\b(1[89]|20)\\d\\d\\b.*\\b\\d{1,2}\\b",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?؟…]['\"”’»)]*$");
    private static final Pattern CLOCK_END = Pattern.compile("(?i)[ap]\\.m\\.$");
    private static final Pattern COPYRIGHT =
            Pattern.compile("©|\\(c\\) \\d{4}|(?i:copyright|all rights reserved)|جميع الحقوق محفوظة");

    private HeaderAndFooterLines() {
    }

    static List<String> drop(List<String> paragraphs, String byline) {
        List<String> authors = authors(byline);
        int start = 0;
        while (start < paragraphs.size() && isHeaderLine(paragraphs.get(start), authors)) {
            start++;
        }
        List<String> kept = new ArrayList<>(paragraphs.size() - start);
        for (String paragraph : paragraphs.subList(start, paragraphs.size())) {
            if (!(paragraph.length() <= 150 && COPYRIGHT.matcher(paragraph).find())) {
                kept.add(paragraph);
            }
        }
        return kept;
    }

    private static boolean isHeaderLine(String paragraph, List<String> authors) {
        if (paragraph.length() > SHORT) {
            return false;
        }
        if (SENTENCE_END.matcher(paragraph).find() && !CLOCK_END.matcher(paragraph).find()) {
            return false;
        }
        if (DATE_OR_TIME.matcher(paragraph).find()) {
            return true;
        }
        // The author's name alone (or nearly): a dateline that merely contains an agency's name is text.
        String lower = paragraph.toLowerCase(Locale.ROOT);
        return authors.stream().anyMatch(name -> lower.contains(name) && name.length() * 2 >= lower.length());
    }

    private static List<String> authors(String byline) {
        if (byline == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String name : byline.split(",")) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            if (n.length() >= 4) {
                names.add(n);
            }
        }
        return names;
    }
}
