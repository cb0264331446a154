package dev.mojaz.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class TokenizerTest {

    private static List<String> texts(String text) {
        return Tokenizer.tokens(text).stream().map(t -> t.text(text)).toList();
    }

    @Test
    void splitsArabicOnSpacesAndPunctuationKeepingMarksInsideWords() {
        assertThat(texts("قالَ الرئيسُ: «السلام، أولاً»؛ ثم غادر."))
                .containsExactly("قالَ", "الرئيسُ", "السلام", "أولاً", "ثم", "غادر");
    }

    @Test
    void mixedArabicLatinAndBothKindsOfDigits() {
        String text = "أعلنت وكالة «Izvestia» الروسية أن ٣٠٠ عنصر و50 آخرين عبروا في 2024";
        assertThat(texts(text)).containsExactly("أعلنت", "وكالة", "Izvestia", "الروسية", "أن", "٣٠٠", "عنصر", "و50",
                "آخرين", "عبروا", "في", "2024");
        assertThat(Tokenizer.tokens(text)).extracting(Tokenizer.Token::kind).containsExactly(
                Tokenizer.Kind.ARABIC, Tokenizer.Kind.ARABIC, Tokenizer.Kind.OTHER_LETTERS, Tokenizer.Kind.ARABIC,
                Tokenizer.Kind.ARABIC, Tokenizer.Kind.NUMBER, Tokenizer.Kind.ARABIC, Tokenizer.Kind.ARABIC,
                Tokenizer.Kind.ARABIC, Tokenizer.Kind.ARABIC, Tokenizer.Kind.ARABIC, Tokenizer.Kind.NUMBER);
    }

    @Test
    void numbersKeepTheirDecimalAndThousandsSeparators() {
        assertThat(texts("نما 2.5 بالمئة، أي 1,000 وظيفة و٢٫٥ مليون، في 2024.")).containsExactly(
                "نما", "2.5", "بالمئة", "أي", "1,000", "وظيفة", "و٢٫٥", "مليون", "في", "2024");
    }

    @Test
    void hyphensAndUrlsSeparateWords() {
        assertThat(texts("موسكو-سانا https://sana.sy/x")).containsExactly("موسكو", "سانا", "https", "sana", "sy", "x");
    }

    @Test
    void tokensAreOffsetsIntoTheText() {
        String text = "  مرحبا  بكم ";
        assertThat(Tokenizer.tokens(text)).containsExactly(new Tokenizer.Token(2, 7, Tokenizer.Kind.ARABIC),
                new Tokenizer.Token(9, 12, Tokenizer.Kind.ARABIC));
    }

    @Test
    void countsWordsAndWordsWithLetters() {
        String text = "اتصلوا على الرقم 0940777186 الآن";
        assertThat(Tokenizer.countWords(text, 0, text.length())).isEqualTo(5);
        assertThat(Tokenizer.countLetterWords(text, 0, text.length())).isEqualTo(4);
        assertThat(Tokenizer.count(text, 0, text.length())).isEqualTo(new Tokenizer.Counts(5, 4));
    }

    @Test
    void strayMarksAndEmptyTextHaveNoTokens() {
        assertThat(Tokenizer.tokens("")).isEmpty();
        assertThat(Tokenizer.tokens(" \u064E … — ")).isEmpty();
    }
}
