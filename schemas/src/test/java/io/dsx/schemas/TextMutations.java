package io.dsx.schemas;

import java.util.Random;

/** Random one-character edits of a text, for tests that feed parsers damaged input. */
public final class TextMutations {
    private TextMutations() {}

    /** {@code edits} random replace/insert/delete edits with characters from {@code alphabet}. */
    public static String mutate(String text, int edits, String alphabet, Random random) {
        StringBuilder out = new StringBuilder(text);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(out.length());
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            switch (random.nextInt(3)) {
                case 0 -> out.setCharAt(at, c);
                case 1 -> out.insert(at, c);
                default -> out.deleteCharAt(at);
            }
        }
        return out.toString();
    }
}
