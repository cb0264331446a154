package dev.mojaz.ingest.dedupe;

import java.net.URI;
import java.time.Instant;

/** Short reports for the grouping tests: one earthquake told by three outlets, its follow-up, and look-alikes. */
final class Reports {
    static final Instant QUAKE = Instant.parse("2024-10-16T10:46:00Z");

    private Reports() {
    }

    static Report report(String id, String source, Instant published, String title, String text) {
        return new Report(title, text, source, published, URI.create("https://news.invalid/" + id));
    }

    static Report quakeAnadolu() {
        return report("quake-anadolu", "anadolu", QUAKE.plusSeconds(20 * 60),
                "زلزال بقوة 5.9 درجات يضرب ولاية ملاطية شرقي تركيا",
                "أعلنت إدارة الكوارث والطوارئ التركية آفاد أن زلزالا بقوة 5.9 درجات ضرب قضاء قالي التابع لولاية ملاطية "
                        + "عند الساعة 13:46 بالتوقيت المحلي.\n\nوأوضحت آفاد أن مركز الزلزال كان على عمق 7 كيلومترات، "
                        + "وأنه شعر به سكان ولايات إلازيغ وديار بكر وأديامان المجاورة.");
    }

    static Report quakeJazeera() {
        return report("quake-jazeera", "jazeera", QUAKE.plusSeconds(95 * 60),
                "زلزال ملاطية: 3 مصابين وعشرات الهزات الارتدادية",
                "قال وزير الداخلية التركي علي يرلي كايا إن ثلاثة أشخاص أصيبوا بجروح إثر الزلزال الذي بلغت قوته "
                        + "٥٫٩ درجات وضرب ولاية ملاطية شرقي تركيا.\n\nوأضاف أن الزلزال وقع في الساعة 13:46 ومركزه قضاء "
                        + "قالي، وشعر به سكان ولايات إلازيغ وأديامان وديار بكر.");
    }

    static Report quakeBbc() {
        return report("quake-bbc", "bbc", QUAKE.plusSeconds(3 * 3600),
                "تركيا: زلزال بقوة 5.9 درجات دون أنباء عن قتلى",
                "قالت السلطات التركية إن زلزالا بقوة 5.9 درجات ضرب ولاية ملاطية في شرق البلاد قرب بلدة قالي، ما أدى "
                        + "إلى إصابة ثلاثة أشخاص بجروح طفيفة.\n\nوقال وزير الداخلية علي يرلي كايا إن الفرق الميدانية "
                        + "تواصل تقييم الأضرار.");
    }

    /** The next morning: the same names, a new event (the damage count). */
    static Report quakeFollowUp() {
        return report("quake-followup", "jazeera", QUAKE.plusSeconds(21 * 3600),
                "تعليق الدراسة في قالي ونصب خيام بعد زلزال ملاطية",
                "قررت السلطات التركية تعليق الدراسة يومين في قضاء قالي بولاية ملاطية، بعد أن كشفت عمليات المسح عن "
                        + "تضرر 120 مبنى إثر زلزال أمس.\n\nوقالت إدارة آفاد إن 260 هزة ارتدادية سجلت، ونصبت فرق "
                        + "الإغاثة خياما تتسع لنحو 1500 شخص.");
    }

    static Report goldEgypt() {
        return report("gold-egypt", "masrawy", Instant.parse("2024-03-05T08:20:00Z"),
                "أسعار الذهب اليوم في مصر: عيار 21 يسجل 3110 جنيهات",
                "سجل سعر جرام الذهب عيار 21 في مصر 3110 جنيهات صباح اليوم الثلاثاء، وبلغ عيار 24 نحو 3554 جنيها "
                        + "وعيار 18 نحو 2666 جنيها، فيما ارتفعت أوقية الذهب عالميا إلى 2118 دولارا.");
    }

    /** The same template, the same hour, another country and other figures. */
    static Report goldJordan() {
        return report("gold-jordan", "roya", Instant.parse("2024-03-05T08:50:00Z"),
                "أسعار الذهب اليوم في الأردن: الغرام عيار 21 بـ45.30 دينار",
                "سجل سعر غرام الذهب عيار 21 في الأردن 45.30 دينار صباح اليوم الثلاثاء، وبلغ عيار 24 نحو 51.20 دينار "
                        + "وعيار 18 نحو 39.80 دينار، فيما ارتفعت أونصة الذهب عالميا إلى 2118 دولارا.");
    }

    static Report unrelated(int n, Instant published) {
        return report("other-" + n, "outlet" + n, published, "افتتاح معرض للكتاب رقم " + n,
                "افتتح وزير الثقافة معرض الكتاب السنوي بمشاركة دور نشر عربية وأجنبية، ويستمر المعرض عشرة أيام "
                        + "ويضم ندوات وأمسيات شعرية وورشا للأطفال في الدورة " + (100 + n) + ".");
    }
}
