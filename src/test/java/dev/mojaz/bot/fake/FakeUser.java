package dev.mojaz.bot.fake;

/** A Telegram user for updates the fake server pushes. */
public record FakeUser(long id, String firstName, String username, String languageCode) {
    public static FakeUser arabic(long id, String firstName) {
        return new FakeUser(id, firstName, "user" + id, "ar");
    }

    public static FakeUser english(long id, String firstName) {
        return new FakeUser(id, firstName, "user" + id, "en");
    }

    /** A user whose Telegram interface language Telegram does not report. */
    public static FakeUser withoutLanguage(long id, String firstName) {
        return new FakeUser(id, firstName, "user" + id, null);
    }
}
