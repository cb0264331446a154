package dev.mojaz.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Matches each new article against every registered query: the alerting engine.
 *
 * <pre>{@code
 * MatchEngine engine = new MatchEngine();
 * engine.put(SubscriptionQuery.of(subscriptionId, chatId, parser.parse("داعش -رياضة")));
 * List<SubscriptionQuery> hits = engine.match(article.title(), article.text(), article.sourceId());
 * }</pre>
 *
 * <p>How it works. Subscriptions asking for the same thing (the same {@link Query#key()}) share one
 * <em>distinct query</em>, checked once per article however many people asked for it. Every word of every
 * distinct query is kept once in a dictionary, and each distinct query is filed under one <em>anchor</em> word per
 * alternative of one of its required parts (the part with the fewest alternatives; the longest word of each): an
 * article can only match the query if it contains an anchor. The checks themselves are compiled into one shared
 * array of word ids, so that checking thousands of candidates reads memory in order. An article is analysed once
 * ({@link MatchAnalyzer#forDocuments()}), each of its word forms is looked up in the dictionary without
 * allocating, the queries filed under the forms found become candidates, and only the candidates are checked in
 * full: phrases by position (each phrase once per article), exclusions, sources. Lucene Monitor does the same
 * job; {@code bench match} measures both, and this engine is two orders of magnitude faster (see README.md).
 *
 * <p>The one-off {@link #matches} used by the {@code match} command builds an engine with one query and asks
 * it, so the command decides exactly as alerting does.
 *
 * <p>Thread-safe: matching runs concurrently; registering and removing take a short exclusive lock.
 */
public final class MatchEngine {
    /** The one field title and text are analysed into (with a position gap between them). */
    public static final String FIELD = "text";

    private final MatchAnalyzer analyzer = MatchAnalyzer.forDocuments();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ThreadLocal<DocumentTerms> scratch = ThreadLocal.withInitial(DocumentTerms::new);

    // All guarded by lock.
    private final Map<Long, Registration> byId = new HashMap<>();
    private final Map<String, Distinct> byKey = new HashMap<>();
    private CharArrayMap<TermEntry> dictionary = new CharArrayMap<>(1024, false);
    private int nextTermId;
    /** Ids of words dropped from the dictionary, given to new words so that ids stay dense. */
    private int[] freeTermIds = new int[0];
    private int freeTermIdCount;
    private int liveTerms;
    private int deadTerms;
    /** Distinct queries by slot; a slot is free when null. */
    private Distinct[] slots = new Distinct[64];
    /** Where each slot's checks start in {@link #code}. */
    private int[] codeStart = new int[64];
    /** Whether each slot's query is restricted to sources (kept apart so that most checks never touch a Distinct). */
    private boolean[] restricted = new boolean[64];
    /**
     * By slot: the subscription when the distinct query has exactly one, with no source filter of its own, else
     * null. Most distinct queries have one subscriber, so a match is added from this array, read in slot order,
     * without following the Distinct and its subscriber array to two other places in memory.
     */
    private SubscriptionQuery[] soleSubscriber = new SubscriptionQuery[64];
    private int slotLimit;
    private int[] freeSlots = new int[16];
    private int freeSlotCount;
    /**
     * The checks of every distinct query, each: number of required parts, then per part its number of
     * alternatives and one term per alternative; then the number of exclusions and one term per exclusion. A term
     * is a word id (0 or more) or a phrase, written -(phrase id + 1).
     */
    private int[] code = new int[1024];
    private int codeUsed;
    private int codeGarbage;
    /**
     * Phrases, each kept once however many queries use it, so that an article checks each phrase at most once:
     * their word ids by phrase id.
     */
    private final Map<String, PhraseEntry> phrases = new HashMap<>();
    private int[][] phraseWords = new int[64][];
    private int nextPhraseId;
    private int[] freePhraseIds = new int[16];
    private int freePhraseIdCount;

    /** Decides whether one query matches one article exactly as a registered query would be decided. */
    public static boolean matches(Query query, String title, String text, String sourceId) {
        MatchEngine engine = new MatchEngine();
        engine.put(SubscriptionQuery.of(0, 0, query));
        return !engine.match(title, text, sourceId).isEmpty();
    }

    /** Registers {@code subscription} under its id, replacing any registered under the same id. */
    public void put(SubscriptionQuery subscription) {
        Objects.requireNonNull(subscription, "subscription");
        lock.writeLock().lock();
        try {
            Registration previous = byId.remove(subscription.id());
            if (previous != null) {
                unsubscribe(previous);
            }
            String key = subscription.query().key();
            Distinct distinct = byKey.get(key);
            if (distinct == null) {
                distinct = compile(key, subscription.query());
                byKey.put(key, distinct);
            }
            distinct.add(subscription);
            soleSubscriber[distinct.slot] = distinct.sole();
            byId.put(subscription.id(), new Registration(subscription, distinct));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes the subscription registered under {@code id}; false when there was none. */
    public boolean remove(long id) {
        lock.writeLock().lock();
        try {
            Registration previous = byId.remove(id);
            if (previous == null) {
                return false;
            }
            unsubscribe(previous);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Number of registered subscriptions. */
    public int size() {
        lock.readLock().lock();
        try {
            return byId.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of distinct queries among them (subscriptions with equal {@link Query#key()} share one). */
    public int distinctQueries() {
        lock.readLock().lock();
        try {
            return byKey.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The registered subscriptions whose query matches the article, in no particular order.
     *
     * @param title    the headline (may be empty)
     * @param text     the article text
     * @param sourceId the source it came from, or null when unknown (then queries restricted to sources do not
     *                 match)
     */
    public List<SubscriptionQuery> match(String title, String text, String sourceId) {
        String source = sourceId == null ? null : sourceId.toLowerCase(Locale.ROOT);
        lock.readLock().lock();
        try {
            DocumentTerms document = analyze(title, text, true);
            Matched matched = new Matched(document.lastMatchCount);
            // Candidates in slot order, which is mostly the order of their checks in the code array: memory is
            // read in one direction, which the processor's prefetching rewards.
            long[] candidates = document.candidates();
            for (int block = 0; block < candidates.length; block++) {
                long bits = candidates[block];
                if (bits == 0) {
                    continue;
                }
                candidates[block] = 0;
                do {
                    int slot = (block << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    if (matches(slot, document, source)) {
                        SubscriptionQuery sole = soleSubscriber[slot];
                        if (sole != null) {
                            matched.add(sole);
                        } else {
                            slots[slot].addMatches(source, matched);
                        }
                    }
                } while (bits != 0);
            }
            document.lastMatchCount = matched.size;
            return matched.toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The baseline {@code bench match} compares with: the article analysed once, then every registered
     * subscription checked one by one with the same checks as {@link #match}, with neither the anchor index nor
     * the sharing of equal queries (a phrase is still looked for once per article).
     */
    public List<SubscriptionQuery> matchEachQuery(String title, String text, String sourceId) {
        String source = sourceId == null ? null : sourceId.toLowerCase(Locale.ROOT);
        lock.readLock().lock();
        try {
            DocumentTerms document = analyze(title, text, false);
            List<SubscriptionQuery> matched = new ArrayList<>();
            for (Registration registration : byId.values()) {
                if (registration.subscription.allowsSource(source)
                        && matches(registration.distinct.slot, document, source)) {
                    matched.add(registration.subscription);
                }
            }
            return matched;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Makes the analysis forget the word forms it remembers (see {@link ArabicFormsFilter}); for the benchmark. */
    public void forgetWordForms() {
        analyzer.clearCaches();
    }

    // ---- registration --------------------------------------------------------------------------------------

    private Distinct compile(String key, Query query) {
        int slot = freeSlotCount > 0 ? freeSlots[--freeSlotCount] : slotLimit++;
        if (slot >= slots.length) {
            slots = Arrays.copyOf(slots, slots.length * 2);
            codeStart = Arrays.copyOf(codeStart, slots.length);
            restricted = Arrays.copyOf(restricted, slots.length);
            soleSubscriber = Arrays.copyOf(soleSubscriber, slots.length);
        }
        List<TermEntry> referenced = new ArrayList<>();
        List<PhraseEntry> referencedPhrases = new ArrayList<>();
        int start = codeUsed;
        TermEntry[] anchors = null;
        int bestAlternatives = Integer.MAX_VALUE;
        int bestAnchorLength = -1;
        append(query.required().size());
        for (Alternatives part : query.required()) {
            // Each wording of each term is one alternative: a place typed in English finds its Arabic names.
            List<List<String>> wordings = wordings(part.terms());
            append(wordings.size());
            TermEntry[] partAnchors = new TermEntry[wordings.size()];
            int shortestAnchor = Integer.MAX_VALUE;
            for (int t = 0; t < partAnchors.length; t++) {
                TermEntry anchor = null;
                for (TermEntry entry : appendTerm(wordings.get(t), referenced, referencedPhrases)) {
                    if (anchor == null || entry.text.length() > anchor.text.length()) {
                        anchor = entry;
                    }
                }
                partAnchors[t] = anchor;
                shortestAnchor = Math.min(shortestAnchor, anchor.text.length());
            }
            // Fewest alternatives first (fewer lists to be filed in), then the most specific anchors.
            if (partAnchors.length < bestAlternatives
                    || partAnchors.length == bestAlternatives && shortestAnchor > bestAnchorLength) {
                anchors = partAnchors;
                bestAlternatives = partAnchors.length;
                bestAnchorLength = shortestAnchor;
            }
        }
        List<List<String>> excluded = wordings(query.excluded());
        append(excluded.size());
        for (List<String> wording : excluded) {
            appendTerm(wording, referenced, referencedPhrases);
        }
        codeStart[slot] = start;
        restricted[slot] = !query.sources().isEmpty();
        Distinct distinct = new Distinct(key, slot, query.sources(), codeUsed - start,
                referenced.toArray(TermEntry[]::new), referencedPhrases.toArray(PhraseEntry[]::new),
                Arrays.stream(anchors).distinct().toArray(TermEntry[]::new));
        slots[slot] = distinct;
        for (TermEntry anchor : distinct.anchors) {
            anchor.anchor(slot);
        }
        return distinct;
    }

    private static List<List<String>> wordings(List<QueryTerm> terms) {
        List<List<String>> all = new ArrayList<>(terms.size());
        terms.forEach(term -> all.addAll(term.wordings()));
        return all;
    }

    /** Appends one wording (a word, or a shared phrase); returns its words' entries. */
    private List<TermEntry> appendTerm(List<String> words, List<TermEntry> referenced,
            List<PhraseEntry> referencedPhrases) {
        List<TermEntry> entries = new ArrayList<>(words.size());
        for (String word : words) {
            TermEntry entry = reference(word);
            referenced.add(entry);
            entries.add(entry);
        }
        if (entries.size() == 1) {
            append(entries.get(0).id);
        } else {
            PhraseEntry phrase = referencePhrase(entries.stream().mapToInt(entry -> entry.id).toArray());
            referencedPhrases.add(phrase);
            append(-(phrase.id + 1));
        }
        return entries;
    }

    private PhraseEntry referencePhrase(int[] words) {
        String key = Arrays.toString(words);
        PhraseEntry phrase = phrases.get(key);
        if (phrase == null) {
            int id = freePhraseIdCount > 0 ? freePhraseIds[--freePhraseIdCount] : nextPhraseId++;
            if (id >= phraseWords.length) {
                phraseWords = Arrays.copyOf(phraseWords, phraseWords.length * 2);
            }
            phraseWords[id] = words;
            phrase = new PhraseEntry(id, key);
            phrases.put(key, phrase);
        }
        phrase.references++;
        return phrase;
    }

    private void append(int value) {
        if (codeUsed == code.length) {
            code = Arrays.copyOf(code, code.length * 2);
        }
        code[codeUsed++] = value;
    }

    private TermEntry reference(String word) {
        TermEntry entry = dictionary.get(word);
        if (entry == null) {
            entry = new TermEntry(freeTermIdCount > 0 ? freeTermIds[--freeTermIdCount] : nextTermId++, word);
            dictionary.put(word, entry);
            liveTerms++;
        } else if (entry.references == 0) {
            deadTerms--;
            liveTerms++;
        }
        entry.references++;
        return entry;
    }

    private void unsubscribe(Registration registration) {
        Distinct distinct = registration.distinct;
        if (distinct.remove(registration.subscription.id())) {
            soleSubscriber[distinct.slot] = distinct.sole();
            return;
        }
        byKey.remove(distinct.key);
        release(distinct);
    }

    /** Frees a distinct query nobody subscribes to any more. */
    private void release(Distinct distinct) {
        int slot = distinct.slot;
        slots[slot] = null;
        soleSubscriber[slot] = null;
        if (freeSlotCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeSlotCount * 2);
        }
        freeSlots[freeSlotCount++] = slot;
        for (TermEntry anchor : distinct.anchors) {
            anchor.unanchor(slot);
        }
        for (TermEntry entry : distinct.terms) {
            if (--entry.references == 0) {
                liveTerms--;
                deadTerms++;
            }
        }
        for (PhraseEntry phrase : distinct.phrases) {
            if (--phrase.references == 0) {
                phrases.remove(phrase.key);
                phraseWords[phrase.id] = null;
                if (freePhraseIdCount == freePhraseIds.length) {
                    freePhraseIds = Arrays.copyOf(freePhraseIds, freePhraseIdCount * 2);
                }
                freePhraseIds[freePhraseIdCount++] = phrase.id;
            }
        }
        codeGarbage += distinct.codeLength;
        if (codeGarbage > Math.max(4096, codeUsed / 2)) {
            compactCode();
        }
        // Lucene's CharArrayMap cannot remove keys: unused words stay (and come back to life if reused) until
        // they outnumber the used ones, then the dictionary is rebuilt.
        if (deadTerms > Math.max(1024, liveTerms)) {
            CharArrayMap<TermEntry> live = new CharArrayMap<>(Math.max(1024, liveTerms * 2), false);
            for (Map.Entry<Object, TermEntry> e : dictionary.entrySet()) {
                TermEntry entry = e.getValue();
                if (entry.references > 0) {
                    live.put(entry.text, entry);
                } else {
                    if (freeTermIdCount == freeTermIds.length) {
                        freeTermIds = Arrays.copyOf(freeTermIds, Math.max(64, freeTermIdCount * 2));
                    }
                    freeTermIds[freeTermIdCount++] = entry.id;
                }
            }
            dictionary = live;
            deadTerms = 0;
        }
    }

    private void compactCode() {
        int[] compacted = new int[Math.max(1024, codeUsed - codeGarbage)];
        int used = 0;
        for (int slot = 0; slot < slotLimit; slot++) {
            Distinct distinct = slots[slot];
            if (distinct != null) {
                System.arraycopy(code, codeStart[slot], compacted, used, distinct.codeLength);
                codeStart[slot] = used;
                used += distinct.codeLength;
            }
        }
        code = compacted;
        codeUsed = used;
        codeGarbage = 0;
    }

    // ---- matching ----------------------------------------------------------------------------------------

    /** Runs the checks of the distinct query in {@code slot} against the article. */
    private boolean matches(int slot, DocumentTerms document, String sourceId) {
        if (restricted[slot] && (sourceId == null || !slots[slot].sources.contains(sourceId))) {
            return false;
        }
        int[] program = code;
        int pc = codeStart[slot];
        int parts = program[pc++];
        for (int p = 0; p < parts; p++) {
            int alternatives = program[pc++];
            boolean found = false;
            for (int a = 0; a < alternatives; a++) {
                int term = program[pc++];
                if (!found && document.contains(term, phraseWords)) {
                    found = true;
                }
            }
            if (!found) {
                return false;
            }
        }
        int exclusions = program[pc++];
        for (int e = 0; e < exclusions; e++) {
            if (document.contains(program[pc++], phraseWords)) {
                return false;
            }
        }
        return true;
    }

    /** Analyses title and text, recording the positions of dictionary words and collecting candidates. */
    private DocumentTerms analyze(String title, String text, boolean candidates) {
        DocumentTerms document = scratch.get();
        document.start(nextTermId, slotLimit, nextPhraseId);
        int last = addField(title == null ? "" : title, 0, document, candidates);
        addField(text == null ? "" : text, last + MatchAnalyzer.POSITION_GAP, document, candidates);
        return document;
    }

    private int addField(String value, int firstPosition, DocumentTerms document, boolean candidates) {
        int position = firstPosition - 1;
        try (TokenStream stream = analyzer.tokenStream(FIELD, value)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                TermEntry entry = dictionary.get(term.buffer(), 0, term.length());
                if (entry != null && entry.references > 0 && document.add(entry.id, position) && candidates) {
                    document.addCandidates(entry.anchored, entry.anchoredCount);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        }
        return Math.max(position, firstPosition);
    }

    /** A registered subscription and the distinct query it shares. */
    private record Registration(SubscriptionQuery subscription, Distinct distinct) {
    }

    /** One phrase, shared by every query that uses it. */
    private static final class PhraseEntry {
        final int id;
        final String key;
        int references;

        PhraseEntry(int id, String key) {
            this.id = id;
            this.key = key;
        }
    }

    /** One word of the dictionary. */
    private static final class TermEntry {
        final int id;
        final String text;
        int references;
        int[] anchored = new int[0];
        int anchoredCount;

        TermEntry(int id, String text) {
            this.id = id;
            this.text = text;
        }

        void anchor(int slot) {
            if (anchoredCount == anchored.length) {
                anchored = Arrays.copyOf(anchored, Math.max(4, anchoredCount * 2));
            }
            anchored[anchoredCount++] = slot;
        }

        void unanchor(int slot) {
            for (int i = 0; i < anchoredCount; i++) {
                if (anchored[i] == slot) {
                    anchored[i] = anchored[--anchoredCount];
                    return;
                }
            }
        }
    }

    /** A query as many subscriptions may share it: its checks live in {@link #code}. */
    private static final class Distinct {
        final String key;
        final int slot;
        final List<String> sources;
        final int codeLength;
        /** Every dictionary entry and phrase referenced, once per reference, to release them. */
        final TermEntry[] terms;
        final PhraseEntry[] phrases;
        final TermEntry[] anchors;
        private SubscriptionQuery[] subscribers = new SubscriptionQuery[1];
        private int subscriberCount;
        /** Subscribers with a source filter of their own, checked one by one; the others are added in bulk. */
        private int filteredSubscribers;

        Distinct(String key, int slot, List<String> sources, int codeLength, TermEntry[] terms, PhraseEntry[] phrases,
                TermEntry[] anchors) {
            this.key = key;
            this.slot = slot;
            this.sources = sources;
            this.codeLength = codeLength;
            this.terms = terms;
            this.phrases = phrases;
            this.anchors = anchors;
        }

        void add(SubscriptionQuery subscription) {
            if (subscriberCount == subscribers.length) {
                subscribers = Arrays.copyOf(subscribers, subscriberCount * 2);
            }
            subscribers[subscriberCount++] = subscription;
            if (!subscription.sources().isEmpty()) {
                filteredSubscribers++;
            }
        }

        /** The only subscriber when there is one, with no source filter of its own; else null. */
        SubscriptionQuery sole() {
            return subscriberCount == 1 && filteredSubscribers == 0 ? subscribers[0] : null;
        }

        /** Removes a subscriber; false when none is left. */
        boolean remove(long id) {
            for (int i = 0; i < subscriberCount; i++) {
                if (subscribers[i].id() == id) {
                    if (!subscribers[i].sources().isEmpty()) {
                        filteredSubscribers--;
                    }
                    subscribers[i] = subscribers[--subscriberCount];
                    subscribers[subscriberCount] = null;
                    break;
                }
            }
            return subscriberCount > 0;
        }

        void addMatches(String sourceId, Matched matched) {
            if (filteredSubscribers == 0) {
                matched.addAll(subscribers, subscriberCount);
                return;
            }
            for (int i = 0; i < subscriberCount; i++) {
                if (subscribers[i].allowsSource(sourceId)) {
                    matched.add(subscribers[i]);
                }
            }
        }
    }

    /** The subscriptions found for one article, gathered with plain array copies. */
    private static final class Matched {
        private SubscriptionQuery[] found;
        private int size;

        /** Sized for as many as the thread's previous article found, so that the array rarely grows. */
        Matched(int expected) {
            found = new SubscriptionQuery[Math.max(64, expected + expected / 8)];
        }

        void add(SubscriptionQuery subscription) {
            if (size == found.length) {
                found = Arrays.copyOf(found, size * 2);
            }
            found[size++] = subscription;
        }

        void addAll(SubscriptionQuery[] subscriptions, int count) {
            if (size + count > found.length) {
                found = Arrays.copyOf(found, Math.max(found.length * 2, size + count));
            }
            System.arraycopy(subscriptions, 0, found, size, count);
            size += count;
        }

        List<SubscriptionQuery> toList() {
            return Collections.unmodifiableList(Arrays.asList(found).subList(0, size));
        }
    }

    /**
     * The positions of the dictionary words found in one article, and the candidate queries. One per thread,
     * reused from article to article so that matching allocates little: word ids index arrays directly, and a
     * word counts as present only when it was stamped with the current article's generation.
     */
    static final class DocumentTerms {
        private int generation;
        /** By word id: the generation of the article it was last seen in. */
        private int[] stamp = new int[1024];
        /** By word id: its index in {@link #positions} for the current article. */
        private int[] local = new int[1024];
        private int[][] positions = new int[256][];
        private int[] counts = new int[256];
        private int size;
        private int[] phraseLocal = new int[8];
        /** By phrase id: the generation it was last checked in, and the outcome. */
        private int[] phraseStamp = new int[64];
        private boolean[] phraseFound = new boolean[64];
        /** Candidate slots, as a bit set; whoever reads it clears it. */
        private long[] candidates = new long[64];
        /** How many subscriptions the thread's previous article matched: the size to start the next result at. */
        int lastMatchCount;

        /** Starts a new article; ids of words, slots and phrases are below the limits given. */
        void start(int wordLimit, int slotLimit, int phraseLimit) {
            if (++generation == Integer.MAX_VALUE) {
                Arrays.fill(stamp, 0);
                Arrays.fill(phraseStamp, 0);
                generation = 1;
            }
            if (phraseStamp.length < phraseLimit) {
                int length = Math.max(phraseLimit, phraseStamp.length * 2);
                phraseStamp = Arrays.copyOf(phraseStamp, length);
                phraseFound = Arrays.copyOf(phraseFound, length);
            }
            if (stamp.length < wordLimit) {
                int length = Math.max(wordLimit, stamp.length * 2);
                stamp = Arrays.copyOf(stamp, length);
                local = Arrays.copyOf(local, length);
            }
            int candidateWords = (slotLimit >> 6) + 1;
            if (candidates.length != candidateWords) {
                candidates = new long[candidateWords];
            } else {
                Arrays.fill(candidates, 0);
            }
            size = 0;
        }

        /** Records word {@code id} at {@code position}; true when the article had not had that word before. */
        boolean add(int id, int position) {
            if (stamp[id] != generation) {
                stamp[id] = generation;
                if (size == counts.length) {
                    positions = Arrays.copyOf(positions, size * 2);
                    counts = Arrays.copyOf(counts, size * 2);
                }
                if (positions[size] == null) {
                    positions[size] = new int[4];
                }
                positions[size][0] = position;
                counts[size] = 1;
                local[id] = size++;
                return true;
            }
            int l = local[id];
            int count = counts[l];
            int[] list = positions[l];
            if (list[count - 1] != position) {
                if (count == list.length) {
                    list = positions[l] = Arrays.copyOf(list, count * 2);
                }
                list[count] = position;
                counts[l] = count + 1;
            }
            return false;
        }

        void addCandidates(int[] slots, int count) {
            long[] bits = candidates;
            for (int i = 0; i < count; i++) {
                int slot = slots[i];
                bits[slot >> 6] |= 1L << slot;
            }
        }

        /** The candidate slots found, as a bit set sized to the slots; the caller clears what it reads. */
        long[] candidates() {
            return candidates;
        }

        /** Whether the term (a word id, or -(phrase id + 1)) appears; each phrase is looked for once. */
        boolean contains(int term, int[][] phraseWords) {
            if (term >= 0) {
                return stamp[term] == generation;
            }
            int phrase = -term - 1;
            if (phraseStamp[phrase] != generation) {
                phraseStamp[phrase] = generation;
                phraseFound[phrase] = containsPhrase(phraseWords[phrase]);
            }
            return phraseFound[phrase];
        }

        /** Whether the words appear one after the other. */
        private boolean containsPhrase(int[] words) {
            int count = words.length;
            if (phraseLocal.length < count) {
                phraseLocal = new int[count];
            }
            // Walk the positions of the phrase's rarest word and look the others up around each of them.
            int driver = 0;
            for (int w = 0; w < count; w++) {
                int id = words[w];
                if (stamp[id] != generation) {
                    return false;
                }
                phraseLocal[w] = local[id];
                if (counts[phraseLocal[w]] < counts[phraseLocal[driver]]) {
                    driver = w;
                }
            }
            int[] driverPositions = positions[phraseLocal[driver]];
            next:
            for (int p = 0; p < counts[phraseLocal[driver]]; p++) {
                int start = driverPositions[p] - driver;
                for (int w = 0; w < count; w++) {
                    int l = phraseLocal[w];
                    if (w != driver && Arrays.binarySearch(positions[l], 0, counts[l], start + w) < 0) {
                        continue next;
                    }
                }
                return true;
            }
            return false;
        }
    }
}
