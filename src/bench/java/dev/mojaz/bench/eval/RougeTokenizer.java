package dev.mojaz.bench.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of our EASC evaluation protocol, fixed so that figures compare across versions: diacritics
 * (U+0610–U+061A, U+064B–U+065F, U+0670) and tatweel removed; أ إ آ ٱ → ا, ى → ي, ة → ه; every non-word character
 * (anything but a letter, a digit or {@code _}) is a space; split on spaces. No stemming, no stop words, no case
 * folding.
 *
 * <p>Deliberately separate from the product's {@link dev.mojaz.text.ArabicNormalizer}: the protocol must not move
 * when the product's normalisation improves.
 */
public final class RougeTokenizer {
    private RougeTokenizer() {
    }

    public static List<String> tokens(CharSequence text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isRemoved(c)) {
                continue;
            }
            char folded = fold(c);
            if (Character.isLetterOrDigit(folded) || folded == '_') {
                current.append(folded);
            } else if (current.length() > 0) {
                tokens.add(current.toString());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    private static boolean isRemoved(char c) {
        return (c >= '\u0610' && c <= '\u061A') || (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640';
    }

    private static char fold(char c) {
        return switch (c) {
            case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
            case 'ى' -> 'ي';
            case 'ة' -> 'ه';
            default -> c;
        };
    }
}
