package dev.mojaz.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Removes the lines news sites add around an article: promotion ("follow us on Telegram"), comment prompts,
 * "back to top", share prompts, copyright lines, and "see also" with the teasers after it.
 *
 * <p>The rules are data ({@code boilerplate-rules.txt}), so a new site needs a line there, not code.
 *
 * <p>PLACEHOLDER rules and format until the summariser issue lands the full rule set; keep the API.
 */
public final class BoilerplateFilter {
    private final List<Pattern> dropLine;
    private final List<Pattern> dropRest;

    private BoilerplateFilter(List<Pattern> dropLine, List<Pattern> dropRest) {
        this.dropLine = List.copyOf(dropLine);
        this.dropRest = List.copyOf(dropRest);
    }

    /** The rules shipped with Mojaz. */
    public static BoilerplateFilter standard() {
        try (InputStream in = BoilerplateFilter.class.getResourceAsStream("boilerplate-rules.txt")) {
            Objects.requireNonNull(in, "boilerplate-rules.txt missing from the classpath");
            List<Pattern> line = new ArrayList<>();
            List<Pattern> rest = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String raw; (raw = reader.readLine()) != null; ) {
                String rule = raw.strip();
                if (rule.isEmpty() || rule.startsWith("#")) {
                    continue;
                }
                int space = rule.indexOf(' ');
                String kind = rule.substring(0, space);
                Pattern pattern = Pattern.compile(rule.substring(space + 1).strip(),
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                (kind.equals("rest") ? rest : line).add(pattern);
            }
            return new BoilerplateFilter(line, rest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether one line (paragraph) is boilerplate on its own. */
    public boolean isBoilerplate(String line) {
        String normalized = ArabicNormalizer.normalize(line.strip());
        return dropLine.stream().anyMatch(p -> p.matcher(normalized).find());
    }

    /** The lines worth keeping, in order: boilerplate lines dropped, everything after a "see also" line dropped. */
    public List<String> keep(List<String> lines) {
        List<String> kept = new ArrayList<>(lines.size());
        for (String line : lines) {
            String normalized = ArabicNormalizer.normalize(line.strip());
            if (dropRest.stream().anyMatch(p -> p.matcher(normalized).find())) {
                break;
            }
            if (!line.isBlank() && !isBoilerplate(line)) {
                kept.add(line);
            }
        }
        return kept;
    }
}
