package dev.mojaz.ingest.http;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads a response body with a hard cap: the bytes on the wire and the bytes after decompression are both counted,
 * and reading stops the moment either passes the cap, so a 50 MB response or a gzip bomb costs at most the cap in
 * memory. Decodes gzip and deflate (zlib-wrapped or raw, as servers send both).
 */
final class BodyReader {
    private static final int CHUNK = 16 * 1024;

    /** The body passed the cap; {@code decompressed} says which count did. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        final boolean decompressed;

        TooLarge(boolean decompressed) {
            super(decompressed ? "decompressed body too large" : "body too large");
            this.decompressed = decompressed;
        }
    }

    /** A Content-Encoding we did not ask for and cannot read. */
    static final class UnsupportedEncoding extends IOException {
        private static final long serialVersionUID = 1L;

        UnsupportedEncoding(String encoding) {
            super("unsupported content encoding '" + encoding + "'");
        }
    }

    private BodyReader() {
    }

    static byte[] read(InputStream raw, String contentEncoding, long limit) throws IOException {
        InputStream in = new Capped(raw, limit);
        List<String> encodings = contentEncoding == null ? List.of()
                : Arrays.stream(contentEncoding.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty() && !s.equals("identity")).toList();
        // Encodings are listed in the order they were applied: undo them from the last.
        for (int i = encodings.size() - 1; i >= 0; i--) {
            in = decoder(encodings.get(i), in);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(CHUNK);
        byte[] buffer = new byte[CHUNK];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > limit) {
                throw new TooLarge(!encodings.isEmpty());
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static InputStream decoder(String encoding, InputStream in) throws IOException {
        return switch (encoding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(in, CHUNK);
            case "deflate" -> inflater(in);
            default -> throw new UnsupportedEncoding(encoding);
        };
    }

    /** "deflate" is zlib-wrapped by the standard, raw by some servers: the first two bytes tell which. */
    private static InputStream inflater(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 2);
        int b0 = pushback.read();
        int b1 = b0 < 0 ? -1 : pushback.read();
        if (b1 >= 0) {
            pushback.unread(b1);
        }
        if (b0 >= 0) {
            pushback.unread(b0);
        }
        boolean zlib = b0 >= 0 && b1 >= 0 && (b0 & 0x0F) == 8 && ((b0 << 8) | b1) % 31 == 0;
        return new InflaterInputStream(pushback, new Inflater(!zlib), CHUNK);
    }

    /** Counts the bytes on the wire and fails past the cap. */
    private static final class Capped extends FilterInputStream {
        private final long limit;
        private long count;

        Capped(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            count += n;
            if (count > limit) {
                throw new TooLarge(false);
            }
        }
    }
}
