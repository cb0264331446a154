/**
 * Telegram HTML: the only markup Mojaz sends (never MarkdownV2 for text from the web).
 *
 * <p>{@link dev.mojaz.delivery.compose.Html} is trusted markup; plain text becomes markup only through
 * {@link dev.mojaz.delivery.compose.Html#text(String)}, which escapes it, so a headline containing {@code <} or
 * {@code &} cannot break a message. {@link dev.mojaz.delivery.compose.TelegramHtml} parses markup the way Telegram
 * does (only the documented tags, the four named entities and numeric ones) and measures it as Telegram does: in
 * UTF-16 code units after entity parsing. {@link dev.mojaz.delivery.compose.MessageSplitter} cuts digests into
 * messages of at most 4096 such units, at item boundaries first.
 */
package dev.mojaz.delivery.compose;
