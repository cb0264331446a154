package dev.mojaz.bot.chat;

import java.io.IOException;

/**
 * Fetches the bytes of a file someone sent the bot ({@link Incoming.Document}). Implemented over the Bot API's
 * getFile by {@code dev.mojaz.bot.telegram.TelegramFiles}; {@link #none()} where no files can arrive (the console).
 */
@FunctionalInterface
public interface FileDownloads {
    /**
     * The file's bytes.
     *
     * @param maxBytes the most that will be read; a larger file fails with {@link TooLarge}
     * @throws IOException when the file cannot be fetched (gone, network), or is too large
     */
    byte[] download(String fileId, long maxBytes) throws IOException;

    /** A file over the size limit. */
    final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        public TooLarge(String message) {
            super(message);
        }
    }

    /** No files: every download fails. */
    static FileDownloads none() {
        return (fileId, maxBytes) -> {
            throw new IOException("files cannot be received here");
        };
    }
}
