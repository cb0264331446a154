package dev.mojaz.ingest.dedupe;

import dev.mojaz.text.BoilerplateFilter;
import dev.mojaz.text.SentenceSplitter;
import dev.mojaz.text.TermAnalyzer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Groups a stream of reports into stories, one per event: each new report is compared with the reports of the
 * recent stories that share a rare term with it, and joins the one it matches best ({@link EventMatcher}), or starts
 * a story of its own.
 *
 * <p>Incremental: candidates come from two inverted indexes over the open stories (rare term → stories), one of
 * the members' leads and one of their whole texts, so that a report is compared with a handful of stories, not
 * with everything. A story closes once its newest report is older than the window behind the newest report seen;
 * its postings are dropped, so memory follows the stories of the last {@link GroupingSettings#window()}.
 *
 * <p>A story never takes a second report from an outlet it already has, and a report whose figures disagree with
 * any report of the story stays out (a chain of pairwise matches must not carry one event into another).
 * Deterministic: the same reports in the same order give the same stories. Thread-safe (one lock: the work per
 * report is small).
 */
public final class StoryGrouper {
    private final ReportAnalyzer analyzer;
    private final EventMatcher matcher;
    private final TermStatistics statistics;
    private final boolean learns;

    private final Map<Long, OpenStory> open = new HashMap<>();
    private final Map<String, Set<Long>> leadIndex = new HashMap<>();
    private final Map<String, Set<Long>> textIndex = new HashMap<>();
    /** Open stories by their newest report's time, to close them in order. */
    private final TreeSet<OpenStory> byNewest = new TreeSet<>(
            Comparator.comparing((OpenStory s) -> s.newest).thenComparingLong(s -> s.id));
    private long nextId = 1;
    private long comparisons;
    private Instant latest = Instant.MIN;

    private StoryGrouper(ReportAnalyzer analyzer, EventMatcher matcher, TermStatistics statistics, boolean learns) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.learns = learns;
        if (matcher.settings().minSharedNames() < 1) {
            throw new IllegalArgumentException("the grouper finds candidates by shared names: minSharedNames >= 1");
        }
    }

    /** A grouper that counts every report it is given into {@code statistics} (which may start warm). */
    public static StoryGrouper learning(ReportAnalyzer analyzer, EventMatcher matcher, TermStatistics statistics) {
        return new StoryGrouper(analyzer, matcher, statistics, true);
    }

    /** A grouper on fixed corpus statistics, counted beforehand (to evaluate on a known corpus). */
    public static StoryGrouper fixed(ReportAnalyzer analyzer, EventMatcher matcher, TermStatistics statistics) {
        return new StoryGrouper(analyzer, matcher, statistics, false);
    }

    /** The standard text engine and settings, learning from an empty corpus. */
    public static StoryGrouper standard() {
        return learning(standardAnalyzer(), new EventMatcher(GroupingSettings.standard()), new TermStatistics());
    }

    /** The analyzer the standard grouper uses. */
    public static ReportAnalyzer standardAnalyzer() {
        return new ReportAnalyzer(new SentenceSplitter(BoilerplateFilter.standard()), TermAnalyzer.standard());
    }

    /** Adds a report and says which story it went to. */
    public synchronized Placement add(Report report) {
        AnalyzedReport analyzed = analyzer.analyze(report);
        if (learns) {
            statistics.add(analyzed.terms());
        }
        if (report.published().isAfter(latest)) {
            latest = report.published();
            closeStories();
        }
        Match match = bestMatch(analyzed);
        OpenStory story;
        if (match == null) {
            story = new OpenStory(nextId++);
            open.put(story.id, story);
        } else {
            story = match.story;
            byNewest.remove(story); // its key may change
        }
        story.add(analyzed);
        byNewest.add(story);
        index(story.id, analyzed);
        return match == null
                ? new Placement(story.snapshot(), false, null, null)
                : new Placement(story.snapshot(), true, match.member.report().url(), match.comparison);
    }

    /** A story a report may join, through the member it matched best. */
    private record Match(OpenStory story, AnalyzedReport member, Comparison comparison) {
    }

    /**
     * The candidate story whose best matching member matches the report best, or null. A story is out when it has a
     * report from the same outlet, or one whose figures disagree with the report's.
     */
    private Match bestMatch(AnalyzedReport report) {
        Match best = null;
        for (long id : candidates(report)) {
            OpenStory story = open.get(id);
            if (story.hasSource(report.report().source())) {
                continue;
            }
            Match inStory = null;
            boolean disagree = false;
            for (AnalyzedReport member : story.members) {
                Comparison comparison = matcher.compare(report, member, statistics);
                comparisons++;
                if (comparison.numbersDisagree()) {
                    disagree = true;
                    break;
                }
                if (comparison.sameEvent() && (inStory == null || comparison.score() > inStory.comparison.score())) {
                    inStory = new Match(story, member, comparison);
                }
            }
            if (!disagree && inStory != null && (best == null
                    || inStory.comparison.score() > best.comparison.score())) {
                best = inStory;
            }
        }
        return best;
    }

    /**
     * The analysed reports of an open story (none once it has closed), for {@link SentenceAgreement#support}: what
     * the story's outlets agree on.
     */
    public synchronized List<AnalyzedReport> reportsOf(long storyId) {
        OpenStory story = open.get(storyId);
        return story == null ? List.of() : List.copyOf(story.members);
    }

    /** The statistics the grouper weighs terms with (read them under no other thread's writes). */
    public TermStatistics statistics() {
        return statistics;
    }

    /** Report-to-report comparisons made so far: what the index saves against comparing all pairs. */
    public synchronized long comparisons() {
        return comparisons;
    }

    /** Stories still open. */
    public synchronized int openStories() {
        return open.size();
    }

    /**
     * Open stories with a member that shares a currently rare term with the report, one way or the other: a rare
     * term of its lead in a member's text, or a rare term of its text in a member's lead. Exactly the stories where
     * the matcher can find a shared name, so the index loses no match. In id order.
     */
    private Set<Long> candidates(AnalyzedReport report) {
        double rare = matcher.settings().rareShare();
        Set<Long> found = new TreeSet<>();
        for (String term : report.leadTerms().keySet()) {
            Set<Long> stories = textIndex.get(term);
            if (stories != null && statistics.isRare(term, rare)) {
                found.addAll(stories);
            }
        }
        for (String term : report.terms()) {
            Set<Long> stories = leadIndex.get(term);
            if (stories != null && statistics.isRare(term, rare)) {
                found.addAll(stories);
            }
        }
        return found;
    }

    private void index(long id, AnalyzedReport report) {
        for (String term : report.leadTerms().keySet()) {
            leadIndex.computeIfAbsent(term, t -> new TreeSet<>()).add(id);
        }
        for (String term : report.terms()) {
            textIndex.computeIfAbsent(term, t -> new TreeSet<>()).add(id);
        }
    }

    /** Closes the stories whose newest report is more than the window older than the latest report. */
    private void closeStories() {
        Instant horizon = latest.minus(matcher.settings().window());
        while (!byNewest.isEmpty() && byNewest.first().newest.isBefore(horizon)) {
            OpenStory story = byNewest.pollFirst();
            open.remove(story.id);
            for (AnalyzedReport member : story.members) {
                unindex(leadIndex, member.leadTerms().keySet(), story.id);
                unindex(textIndex, member.terms(), story.id);
            }
        }
    }

    private static void unindex(Map<String, Set<Long>> index, Set<String> terms, long id) {
        for (String term : terms) {
            Set<Long> stories = index.get(term);
            if (stories != null && stories.remove(id) && stories.isEmpty()) {
                index.remove(term);
            }
        }
    }

    private static final class OpenStory {
        final long id;
        final List<AnalyzedReport> members = new ArrayList<>();
        Instant newest = Instant.MIN;

        OpenStory(long id) {
            this.id = id;
        }

        void add(AnalyzedReport member) {
            members.add(member);
            Instant published = member.report().published();
            if (published.isAfter(newest)) {
                newest = published;
            }
        }

        boolean hasSource(String source) {
            for (AnalyzedReport member : members) {
                if (member.report().source().equals(source)) {
                    return true;
                }
            }
            return false;
        }

        Story snapshot() {
            List<Story.Member> reports = new ArrayList<>(members.size());
            for (AnalyzedReport member : members) {
                Report r = member.report();
                reports.add(new Story.Member(r.url(), r.source(), r.published()));
            }
            return new Story(id, reports);
        }
    }
}
