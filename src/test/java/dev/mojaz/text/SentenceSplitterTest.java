package dev.mojaz.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.text.Sentence.Role;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class SentenceSplitterTest {
    private final SentenceSplitter splitter = new SentenceSplitter(BoilerplateFilter.standard());
    private final SentenceSplitter noRules = new SentenceSplitter(BoilerplateFilter.none());

    private List<String> body(String text) {
        return splitter.bodySentences(text).stream().map(Sentence::text).toList();
    }

    private List<String> pieces(String text, Role role) {
        return splitter.split(text).stream().filter(s -> s.role() == role).map(Sentence::text).toList();
    }

    @Test
    void fullStopExclamationAndBothQuestionMarksEndSentences() {
        assertThat(body("قال الرئيس إن الوضع مستقر جدا. وأضاف أن الحكومة تعمل بجد كبير! "
                + "هل هذا صحيح فعلا يا ترى؟ سأل الصحفيون عن ذلك مرارا? نعم هذا صحيح تماما ومؤكد."))
                .containsExactly("قال الرئيس إن الوضع مستقر جدا.", "وأضاف أن الحكومة تعمل بجد كبير!",
                        "هل هذا صحيح فعلا يا ترى؟", "سأل الصحفيون عن ذلك مرارا?", "نعم هذا صحيح تماما ومؤكد.");
    }

    @Test
    void arabicCommaAndSemicolonDoNotEndSentences() {
        assertThat(body("وصل الوفد إلى دمشق، والتقى وزير الخارجية؛ ثم عقد مؤتمرا صحفيا في المساء."))
                .containsExactly("وصل الوفد إلى دمشق، والتقى وزير الخارجية؛ ثم عقد مؤتمرا صحفيا في المساء.");
    }

    @Test
    void nothingInsideGuillemetsOrCurlyQuotesEndsASentence() {
        String text = "وقال: «أهم شرط هو الفصل الكامل. إن شركاءنا وعدونا بذلك ولم يحدث شيء، حتى الآن». "
                + "وأضاف المتحدث “هل يعقل هذا؟ لا أحد يصدق ذلك أبدا” في تصريح للصحفيين اليوم.";
        assertThat(body(text)).containsExactly(
                "وقال: «أهم شرط هو الفصل الكامل. إن شركاءنا وعدونا بذلك ولم يحدث شيء، حتى الآن».",
                "وأضاف المتحدث “هل يعقل هذا؟ لا أحد يصدق ذلك أبدا” في تصريح للصحفيين اليوم.");
    }

    @Test
    void aQuotationEndingInAFullStopEndsTheSentence() {
        assertThat(body("وقال الوزير «سنواصل العمل حتى النهاية.» وأكد أن الاتفاق سيوقع خلال أيام قليلة."))
                .containsExactly("وقال الوزير «سنواصل العمل حتى النهاية.»",
                        "وأكد أن الاتفاق سيوقع خلال أيام قليلة.");
    }

    @Test
    void anUnpairedQuoteDoesNotSwallowTheParagraph() {
        assertThat(body("وصف الوزير الوضع بأنه “صعب جدا في المنطقة. وأضاف أن الحل سياسي قبل كل شيء. "
                + "وختم بالدعوة إلى الحوار بين الأطراف كافة."))
                .hasSize(3);
    }

    @Test
    void decimalsInitialsAndDomainsDoNotSplit() {
        assertThat(body("نما الاقتصاد بنسبة 2.5 بالمئة هذا العام وفق د. أحمد الخبير في الاقتصاد. "
                + "ونشرت الوكالة الخبر على موقعها sana.sy صباح اليوم الباكر."))
                .containsExactly("نما الاقتصاد بنسبة 2.5 بالمئة هذا العام وفق د. أحمد الخبير في الاقتصاد.",
                        "ونشرت الوكالة الخبر على موقعها sana.sy صباح اليوم الباكر.");
    }

    @Test
    void diacriticsBeforeAFullStopDoNotMakeTheWordAnInitial() {
        // A shadda or tanween inside the last word once left one letter after it, which read as "د." (an initial).
        assertThat(body("وقد بلغ عدد الكتب التي احتوتها المكتبة 700 ألف مجلّد. وتعني الكلمة الرجل المتيقّظ عمومًا. "
                + "ولا يتم اعتبار الأشياء المصنعة جزءًا منها."))
                .containsExactly("وقد بلغ عدد الكتب التي احتوتها المكتبة 700 ألف مجلّد.",
                        "وتعني الكلمة الرجل المتيقّظ عمومًا.", "ولا يتم اعتبار الأشياء المصنعة جزءًا منها.");
    }

    @Test
    void theEraAfterAYearEndsTheSentence() {
        assertThat(body("حصل الكاتب على جائزة نوبل في الآداب عام 1988م. ولد في القاهرة وتعلم في مدارسها. "
                + "ونشرت أولى أعماله عام 1783 م. وتوفي الكاتب في مدينته سنة 1445 هـ. بعد مرض طويل ألم به في شيخوخته. "
                + "وقد بنيت الأهرامات حوالي 2550 ق. م، في عهد الأسرة الرابعة وفق د. أحمد الخبير في الآثار."))
                .containsExactly("حصل الكاتب على جائزة نوبل في الآداب عام 1988م.", "ولد في القاهرة وتعلم في مدارسها.",
                        "ونشرت أولى أعماله عام 1783 م.", "وتوفي الكاتب في مدينته سنة 1445 هـ.",
                        "بعد مرض طويل ألم به في شيخوخته.",
                        "وقد بنيت الأهرامات حوالي 2550 ق. م، في عهد الأسرة الرابعة وفق د. أحمد الخبير في الآثار.");
    }

    @Test
    void aMissingSpaceAfterAFullStopBetweenArabicWordsStillSplits() {
        assertThat(body("وقد توفي الموسيقار في فيينا عام 1827 بعد مرض.فجاءت رسالته إلى العالم كله بعد وفاته."))
                .containsExactly("وقد توفي الموسيقار في فيينا عام 1827 بعد مرض.",
                        "فجاءت رسالته إلى العالم كله بعد وفاته.");
    }

    @Test
    void aParagraphBreakEndsASentenceWithoutPunctuation() {
        String missingStop = "أكد وزير الخارجية الروسي أن بلاده ستواصل دعم الحل السياسي للأزمة في سورية "
                + "عبر الحوار بين السوريين أنفسهم ومن دون أي تدخل خارجي في شؤون البلاد الداخلية";
        assertThat(body(missingStop + "\n\nوأضاف أن الاجتماع المقبل سيعقد في أستانا الشهر القادم."))
                .containsExactly(missingStop, "وأضاف أن الاجتماع المقبل سيعقد في أستانا الشهر القادم.");
    }

    @Test
    void standaloneAndInlineDatelinesAreNotSentences() {
        String text = "موسكو-أستانا-سانا\nأكدت روسيا أن الوجود العسكري الأمريكي في التنف غير شرعي.\n\n"
                + "موسكو-سانا أعلنت وزارة الدفاع الروسية اليوم أن الجيش يواصل تقدمه.\n\n"
                + "دير الزور-سانا واصلت وحدات الجيش عملياتها في ريف المدينة الشرقي.\n\n"
                + "القاهرة (رويترز) - قال مسؤولون إن المحادثات ستستأنف الأسبوع المقبل.";
        assertThat(pieces(text, Role.DATELINE))
                .containsExactly("موسكو-أستانا-سانا", "موسكو-سانا", "دير الزور-سانا", "القاهرة (رويترز) -");
        assertThat(body(text)).containsExactly("أكدت روسيا أن الوجود العسكري الأمريكي في التنف غير شرعي.",
                "أعلنت وزارة الدفاع الروسية اليوم أن الجيش يواصل تقدمه.",
                "واصلت وحدات الجيش عملياتها في ريف المدينة الشرقي.",
                "قال مسؤولون إن المحادثات ستستأنف الأسبوع المقبل.");
    }

    @Test
    void headingsAndSubHeadingsAreNotSentences() {
        String text = "لافروف يأسف لوقف الأوروبيين التعاون مع روسيا\n\n"
                + "أكد وزير الخارجية الروسي أن واشنطن لم تنفذ وعودها في سورية.\n\n"
                + "الخارجية الروسية: أطراف معينة تحمي تنظيم جبهة النصرة الإرهابي\n\n"
                + "وقال نائب الوزير إن هناك أطرافا معينة تحمي التنظيم في إدلب.";
        assertThat(pieces(text, Role.HEADING)).containsExactly("لافروف يأسف لوقف الأوروبيين التعاون مع روسيا",
                "الخارجية الروسية: أطراف معينة تحمي تنظيم جبهة النصرة الإرهابي");
        assertThat(body(text)).hasSize(2);
    }

    @Test
    void bylinesLinksAndPhoneNumbersAreNotSentences() {
        String text = "بقلم: أحمد علي\n\nhttps://telegram.me/SyrianArabNewsAgency\n\n"
                + "للتواصل اتصلوا على 0940777186.\n\nBy John Smith\n\n"
                + "رابط الخبر www.example.com/news/2024/item.html\n\n"
                + "وأعلنت الحكومة عن خطة جديدة لدعم المزارعين في المحافظات الشمالية.";
        assertThat(noRules.bodySentences(text)).extracting(Sentence::text)
                .containsExactly("وأعلنت الحكومة عن خطة جديدة لدعم المزارعين في المحافظات الشمالية.");
        assertThat(noRules.split(text)).extracting(Sentence::role).containsExactly(Role.BYLINE, Role.FRAGMENT,
                Role.FRAGMENT, Role.BYLINE, Role.FRAGMENT, Role.BODY);
    }

    @Test
    void shortSentencesAndLeadInsAreFragments() {
        String text = "وقال: أخرجنا نحو 50 شخصا. لكن شرعوا بالابتسام لاحقا. وكان الأطفال يبكون خوفا من النور.\n\n"
                + "يوجد نوعان رئيسيان من شاشات اللمس المعروفة اليوم في الأسواق وهما:\n\n"
                + "وتحدث الوزير طويلا عن الخطة الجديدة ثم قال بوضوح ما يلي:";
        assertThat(splitter.split(text)).extracting(Sentence::role)
                .containsExactly(Role.FRAGMENT, Role.FRAGMENT, Role.BODY, Role.FRAGMENT, Role.FRAGMENT);
    }

    @Test
    void sentencesKeepTheirOriginalTextAndOffsets() {
        String text = "  عنوان الخبر هنا\r\n\r\nوصل الوفد   إلى دمشق، والتقى الوزير.  ثم غادر الوفد المدينة مساء الأمس!\r\n";
        List<Sentence> body = splitter.bodySentences(text);
        assertThat(body).extracting(Sentence::text)
                .containsExactly("وصل الوفد   إلى دمشق، والتقى الوزير.", "ثم غادر الوفد المدينة مساء الأمس!");
        for (Sentence sentence : body) {
            assertThat(text.substring(sentence.start(), sentence.end())).isEqualTo(sentence.text());
        }
        assertThat(body).extracting(Sentence::paragraph).containsExactly(1, 1);
    }

    @Test
    void hardWrappedLinesAreJoinedBackIntoSentences() {
        String text = "يتم قريبا الانتهاء من إنشاء العديد من محطات شبكة رصد الإشعاع الشمسي بمختلف\n"
                + "مناطق السعودية، للاستفادة من الطاقة الشمسية، وطاقة الرياح لتطوير الإنتاج\n"
                + "الصناعي والعديد من المجالات الأخرى.\n"
                + " وقال المشرف على معهد بحوث الطاقة والباحث الرئيس في مشروع الطاقة الشمسية\n"
                + "بمدينة الملك عبد العزيز للعلوم والتقنية الدكتور نايف العبادي، إن المدينة\n"
                + "تنفذ حاليا مشروعا بحثيا.\n";
        List<Sentence> body = splitter.bodySentences(text);
        assertThat(body).extracting(Sentence::text).containsExactly(
                "يتم قريبا الانتهاء من إنشاء العديد من محطات شبكة رصد الإشعاع الشمسي بمختلف مناطق السعودية، "
                        + "للاستفادة من الطاقة الشمسية، وطاقة الرياح لتطوير الإنتاج الصناعي والعديد من المجالات "
                        + "الأخرى.",
                "وقال المشرف على معهد بحوث الطاقة والباحث الرئيس في مشروع الطاقة الشمسية بمدينة الملك عبد العزيز "
                        + "للعلوم والتقنية الدكتور نايف العبادي، إن المدينة تنفذ حاليا مشروعا بحثيا.");
        assertThat(body.get(0).end()).isGreaterThan(text.indexOf('\n'));
    }

    @Test
    void oneParagraphPerLineIsNotMistakenForWrappedText() {
        // Seed 000's shape: no blank lines, every line a paragraph, a sub-heading between them.
        String text = "موسكو-سانا\n"
                + "أكدت روسيا أن الوجود العسكري الأمريكي في منطقة التنف يعيق عمليات الجيش العربي السوري ضد داعش.\n"
                + "لافروف: يجب توحيد المعارضة في سورية بوفد واحد\n"
                + "أكد وزير الخارجية الروسي سيرغي لافروف ضرورة توحيد المعارضة في سورية بوفد واحد في جنيف.\n";
        assertThat(splitter.split(text)).extracting(Sentence::role)
                .containsExactly(Role.DATELINE, Role.BODY, Role.HEADING, Role.BODY);
    }

    @Test
    void boilerplateLinesAndTheTrailerAreLeftOut() {
        String text = "أعلنت الوزارة عن خطة جديدة لدعم المزارعين في المحافظات الشمالية.\n\n"
                + "تابعونا عبر تطبيق واتس أب :\n\nاترك تعليقاً\n\n"
                + "وأكدت أن الخطة تشمل قروضا ميسرة للمزارعين الصغار هذا العام.\n\nانظر ايضاً\n\n"
                + "الدفاع الروسية: إسقاط أكثر من 100 مسيرة أوكرانية فوق المناطق الحدودية خلال الليل الماضي.";
        assertThat(splitter.split(text)).extracting(Sentence::text).containsExactly(
                "أعلنت الوزارة عن خطة جديدة لدعم المزارعين في المحافظات الشمالية.",
                "وأكدت أن الخطة تشمل قروضا ميسرة للمزارعين الصغار هذا العام.");
    }

    @Test
    void emptyAndBlankTextHaveNoPieces() {
        assertThat(splitter.split("")).isEmpty();
        assertThat(splitter.split(" \n\n\t\r\n ")).isEmpty();
    }

    @Test
    @Tag("slow") // a volume test: run by mvn test, left out of -Dgroups=fast
    void pathologicalInputsStayLinear() {
        // A megabyte with no punctuation, a megabyte of opening quotes, a megabyte of full stops: each must finish
        // (a quadratic splitter would take minutes here; no timing is asserted).
        String words = "كلمة ".repeat(200_000);
        assertThat(splitter.split(words)).hasSize(1);
        assertThat(splitter.split("«".repeat(1_000_000))).isEmpty();
        assertThat(splitter.split("أ. ".repeat(300_000))).isNotEmpty();
        assertThat(splitter.split(("سطر قصير\n").repeat(100_000))).isNotEmpty();
    }
}
