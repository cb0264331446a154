package dev.mojaz.ingest.extract;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw bytes of an HTML page into text, choosing the charset the way browsers do, with one safeguard.
 *
 * <p>Order: a byte-order mark (it outranks everything, as in the WHATWG encoding standard); the HTTP Content-Type
 * charset; {@code <meta charset>} or {@code <meta http-equiv="Content-Type">} in the first bytes; an XML
 * declaration's encoding; then statistical detection (ICU). Labels are read as browsers read them: "iso-8859-1" and
 * "ascii" mean windows-1252, "utf-16" in a meta tag means UTF-8.
 *
 * <p>The safeguard: bytes that are valid UTF-8 and contain multi-byte sequences are decoded as UTF-8 even when a
 * legacy charset is declared. Mis-declared UTF-8 is common (a template says iso-8859-1, the CMS writes UTF-8), while
 * real windows-1256 or ISO-8859-6 Arabic text is practically never valid UTF-8. Bytes declared UTF-8 that are not
 * valid UTF-8 go to detection instead.
 *
 * <p>Invalid bytes never throw: they decode to U+FFFD.
 */
public final class HtmlDecoder {
    /** How far into the page a meta or XML declaration is looked for (the standard says 1024; real pages lag). */
    private static final int PRESCAN_BYTES = 8192;
    /** How much of the page statistical detection reads. */
    private static final int DETECT_BYTES = 64 * 1024;

    private static final Pattern HEADER_CHARSET =
            Pattern.compile("charset\\s*=\\s*[\"']?([^\"';,\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_TAG = Pattern.compile("<meta\\s[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET =
            Pattern.compile("charset\\s*=\\s*[\"']?\\s*([^\"'\\s/>;]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_DECLARATION =
            Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([^\"']+)[\"']", Pattern.CASE_INSENSITIVE);

    /** Labels that browsers map to another charset than Java's lookup would. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("iso-8859-1", "windows-1252"), Map.entry("iso8859-1", "windows-1252"),
            Map.entry("latin1", "windows-1252"), Map.entry("l1", "windows-1252"),
            Map.entry("us-ascii", "windows-1252"), Map.entry("ascii", "windows-1252"),
            Map.entry("utf8", "UTF-8"), Map.entry("unicode-1-1-utf-8", "UTF-8"),
            Map.entry("arabic", "ISO-8859-6"), Map.entry("iso-8859-6-i", "ISO-8859-6"),
            Map.entry("iso-8859-6-e", "ISO-8859-6"), Map.entry("asmo-708", "ISO-8859-6"),
            Map.entry("cp1256", "windows-1256"), Map.entry("x-cp1256", "windows-1256"),
            Map.entry("gb2312", "GBK"), Map.entry("x-sjis", "Shift_JIS"));

    /** The decoded text and how its charset was chosen. */
    public record Decoded(String text, Charset charset, Source source) {
    }

    /** Where the charset came from. */
    public enum Source { BOM, HTTP_HEADER, META, XML_DECLARATION, VALID_UTF8, DETECTED, DEFAULT }

    /** Decodes {@code bytes}; {@code contentType} is the HTTP Content-Type header or null. */
    public Decoded decode(byte[] bytes, String contentType) {
        Decoded withBom = decodeBom(bytes);
        if (withBom != null) {
            return withBom;
        }
        Charset declared = charsetFromContentType(contentType);
        Source source = Source.HTTP_HEADER;
        if (declared == null) {
            String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
            declared = charsetFromMeta(head);
            source = Source.META;
            if (declared == null) {
                declared = charsetFromXmlDeclaration(head);
                source = Source.XML_DECLARATION;
            }
        }
        boolean ascii = isAscii(bytes);
        String utf8 = ascii ? null : strictUtf8(bytes); // null when the bytes are not valid UTF-8
        if (ascii || utf8 != null) {
            if (declared == null || declared.equals(StandardCharsets.UTF_8)) {
                return new Decoded(ascii ? new String(bytes, StandardCharsets.UTF_8) : utf8, StandardCharsets.UTF_8,
                        declared == null ? (ascii ? Source.DEFAULT : Source.VALID_UTF8) : source);
            }
            if (!ascii) {
                return new Decoded(utf8, StandardCharsets.UTF_8, Source.VALID_UTF8);
            }
        }
        if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
            return new Decoded(new String(bytes, declared), declared, source);
        }
        Charset detected = detect(bytes);
        if (detected != null) {
            return new Decoded(new String(bytes, detected), detected, Source.DETECTED);
        }
        Charset fallback = Charset.forName("windows-1252");
        return new Decoded(new String(bytes, fallback), fallback, Source.DEFAULT);
    }

    /** The charset a label names, as browsers read labels; null when unknown or unsupported. */
    public static Charset charsetForLabel(String label) {
        if (label == null) {
            return null;
        }
        String key = label.strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
            return null;
        }
        String name = LABELS.getOrDefault(key, key);
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Charset charsetFromContentType(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = HEADER_CHARSET.matcher(contentType);
        return m.find() ? charsetForLabel(m.group(1)) : null;
    }

    static Charset charsetFromMeta(String head) {
        Matcher tags = META_TAG.matcher(head);
        while (tags.find()) {
            Matcher m = META_CHARSET.matcher(tags.group());
            if (m.find()) {
                Charset charset = charsetForLabel(m.group(1));
                if (charset != null) {
                    // A page cannot really be UTF-16 if its meta tag was readable as ASCII.
                    return charset.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : charset;
                }
            }
        }
        return null;
    }

    static Charset charsetFromXmlDeclaration(String head) {
        Matcher m = XML_DECLARATION.matcher(head);
        return m.find() ? charsetForLabel(m.group(1)) : null;
    }

    private static Decoded decodeBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return new Decoded(new String(b, 3, b.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8,
                    Source.BOM);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE,
                    Source.BOM);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE,
                    Source.BOM);
        }
        return null;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static String strictUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Charset detect(byte[] bytes) {
        CharsetDetector detector = new CharsetDetector();
        detector.enableInputFilter(true); // ignore markup: the tags are ASCII and would dilute the statistics
        detector.setText(bytes.length > DETECT_BYTES ? Arrays.copyOf(bytes, DETECT_BYTES) : bytes);
        CharsetMatch[] matches = detector.detectAll();
        for (CharsetMatch match : matches) {
            Charset charset = charsetForLabel(match.getName());
            if (charset != null && !charset.name().startsWith("UTF-16") && !charset.name().startsWith("UTF-32")) {
                return charset;
            }
        }
        return null;
    }
}
