package dev.mojaz.delivery.outbox;

import dev.mojaz.config.TelegramConfig;
import dev.mojaz.domain.ChatKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Says when each message may go, so that Mojaz keeps to Telegram's flood limits instead of learning them from
 * 429 answers. Thread-safe; time comes from the injected {@link Clock}.
 *
 * <p><b>Overall:</b> time is divided into slots, {@code messagesPerSecond} to a second (slot {@code k} starts
 * {@code k/messagesPerSecond} seconds after the limiter was made, rounded up to the nanosecond), and each slot
 * carries at most one message. Any one-second window therefore holds at most {@code messagesPerSecond}
 * messages, and a steady stream gets exactly that many. A message held back by its chat's limit books a later
 * slot and leaves the earlier ones to other chats.
 *
 * <p><b>Per chat:</b> at least {@code chatInterval} between two messages to one chat, and for groups and
 * channels (negative chat ids) at most {@code groupMessagesPerMinute} in any sliding minute.
 *
 * <p><b>429:</b> {@link #retryAfter} holds one chat until exactly the time Telegram asked has passed (its next
 * message takes the first free slot from then on, so a 429 answered on a slot boundary is retried after precisely
 * {@code retry_after}); when
 * {@code globalPauseAfter} different chats get a 429 within one second the flood is evidently not about one
 * chat, and everyone is held. {@link #pauseAll} holds everyone at once. A message whose slot was booked before a
 * hold began should ask {@link #isClear} before it goes, and book again if not.
 */
public final class RateLimiter {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * NANOS_PER_SECOND;
    /**
     * How much longer than a second (and a minute, for groups) {@link #admit} looks back: requests leave here a few
     * milliseconds apart from when they reach Telegram, in either direction, and a window measured here must still
     * hold at the other end.
     */
    static final long ARRIVAL_JITTER = 10_000_000L;
    private static final int PRUNE_EVERY = 4096;

    private final Clock clock;
    private final Instant base;
    private final long perSecond;
    private final long chatInterval;
    private final int groupPerMinute;
    private final int globalPauseAfter;

    /** Booked slots as runs: start slot → end slot (exclusive). */
    private final TreeMap<Long, Long> booked = new TreeMap<>();
    private final Map<Long, ChatState> chats = new HashMap<>();
    private final ArrayDeque<long[]> recent429 = new ArrayDeque<>();
    private long pausedUntil = Long.MIN_VALUE;
    private int sincePrune;
    /** When the last {@code perSecond} requests really left, oldest first ({@link #admit}). */
    private final ArrayDeque<Long> sentLastSecond = new ArrayDeque<>();

    private static final class ChatState {
        long nextAllowed = Long.MIN_VALUE;
        long pausedUntil = Long.MIN_VALUE;
        /** For groups, the times of the last {@code groupPerMinute} messages. */
        ArrayDeque<Long> lastMinute;
        /** When a request to this chat last really left; for groups, the last {@code groupPerMinute} of them. */
        long lastSent = Long.MIN_VALUE;
        ArrayDeque<Long> sentLastMinute;
    }

    public RateLimiter(TelegramConfig.Limits limits, Clock clock) {
        this(limits.messagesPerSecond(), limits.chatInterval(), limits.groupMessagesPerMinute(),
                limits.globalPauseAfter(), clock);
    }

    public RateLimiter(int messagesPerSecond, Duration chatInterval, int groupMessagesPerMinute,
                       int globalPauseAfter, Clock clock) {
        if (messagesPerSecond < 1 || groupMessagesPerMinute < 1 || globalPauseAfter < 1) {
            throw new IllegalArgumentException("rates must be positive");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.base = clock.instant();
        this.perSecond = messagesPerSecond;
        this.chatInterval = chatInterval.toNanos();
        this.groupPerMinute = groupMessagesPerMinute;
        this.globalPauseAfter = globalPauseAfter;
    }

    /**
     * Books the earliest moment a message to {@code chatId} may go and returns it (now, if nothing holds it
     * back). The caller waits until then and sends; a booking is never given to anyone else.
     */
    public synchronized Instant reserve(long chatId) {
        long now = now();
        ChatState chat = chats.computeIfAbsent(chatId, id -> new ChatState());
        long earliest = earliestFor(chat, chatId, now);
        long slot = firstFreeSlot(slotAtOrAfter(earliest));
        long at = slotTime(slot);
        book(slot);
        chat.nextAllowed = at + chatInterval;
        if (ChatKind.isGroupLikeId(chatId)) {
            if (chat.lastMinute == null) {
                chat.lastMinute = new ArrayDeque<>(groupPerMinute);
            }
            chat.lastMinute.addLast(at);
            while (chat.lastMinute.size() > groupPerMinute) {
                chat.lastMinute.removeFirst();
            }
        }
        if (++sincePrune >= PRUNE_EVERY) {
            prune(now);
        }
        return instant(at);
    }

    /**
     * The last check before a request leaves, against the times requests really left rather than the slots they
     * booked: no more than {@code messagesPerSecond} in any second, no two to a chat closer than {@code chatInterval},
     * no more than {@code groupMessagesPerMinute} to a group in any minute (each window a little longer, by {@link
     * #ARRIVAL_JITTER}). Slots alone keep the schedule, but a worker that wakes late (a GC pause, a slow answer) would
     * otherwise send together with the next ones, and Telegram counts arrivals. Empty means "go now", and the send is
     * recorded; otherwise wait until the instant given and ask again.
     */
    public synchronized Optional<Instant> admit(long chatId) {
        long now = now();
        while (!sentLastSecond.isEmpty() && sentLastSecond.peekFirst() <= now - NANOS_PER_SECOND - ARRIVAL_JITTER) {
            sentLastSecond.removeFirst();
        }
        long wait = Long.MIN_VALUE;
        if (sentLastSecond.size() >= perSecond) {
            wait = sentLastSecond.peekFirst() + NANOS_PER_SECOND + ARRIVAL_JITTER;
        }
        ChatState chat = chats.computeIfAbsent(chatId, id -> new ChatState());
        if (chat.lastSent != Long.MIN_VALUE) {
            wait = Math.max(wait, chat.lastSent + chatInterval);
        }
        boolean group = ChatKind.isGroupLikeId(chatId);
        if (group && chat.sentLastMinute != null) {
            while (!chat.sentLastMinute.isEmpty() && chat.sentLastMinute.peekFirst() <= now - MINUTE - ARRIVAL_JITTER) {
                chat.sentLastMinute.removeFirst();
            }
            if (chat.sentLastMinute.size() >= groupPerMinute) {
                wait = Math.max(wait, chat.sentLastMinute.peekFirst() + MINUTE + ARRIVAL_JITTER);
            }
        }
        if (wait > now) {
            return Optional.of(instant(wait));
        }
        sentLastSecond.addLast(now);
        while (sentLastSecond.size() > perSecond) {
            sentLastSecond.removeFirst();
        }
        chat.lastSent = now;
        if (group) {
            if (chat.sentLastMinute == null) {
                chat.sentLastMinute = new ArrayDeque<>(groupPerMinute);
            }
            chat.sentLastMinute.addLast(now);
            while (chat.sentLastMinute.size() > groupPerMinute) {
                chat.sentLastMinute.removeFirst();
            }
        }
        return Optional.empty();
    }

    /** The earliest moment a message to {@code chatId} could go, without booking it. */
    public synchronized Instant earliest(long chatId) {
        long now = now();
        ChatState chat = chats.get(chatId);
        long earliest = chat == null ? Math.max(now, pausedUntil) : earliestFor(chat, chatId, now);
        return instant(slotTime(firstFreeSlot(slotAtOrAfter(earliest))));
    }

    /** False while a 429 hold covers {@code chatId} (or everyone): a booking made before it must be made again. */
    public synchronized boolean isClear(long chatId) {
        long now = now();
        ChatState chat = chats.get(chatId);
        return now >= pausedUntil && (chat == null || now >= chat.pausedUntil);
    }

    /**
     * Telegram answered a message to {@code chatId} with 429 and {@code retry_after}: nothing goes to that chat
     * before exactly {@code wait} from now. If {@code globalPauseAfter} different chats were told so within a
     * second, nothing goes to anyone.
     */
    public synchronized void retryAfter(long chatId, Duration wait) {
        long now = now();
        long until = now + wait.toNanos();
        ChatState chat = chats.computeIfAbsent(chatId, id -> new ChatState());
        chat.pausedUntil = Math.max(chat.pausedUntil, until);
        recent429.addLast(new long[] {now, chatId, until});
        while (!recent429.isEmpty() && recent429.peekFirst()[0] <= now - NANOS_PER_SECOND) {
            recent429.removeFirst();
        }
        Set<Long> distinct = new HashSet<>();
        long longest = until;
        for (long[] hit : recent429) {
            distinct.add(hit[1]);
            longest = Math.max(longest, hit[2]);
        }
        if (distinct.size() >= globalPauseAfter) {
            pausedUntil = Math.max(pausedUntil, longest);
        }
    }

    /** Nothing goes to anyone before exactly {@code wait} from now. */
    public synchronized void pauseAll(Duration wait) {
        pausedUntil = Math.max(pausedUntil, now() + wait.toNanos());
    }

    /** Chats the limiter currently keeps state for (for tests and the health report). */
    public synchronized int trackedChats() {
        return chats.size();
    }

    private long earliestFor(ChatState chat, long chatId, long now) {
        long earliest = Math.max(Math.max(now, pausedUntil), Math.max(chat.pausedUntil, chat.nextAllowed));
        if (ChatKind.isGroupLikeId(chatId) && chat.lastMinute != null && chat.lastMinute.size() >= groupPerMinute) {
            earliest = Math.max(earliest, chat.lastMinute.peekFirst() + MINUTE);
        }
        return earliest;
    }

    /** When slot {@code k} starts, in nanoseconds after {@link #base}: {@code ceil(k × 10^9 / perSecond)}. */
    private long slotTime(long k) {
        long seconds = Math.floorDiv(k, perSecond);
        long rest = Math.floorMod(k, perSecond);
        return seconds * NANOS_PER_SECOND + ceilDiv(rest * NANOS_PER_SECOND, perSecond);
    }

    /** The first slot that starts at or after {@code t}. */
    private long slotAtOrAfter(long t) {
        long seconds = Math.floorDiv(t, NANOS_PER_SECOND);
        long rest = Math.floorMod(t, NANOS_PER_SECOND);
        long k = seconds * perSecond + ceilDiv(rest * perSecond, NANOS_PER_SECOND);
        while (slotTime(k) < t) {
            k++;
        }
        while (slotTime(k - 1) >= t) {
            k--;
        }
        return k;
    }

    private long firstFreeSlot(long k) {
        Map.Entry<Long, Long> run = booked.floorEntry(k);
        return run != null && k < run.getValue() ? run.getValue() : k;
    }

    private void book(long k) {
        Map.Entry<Long, Long> before = booked.floorEntry(k - 1);
        Long afterEnd = booked.remove(k + 1);
        long start = k;
        if (before != null && before.getValue() == k) {
            start = before.getKey();
        }
        booked.put(start, afterEnd != null ? afterEnd : k + 1);
    }

    private void prune(long now) {
        sincePrune = 0;
        long nowSlot = slotAtOrAfter(now);
        while (!booked.isEmpty() && booked.firstEntry().getValue() <= nowSlot) {
            booked.pollFirstEntry();
        }
        for (Iterator<ChatState> it = chats.values().iterator(); it.hasNext(); ) {
            ChatState chat = it.next();
            boolean groupQuiet = chat.lastMinute == null || chat.lastMinute.isEmpty()
                    || chat.lastMinute.peekLast() + MINUTE <= now;
            boolean sentLongAgo = chat.lastSent == Long.MIN_VALUE || chat.lastSent + chatInterval <= now;
            boolean groupSentQuiet = chat.sentLastMinute == null || chat.sentLastMinute.isEmpty()
                    || chat.sentLastMinute.peekLast() + MINUTE + ARRIVAL_JITTER <= now;
            if (chat.nextAllowed <= now && chat.pausedUntil <= now && groupQuiet && sentLongAgo && groupSentQuiet) {
                it.remove();
            }
        }
    }

    private long now() {
        return Duration.between(base, clock.instant()).toNanos();
    }

    private Instant instant(long nanos) {
        return base.plusNanos(nanos);
    }

    private static long ceilDiv(long x, long y) {
        return -Math.floorDiv(-x, y);
    }
}
