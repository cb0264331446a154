package dev.mojaz.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class HtmlDecoderTest {
    private static final String ARABIC = "أكدت روسيا أن الوجود العسكري الأمريكي غير الشرعي في منطقة التنف قرب الحدود"
            + " يعيق عمليات الجيش ضد تنظيم داعش الإرهابي، ويمنع وصول المساعدات الإنسانية إلى مخيم الركبان على الحدود."
            + " وقالت وزارة الدفاع الروسية في بيان لها اليوم إن القوات الخاصة لم تنفذ خلال الأشهر الستة الماضية أي عملية.";
    private static final Charset WINDOWS_1256 = Charset.forName("windows-1256");
    private static final Charset ISO_8859_6 = Charset.forName("ISO-8859-6");

    private final HtmlDecoder decoder = new HtmlDecoder();

    private static String page(String head, String text) {
        return "<html><head>" + head + "<title>خبر</title></head><body><p>" + text + "</p></body></html>";
    }

    @Test
    void httpHeaderCharsetIsUsed() {
        byte[] bytes = page("", ARABIC).getBytes(WINDOWS_1256);

        HtmlDecoder.Decoded decoded = decoder.decode(bytes, "text/html; charset=windows-1256");

        assertThat(decoded.text()).contains(ARABIC);
        assertThat(decoded.source()).isEqualTo(HtmlDecoder.Source.HTTP_HEADER);
    }

    @Test
    void iso88596DeclaredInTheHeaderDecodes() {
        String text = "قال الوزير إن المحادثات ستستمر، وإن الوفد سيعود غدا إلى العاصمة";
        byte[] bytes = page("", text).getBytes(ISO_8859_6);

        assertThat(decoder.decode(bytes, "text/html; charset=ISO-8859-6").text()).contains(text);
        assertThat(decoder.decode(bytes, "text/html; charset=arabic").text()).contains(text);
    }

    @Test
    void metaCharsetAndHttpEquivAreRead() {
        byte[] withMeta = page("<meta charset=\"windows-1256\">", ARABIC).getBytes(WINDOWS_1256);
        byte[] withHttpEquiv = page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-6\">",
                "مرحبا بكم في موقعنا الإخباري").getBytes(ISO_8859_6);

        assertThat(decoder.decode(withMeta, null).text()).contains(ARABIC);
        assertThat(decoder.decode(withMeta, null).source()).isEqualTo(HtmlDecoder.Source.META);
        assertThat(decoder.decode(withHttpEquiv, null).text()).contains("مرحبا بكم في موقعنا الإخباري");
    }

    @Test
    void xmlDeclarationIsRead() {
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"windows-1256\"?>" + page("", ARABIC)).getBytes(WINDOWS_1256);

        HtmlDecoder.Decoded decoded = decoder.decode(bytes, null);

        assertThat(decoded.text()).contains(ARABIC);
        assertThat(decoded.source()).isEqualTo(HtmlDecoder.Source.XML_DECLARATION);
    }

    @Test
    void byteOrderMarkOutranksEveryDeclaration() {
        byte[] body = page("<meta charset=\"windows-1256\">", ARABIC).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);

        HtmlDecoder.Decoded decoded = decoder.decode(bytes, "text/html; charset=windows-1256");

        assertThat(decoded.text()).contains(ARABIC).doesNotStartWith("\uFEFF");
        assertThat(decoded.source()).isEqualTo(HtmlDecoder.Source.BOM);
    }

    @Test
    void utf16WithByteOrderMarkDecodes() {
        byte[] bytes = ("\uFEFF" + page("", ARABIC)).getBytes(StandardCharsets.UTF_16LE);

        assertThat(decoder.decode(bytes, null).text()).contains(ARABIC);
    }

    @Test
    void utf8DeclaredAsLatin1IsStillReadAsUtf8() {
        byte[] bytes = page("<meta charset=\"iso-8859-1\">", ARABIC).getBytes(StandardCharsets.UTF_8);

        HtmlDecoder.Decoded decoded = decoder.decode(bytes, "text/html; charset=ISO-8859-1");

        assertThat(decoded.text()).contains(ARABIC);
        assertThat(decoded.source()).isEqualTo(HtmlDecoder.Source.VALID_UTF8);
    }

    @Test
    void windows1256DeclaredAsUtf8IsDetected() {
        byte[] bytes = page("<meta charset=\"utf-8\">", ARABIC + " " + ARABIC).getBytes(WINDOWS_1256);

        HtmlDecoder.Decoded decoded = decoder.decode(bytes, "text/html; charset=utf-8");

        assertThat(decoded.source()).isEqualTo(HtmlDecoder.Source.DETECTED);
        assertThat(decoded.text()).contains(ARABIC);
    }

    @Test
    void undeclaredWindows1256IsDetected() {
        byte[] bytes = page("", ARABIC + " " + ARABIC).getBytes(WINDOWS_1256);

        HtmlDecoder.Decoded decoded = decoder.decode(bytes, null);

        assertThat(decoded.text()).contains(ARABIC);
        assertThat(decoded.charset().name()).isEqualTo("windows-1256");
    }

    @Test
    void unknownOrUnsupportedLabelsAreIgnored() {
        byte[] bytes = page("<meta charset=\"no-such-charset\">", ARABIC).getBytes(StandardCharsets.UTF_8);

        assertThat(decoder.decode(bytes, "text/html; charset=\"x-bogus\"").text()).contains(ARABIC);
    }

    @Test
    void invalidBytesNeverThrow() {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(3000)];
            random.nextBytes(bytes);
            String contentType = switch (i % 4) {
                case 0 -> null;
                case 1 -> "text/html; charset=utf-8";
                case 2 -> "text/html; charset=windows-1256";
                default -> "text/html; charset=";
            };
            assertThat(decoder.decode(bytes, contentType).text()).isNotNull();
        }
        byte[] truncatedUtf8 = {'<', 'p', '>', (byte) 0xD8};
        assertThat(decoder.decode(truncatedUtf8, "text/html; charset=utf-8").text()).startsWith("<p>");
    }

    @Test
    void emptyInputDecodesToEmptyText() {
        assertThat(decoder.decode(new byte[0], null).text()).isEmpty();
    }
}
