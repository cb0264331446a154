package dev.mojaz.bench.match;

import dev.mojaz.match.ArticleText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The seed articles on the classpath ({@code /dev/mojaz/samples/*.txt}), from the classes folder or the jar. */
public final class SampleArticles {
    private static final String FOLDER = "dev/mojaz/samples";

    /** An article as the {@code match} command reads it: the title on the first line, the text after it. */
    public record Article(String name, String title, String text) {
        public static Article parse(String name, String content) {
            ArticleText article = ArticleText.parse(content);
            return new Article(name, article.title(), article.text());
        }
    }

    private SampleArticles() {
    }

    public static List<Article> load() {
        try {
            URI folder = folderUri();
            if ("jar".equals(folder.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(folder, Map.of())) {
                    return read(jar.getPath(FOLDER));
                } catch (FileSystemAlreadyExistsException e) {
                    return read(FileSystems.getFileSystem(folder).getPath(FOLDER));
                }
            }
            return read(Path.of(folder));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample articles", e);
        }
    }

    private static URI folderUri() {
        // The folder may have no entry of its own in a jar: find it through one of its files' jar instead.
        URL url = SampleArticles.class.getClassLoader().getResource(FOLDER);
        try {
            if (url == null) {
                URL self = SampleArticles.class.getProtectionDomain().getCodeSource().getLocation();
                return URI.create("jar:" + self.toURI() + "!/" + FOLDER);
            }
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Article> read(Path folder) throws IOException {
        List<Article> articles = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    articles.add(Article.parse(file.getFileName().toString(),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
        if (articles.isEmpty()) {
            throw new IllegalStateException("no sample articles in " + folder);
        }
        return articles;
    }
}
