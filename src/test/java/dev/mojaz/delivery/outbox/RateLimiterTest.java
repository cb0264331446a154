package dev.mojaz.delivery.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.config.ConfigLoader;
import dev.mojaz.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Properties of the limiter's schedule, checked on a fake clock (no waiting: reservations are only booked). */
@Tag("fast")
class RateLimiterTest {
    private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");
    private final FakeClock clock = new FakeClock(START);

    private RateLimiter telegramLimits() {
        return new RateLimiter(new ConfigLoader(Map.of()).defaults().telegram().limits(), clock);
    }

    @Test
    void aDigestToTenThousandChatsGoesExactlyAtTheCap() {
        RateLimiter limiter = telegramLimits();
        List<Instant> times = new ArrayList<>();
        for (long chat = 1; chat <= 10_000; chat++) {
            times.add(limiter.reserve(chat % 10 == 0 ? -chat : chat)); // one in ten is a group
        }
        assertThat(maxInAnyWindow(times, Duration.ofSeconds(1))).isEqualTo(30);
        Duration span = Duration.between(times.get(0), times.get(times.size() - 1));
        // 9,999 gaps of 1/30 s: the rate achieved is the cap itself, not merely under it
        assertThat(span).isEqualTo(Duration.ofMillis(333_300));
        double rate = (times.size() - 1) / (span.toNanos() / 1e9);
        assertThat(rate).isBetween(29.99, 30.0);
    }

    @Test
    void theCapHoldsInEveryWindowWhateverTheOrder() {
        RateLimiter limiter = new RateLimiter(50, Duration.ofSeconds(1), 20, 3, clock);
        Random random = new Random(7);
        Map<Long, List<Instant>> byChat = new HashMap<>();
        List<Instant> all = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            long chat = random.nextInt(200) - 100; // private chats and groups, many messages each
            if (chat == 0) {
                continue;
            }
            if (random.nextInt(10) == 0) {
                clock.advance(Duration.ofMillis(random.nextInt(300)));
            }
            Instant at = limiter.reserve(chat);
            assertThat(at).isAfterOrEqualTo(clock.instant());
            all.add(at);
            byChat.computeIfAbsent(chat, c -> new ArrayList<>()).add(at);
        }
        assertThat(maxInAnyWindow(all, Duration.ofSeconds(1))).isLessThanOrEqualTo(50);
        byChat.forEach((chat, times) -> {
            List<Instant> sorted = times.stream().sorted().toList();
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(Duration.between(sorted.get(i - 1), sorted.get(i))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            }
            if (chat < 0) {
                assertThat(maxInAnyWindow(sorted, Duration.ofMinutes(1))).as("group %d", chat).isLessThanOrEqualTo(20);
            }
        });
    }

    @Test
    void aChatWaitsASecondButOthersFillTheSlotsMeanwhile() {
        RateLimiter limiter = new RateLimiter(10, Duration.ofSeconds(1), 20, 3, clock);
        assertThat(limiter.reserve(1)).isEqualTo(START);
        assertThat(limiter.reserve(1)).isEqualTo(START.plusSeconds(1));
        assertThat(limiter.reserve(2)).isEqualTo(START.plusMillis(100)); // the hole before chat 1's second message
        assertThat(limiter.reserve(3)).isEqualTo(START.plusMillis(200));
        assertThat(limiter.earliest(1)).isEqualTo(START.plusSeconds(2));
    }

    @Test
    void aGroupGetsTwentyAMinute() {
        RateLimiter limiter = telegramLimits();
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            times.add(limiter.reserve(-500));
        }
        assertThat(times.get(19)).isEqualTo(START.plusSeconds(19));
        assertThat(times.get(20)).isEqualTo(START.plusSeconds(60)); // one minute after the first
        assertThat(times.get(40)).isEqualTo(START.plusSeconds(120));
        assertThat(maxInAnyWindow(times, Duration.ofMinutes(1))).isEqualTo(20);
    }

    @Test
    void retryAfterHoldsThatChatForExactlyThatLong() {
        RateLimiter limiter = telegramLimits();
        limiter.reserve(1);
        clock.advance(Duration.ofMillis(250));
        limiter.retryAfter(1, Duration.ofSeconds(7));

        assertThat(limiter.isClear(1)).isFalse();
        assertThat(limiter.isClear(2)).isTrue();
        Duration slot = Duration.ofNanos(33_333_334);
        assertThat(limiter.reserve(2)).isBetween(clock.instant(), clock.instant().plus(slot)); // others are not held
        // the first slot at or after exactly 7 s from the 429
        Instant heldUntil = START.plusMillis(250).plusSeconds(7);
        assertThat(limiter.reserve(1)).isBetween(heldUntil, heldUntil.plus(slot));
        clock.advance(Duration.ofSeconds(7));
        assertThat(limiter.isClear(1)).isTrue();
    }

    @Test
    void manyChatsToldToWaitWithinASecondHoldEveryone() {
        RateLimiter limiter = telegramLimits();
        limiter.retryAfter(1, Duration.ofSeconds(5));
        clock.advance(Duration.ofMillis(300));
        limiter.retryAfter(2, Duration.ofSeconds(9));
        assertThat(limiter.isClear(77)).isTrue();
        clock.advance(Duration.ofMillis(300));
        limiter.retryAfter(3, Duration.ofSeconds(4));

        assertThat(limiter.isClear(77)).isFalse();
        // everyone waits for the longest hold: chat 2's, 9 s from 300 ms
        assertThat(limiter.reserve(77)).isEqualTo(START.plusMillis(300).plusSeconds(9));
    }

    @Test
    void waitsSpreadOverMoreThanASecondStayPerChat() {
        RateLimiter limiter = telegramLimits();
        limiter.retryAfter(1, Duration.ofSeconds(5));
        clock.advance(Duration.ofMillis(700));
        limiter.retryAfter(2, Duration.ofSeconds(5));
        clock.advance(Duration.ofMillis(700));
        limiter.retryAfter(3, Duration.ofSeconds(5));

        assertThat(limiter.isClear(77)).isTrue();
    }

    @Test
    void pauseAllHoldsEveryoneExactly() {
        RateLimiter limiter = telegramLimits();
        limiter.pauseAll(Duration.ofSeconds(30));
        assertThat(limiter.isClear(5)).isFalse();
        assertThat(limiter.reserve(5)).isEqualTo(START.plusSeconds(30));
        assertThat(limiter.reserve(6)).isEqualTo(START.plusSeconds(30).plusNanos(33_333_334));
    }

    @Test
    void idleChatsAreForgotten() {
        RateLimiter limiter = telegramLimits();
        for (long chat = 1; chat <= 5_000; chat++) {
            limiter.reserve(chat);
        }
        clock.advance(Duration.ofMinutes(10));
        for (long chat = 10_001; chat <= 15_000; chat++) {
            limiter.reserve(chat);
        }
        assertThat(limiter.trackedChats()).isLessThan(6_000);
    }

    /** The most instants that fall in one half-open window [t, t + window). */
    static int maxInAnyWindow(List<Instant> instants, Duration window) {
        List<Instant> sorted = instants.stream().sorted().toList();
        int best = 0;
        int start = 0;
        for (int end = 0; end < sorted.size(); end++) {
            while (!sorted.get(start).plus(window).isAfter(sorted.get(end))) {
                start++;
            }
            best = Math.max(best, end - start + 1);
        }
        return best;
    }
}
