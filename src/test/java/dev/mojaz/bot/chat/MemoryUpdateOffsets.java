package dev.mojaz.bot.chat;

import java.util.concurrent.atomic.AtomicLong;

/** Update offsets kept in memory only, for tests of the intake: a restart starts from whatever Telegram still holds. */
public final class MemoryUpdateOffsets implements UpdateOffsetStore {
    private final AtomicLong last = new AtomicLong();

    @Override
    public long lastHandled() {
        return last.get();
    }

    @Override
    public void handled(long updateId) {
        last.accumulateAndGet(updateId, Math::max);
    }
}
