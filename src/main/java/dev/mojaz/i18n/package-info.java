/**
 * Every text the bot says, in Arabic (first) and English, and the language each chat is spoken to in.
 *
 * <p>The texts live in the resource bundles {@code messages_ar.properties} and {@code messages_en.properties}
 * next to this package, as ICU message templates (Arabic has six plural forms, which ICU knows); none are in
 * code. {@link dev.mojaz.i18n.Texts} formats them, escaping every argument that is not already
 * {@link dev.mojaz.html.Html}. The language follows the person's Telegram {@code language_code} (Arabic
 * for {@code ar}, English otherwise) until they choose one with /lang, which
 * {@link dev.mojaz.i18n.LanguagePreferences} remembers.
 */
package dev.mojaz.i18n;
