package dev.mojaz.bot.fake;

/** A Telegram chat for updates the fake server pushes. {@code type} is Telegram's: private, group, supergroup, channel. */
public record FakeChat(long id, String type, String title) {
    public static FakeChat privateWith(FakeUser user) {
        return new FakeChat(user.id(), "private", user.firstName());
    }

    public static FakeChat group(long id, String title) {
        if (id >= 0) {
            throw new IllegalArgumentException("group ids are negative");
        }
        return new FakeChat(id, "group", title);
    }

    public static FakeChat supergroup(long id, String title) {
        if (id >= 0) {
            throw new IllegalArgumentException("supergroup ids are negative");
        }
        return new FakeChat(id, "supergroup", title);
    }

    public static FakeChat channel(long id, String title) {
        if (id >= 0) {
            throw new IllegalArgumentException("channel ids are negative");
        }
        return new FakeChat(id, "channel", title);
    }
}
