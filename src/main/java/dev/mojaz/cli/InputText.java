package dev.mojaz.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a text argument ({@code FILE} or {@code -} for standard input) as UTF-8, with a size limit, for commands that
 * take an article. A byte-order mark is dropped. Bytes that are not UTF-8 are replaced (U+FFFD) and reported, so a
 * stray byte does not lose a whole article and a wrong encoding does not pass unnoticed.
 *
 * @param text      the decoded text
 * @param name      how to name the input in messages ("-" is "standard input")
 * @param malformed offset of the first byte that was not UTF-8, or -1
 */
record InputText(String text, String name, long malformed) {
    /** Inputs larger than this are refused: no article is this long, and the whole text is held in memory. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    static InputText read(CliContext context, String argument) {
        return decode(bytes(context, argument), name(argument));
    }

    /** How an argument is named in messages. */
    static String name(String argument) {
        return argument == null || argument.equals("-") ? "standard input" : argument;
    }

    /** The raw bytes of {@code FILE} or standard input ({@code -} or null), at most {@link #MAX_BYTES}. */
    static byte[] bytes(CliContext context, String argument) {
        if (argument == null || argument.equals("-")) {
            try {
                return readLimited(context.in(), "standard input");
            } catch (IOException e) {
                throw new UsageException("standard input: cannot read: " + e.getMessage(), e);
            }
        }
        Path path = context.resolve(argument);
        try {
            if (Files.isDirectory(path)) {
                throw new UsageException(argument + ": is a directory, not a file");
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new UsageException(argument + ": too large (" + size / (1024 * 1024) + " MB); the limit is "
                        + MAX_BYTES / (1024 * 1024) + " MB");
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UsageException(argument + ": no such file");
        } catch (AccessDeniedException e) {
            throw new UsageException(argument + ": permission denied");
        } catch (IOException e) {
            throw new UsageException(argument + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the input is a web page rather than text: its name ends in .html or .htm, or it begins (after a
     * byte-order mark and white space) with {@code <} and has an HTML element near the start. Article text never
     * begins with a tag, so a page saved without the extension is recognised too.
     */
    static boolean looksLikeHtml(String argument, byte[] bytes) {
        String lowerName = argument == null ? "" : argument.toLowerCase(java.util.Locale.ROOT);
        if (lowerName.endsWith(".html") || lowerName.endsWith(".htm") || lowerName.endsWith(".xhtml")) {
            return true;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1)
                .replace("\u00EF\u00BB\u00BF", "").stripLeading().toLowerCase(java.util.Locale.ROOT);
        if (!head.startsWith("<")) {
            return false;
        }
        for (String tag : new String[] {"<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<p ", "<div",
                "<meta", "<title"}) {
            if (head.contains(tag)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] readLimited(InputStream in, String name) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new UsageException(name + ": too large; the limit is " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        return bytes;
    }

    /** Decodes UTF-8, dropping a byte-order mark and replacing what does not decode. */
    static InputText decode(byte[] bytes, String name) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return new InputText(strict.decode(buffer).toString(), name, -1);
        } catch (MalformedInputException e) {
            long offset = firstMalformed(bytes, start);
            return new InputText(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8), name, offset);
        } catch (CharacterCodingException e) {
            return new InputText(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8), name, start);
        }
    }

    /** Offset of the first byte where strict decoding fails. */
    private static long firstMalformed(byte[] bytes, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    /** One line for stderr when the input was not clean UTF-8, or null. */
    String warning() {
        return malformed < 0 ? null
                : name + ": not valid UTF-8 (first bad byte at offset " + malformed + "); undecodable bytes replaced";
    }
}
