package dev.mojaz.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("fast")
class ArabicNormalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "أحمد, احمد",
            "إسلام, اسلام",
            "آمن, امن",
            "ٱلله, الله",
            "مستشفى, مستشفي",
            "مدرسة, مدرسه",
            "مُحَمَّدٌ, محمد",
            "قـــال, قال",
            "٢٠٢٤, 2024",
            "۱۹۹۰, 1990",
            "Syria, syria",
            "ÉCOLE, école",
            "الرَّحْمٰنِ, الرحمن",
    })
    void foldsSpellingVariants(String input, String expected) {
        assertThat(ArabicNormalizer.normalize(input)).isEqualTo(expected);
    }

    @Test
    void keepsMixedTextSpacesAndPunctuation() {
        assertThat(ArabicNormalizer.normalize("قالت الأمم المتحدة (UN) إنّ ٣ ملايين نزحوا، في 2024."))
                .isEqualTo("قالت الامم المتحده (un) ان 3 ملايين نزحوا، في 2024.");
    }

    @Test
    void isLinearOnLongRunsOfMarks() {
        String marks = "بَ".repeat(500_000); // a million characters, half of them marks, no spaces
        String normalized = ArabicNormalizer.normalize(marks);
        assertThat(normalized).hasSize(500_000).matches("ب+");
    }

    @Test
    void removesInvisibleJoinersAndDirectionMarks() {
        assertThat(ArabicNormalizer.normalize("سو\u200Cرية\u200F")).isEqualTo("سوريه");
        assertThat(ArabicNormalizer.normalize("\uFEFFداعش\u200B")).isEqualTo("داعش");
    }

    @Test
    void normalisesAWordInPlace() {
        char[] word = "والمُعارَضة".toCharArray();
        int length = ArabicNormalizer.normalize(word, word.length);
        assertThat(new String(word, 0, length)).isEqualTo("والمعارضه");
        char[] longWord = ("أ" + "بَ".repeat(300)).toCharArray();
        assertThat(new String(longWord, 0, ArabicNormalizer.normalize(longWord, longWord.length)))
                .isEqualTo("ا" + "ب".repeat(300));
    }

    @Test
    void theArabicBlockFoldsWithoutACaseLookup() {
        // fold() skips Character.isUpperCase for U+0600–U+06FF; that is only right if the block has no case.
        for (char c = '\u0600'; c <= '\u06FF'; c++) {
            assertThat(Character.isUpperCase(c) || Character.toLowerCase(c) != c).as("U+%04X", (int) c).isFalse();
            boolean digit = (c >= '\u0660' && c <= '\u0669') || (c >= '\u06F0' && c <= '\u06F9');
            boolean removed = ArabicNormalizer.isMark(c) || c == '\u061C';
            if (!digit && !removed && c != '\u0671') {
                assertThat(ArabicNormalizer.fold(c)).as("U+%04X", (int) c).isEqualTo(c);
            }
        }
        assertThat(ArabicNormalizer.fold('\u061C')).as("Arabic letter mark").isEqualTo(ArabicNormalizer.fold('\u200F'));
    }

    @Test
    void emptyStaysEmpty() {
        assertThat(ArabicNormalizer.normalize("")).isEmpty();
    }
}
