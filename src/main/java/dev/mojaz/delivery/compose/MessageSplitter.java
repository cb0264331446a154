package dev.mojaz.delivery.compose;

import dev.mojaz.html.Html;
import dev.mojaz.html.TelegramHtml.Atom;
import dev.mojaz.html.TelegramHtml;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Cuts a long text (a digest) into Telegram messages of at most {@code limit} characters as Telegram counts them
 * (UTF-16 code units after entity parsing).
 *
 * <p>Blocks (digest items) are packed whole into as few messages as they fit; a heading marked
 * {@link Block#keepWithNext()} never ends a message without what follows it. A block longer than a whole message
 * is cut at the best boundary within it: a paragraph break, else a line break, else the end of a sentence
 * ({@code . ! ? ؟ …}), else a space, else between two characters (never before a combining mark such as an
 * Arabic vowel sign). A cut never falls inside a tag or an entity: tags open at the cut are closed at the end of
 * one message and opened again at the start of the next.
 */
public final class MessageSplitter {
    /** Telegram's limit for the text of one message. */
    public static final int MESSAGE_LIMIT = 4096;
    private static final int MIN_LIMIT = 16;

    private final int limit;

    public MessageSplitter(int limit) {
        if (limit < MIN_LIMIT) {
            throw new IllegalArgumentException("limit must be at least " + MIN_LIMIT + " (was " + limit + ")");
        }
        this.limit = limit;
    }

    /** A splitter for Telegram message texts (4096). */
    public static MessageSplitter forMessages() {
        return new MessageSplitter(MESSAGE_LIMIT);
    }

    public int limit() {
        return limit;
    }

    /**
     * One unit of a long text.
     *
     * @param html         the block's markup
     * @param keepWithNext a heading: it goes into the same message as the block after it
     */
    public record Block(Html html, boolean keepWithNext) {
        public Block {
            Objects.requireNonNull(html, "html");
        }

        public static Block item(Html html) {
            return new Block(html, false);
        }

        public static Block heading(Html html) {
            return new Block(html, true);
        }
    }

    /** Packs {@code blocks}, joined by {@code separator}, into messages of at most {@link #limit()}. */
    public List<Html> split(List<Block> blocks, Html separator) {
        int separatorLength = separator.visibleLength();
        List<Html> messages = new ArrayList<>();
        Html current = null;
        int currentLength = 0;
        for (Html unit : glueHeadings(blocks, separator)) {
            if (unit.isEmpty()) {
                continue;
            }
            int length = unit.visibleLength();
            if (current != null && currentLength + separatorLength + length <= limit) {
                current = Html.concat(current, separator, unit);
                currentLength += separatorLength + length;
                continue;
            }
            if (current != null) {
                messages.add(current);
            }
            if (length <= limit) {
                current = unit;
                currentLength = length;
            } else {
                List<Html> pieces = cut(unit);
                messages.addAll(pieces.subList(0, pieces.size() - 1));
                current = pieces.get(pieces.size() - 1);
                currentLength = current.visibleLength();
            }
        }
        if (current != null) {
            messages.add(current);
        }
        return messages;
    }

    /** One text, cut into messages only if it is longer than {@link #limit()}. */
    public List<Html> split(Html text) {
        return text.visibleLength() <= limit ? List.of(text) : cut(text);
    }

    private static List<Html> glueHeadings(List<Block> blocks, Html separator) {
        List<Html> units = new ArrayList<>();
        Html pending = null;
        for (Block block : blocks) {
            Html html = pending == null ? block.html() : Html.concat(pending, separator, block.html());
            if (block.keepWithNext()) {
                pending = html;
            } else {
                units.add(html);
                pending = null;
            }
        }
        if (pending != null) {
            units.add(pending);
        }
        return units;
    }

    /** Where a cut may go, best first. */
    private enum Boundary { PARAGRAPH, LINE, SENTENCE, WORD, CHARACTER }

    private List<Html> cut(Html text) {
        List<Atom> atoms = TelegramHtml.parse(text.markup()).atoms();
        List<Html> pieces = new ArrayList<>();
        Deque<Atom> openAtStart = new ArrayDeque<>();
        int start = skipWhitespace(atoms, 0);
        while (start < atoms.size()) {
            int end = findCut(atoms, start);
            Deque<Atom> openAtEnd = new ArrayDeque<>(openAtStart);
            StringBuilder piece = new StringBuilder();
            for (Iterator<Atom> reopen = openAtStart.descendingIterator(); reopen.hasNext(); ) {
                piece.append(reopen.next().markup());
            }
            int lastVisible = trimTrailingWhitespace(atoms, start, end);
            for (int i = start; i < end; i++) {
                Atom atom = atoms.get(i);
                track(openAtEnd, atom);
                if (i < lastVisible || atom.isTag()) {
                    piece.append(atom.markup());
                }
            }
            for (Atom open : openAtEnd) {
                piece.append("</").append(open.tag()).append('>');
            }
            Html html = new Html(piece.toString());
            if (!html.visibleText().isBlank()) {
                pieces.add(html);
            }
            openAtStart = openAtEnd;
            start = skipWhitespace(atoms, end);
        }
        return pieces;
    }

    /** The end (exclusive) of the piece that starts at {@code start}. */
    private int findCut(List<Atom> atoms, int start) {
        int[] bestAt = new int[Boundary.values().length];
        int[] bestLength = new int[Boundary.values().length];
        int length = 0;
        int i = start;
        while (i < atoms.size()) {
            Atom atom = atoms.get(i);
            if (!atom.isTag()) {
                if (length + atom.visible().length() > limit) {
                    break;
                }
                length += atom.visible().length();
            }
            i++;
            Boundary boundary = boundaryBefore(atoms, i);
            if (boundary != null && length > 0) {
                bestAt[boundary.ordinal()] = i;
                bestLength[boundary.ordinal()] = length;
            }
        }
        if (i >= atoms.size()) {
            return atoms.size();
        }
        int cut = 0;
        for (Boundary b : Boundary.values()) {
            if (bestAt[b.ordinal()] > 0 && bestLength[b.ordinal()] >= limit / 2) {
                cut = bestAt[b.ordinal()];
                break;
            }
        }
        if (cut == 0) {
            for (Boundary b : Boundary.values()) {
                if (bestAt[b.ordinal()] > 0) {
                    cut = bestAt[b.ordinal()];
                    break;
                }
            }
        }
        if (cut == 0) {
            cut = i; // only reached with a single huge atom run and no boundary: take what fits
        }
        // End tags stay with the text they close; start tags go with the text they open.
        while (cut < atoms.size() && atoms.get(cut).kind() == Atom.Kind.END) {
            cut++;
        }
        while (cut > start + 1 && atoms.get(cut - 1).kind() == Atom.Kind.START) {
            cut--;
        }
        return Math.max(cut, start + 1);
    }

    /** What kind of boundary lies between atom {@code at - 1} and atom {@code at}, or null if none may. */
    private static Boundary boundaryBefore(List<Atom> atoms, int at) {
        Atom next = nextText(atoms, at);
        if (next == null) {
            return null;
        }
        String before = previousText(atoms, at, 0);
        if (before == null) {
            return null;
        }
        if (before.equals("\n")) {
            String earlier = previousText(atoms, at, 1);
            return "\n".equals(earlier) ? Boundary.PARAGRAPH : Boundary.LINE;
        }
        if (isBlank(before)) {
            return endsSentence(atoms, at) ? Boundary.SENTENCE : Boundary.WORD;
        }
        int following = next.visible().codePointAt(0);
        return isCombining(following) ? null : Boundary.CHARACTER;
    }

    private static boolean endsSentence(List<Atom> atoms, int at) {
        for (int back = 1; ; back++) {
            String text = previousText(atoms, at, back);
            if (text == null) {
                return false;
            }
            if ("»”’\"')]".contains(text)) {
                continue;
            }
            return ".!?؟…".contains(text);
        }
    }

    /** The visible text of the {@code skip}-th text atom before position {@code at} (0 = nearest). */
    private static String previousText(List<Atom> atoms, int at, int skip) {
        for (int i = at - 1; i >= 0; i--) {
            Atom atom = atoms.get(i);
            if (!atom.isTag()) {
                if (skip == 0) {
                    return atom.visible();
                }
                skip--;
            }
        }
        return null;
    }

    private static Atom nextText(List<Atom> atoms, int at) {
        for (int i = at; i < atoms.size(); i++) {
            if (!atoms.get(i).isTag()) {
                return atoms.get(i);
            }
        }
        return null;
    }

    private static boolean isCombining(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || codePoint == 0x200D || codePoint == 0x200C
                || (codePoint >= 0xFE00 && codePoint <= 0xFE0F) || (codePoint >= 0x1F3FB && codePoint <= 0x1F3FF);
    }

    private static boolean isBlank(String visible) {
        return visible.codePoints().allMatch(Character::isWhitespace);
    }

    /** The first position at or after {@code from} that is not whitespace text. */
    private static int skipWhitespace(List<Atom> atoms, int from) {
        int i = from;
        while (i < atoms.size() && !atoms.get(i).isTag() && isBlank(atoms.get(i).visible())) {
            i++;
        }
        return i;
    }

    /** The position after the last non-whitespace text atom in {@code [start, end)}. */
    private static int trimTrailingWhitespace(List<Atom> atoms, int start, int end) {
        int i = end;
        while (i > start && !atoms.get(i - 1).isTag() && isBlank(atoms.get(i - 1).visible())) {
            i--;
        }
        return i;
    }

    private static void track(Deque<Atom> open, Atom atom) {
        if (atom.kind() == Atom.Kind.START) {
            open.push(atom);
        } else if (atom.kind() == Atom.Kind.END) {
            open.pop();
        }
    }
}
