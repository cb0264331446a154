package dev.mojaz.bot.chat;

/**
 * Someone who wrote to the bot or pressed one of its buttons.
 *
 * @param id           Telegram user id
 * @param firstName    as Telegram gives it; never null
 * @param username     without the {@code @}; empty when the person has none
 * @param languageCode the IETF tag of the person's Telegram interface ({@code ar}, {@code en-GB}); empty when
 *                     Telegram does not say
 */
public record Person(long id, String firstName, String username, String languageCode) {
    public Person {
        firstName = firstName == null ? "" : firstName;
        username = username == null ? "" : username;
        languageCode = languageCode == null ? "" : languageCode;
    }
}
