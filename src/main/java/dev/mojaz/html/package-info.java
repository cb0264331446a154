/**
 * Telegram HTML, the only markup Mojaz sends (never MarkdownV2 for text from the web).
 *
 * <p>{@link dev.mojaz.html.Html} is trusted markup; plain text becomes markup only through
 * {@link dev.mojaz.html.Html#text(String)}, which escapes it, so a headline containing {@code <} or {@code &} cannot
 * break a message. {@link dev.mojaz.html.TelegramHtml} parses markup the way Telegram does (only the documented
 * tags, the four named entities and numeric ones) and measures it as Telegram does: in UTF-16 code units after
 * entity parsing. At the bottom of the layers because every text the bot says ({@code i18n}) is Html.
 */
package dev.mojaz.html;
