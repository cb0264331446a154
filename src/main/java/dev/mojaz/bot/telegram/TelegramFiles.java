package dev.mojaz.bot.telegram;

import dev.mojaz.bot.chat.FileDownloads;
import java.io.IOException;
import java.util.Objects;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/** Files people send, fetched with getFile and then from the server's file endpoint. */
public final class TelegramFiles implements FileDownloads {
    private final TelegramConnection connection;

    public TelegramFiles(TelegramConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    @Override
    public byte[] download(String fileId, long maxBytes) throws IOException {
        File file;
        try {
            file = connection.client().execute(new GetFile(fileId));
        } catch (TelegramApiException e) {
            throw new IOException("getFile failed: " + e.getMessage(), e);
        }
        if (file.getFileSize() != null && file.getFileSize() > maxBytes) {
            throw new TooLarge("the file is " + file.getFileSize() + " bytes, more than " + maxBytes);
        }
        if (file.getFilePath() == null || file.getFilePath().isBlank()) {
            throw new IOException("Telegram gave no path for the file (it may be larger than 20 MB)");
        }
        return connection.download(file.getFilePath(), maxBytes);
    }
}
