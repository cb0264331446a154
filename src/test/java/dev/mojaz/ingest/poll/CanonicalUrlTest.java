package dev.mojaz.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("fast")
class CanonicalUrlTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            HTTPS://WWW.Example.COM/News/1                                   | https://www.example.com/News/1
            https://example.com:443/a                                        | https://example.com/a
            http://example.com:80/a                                          | http://example.com/a
            http://example.com:8080/a                                        | http://example.com:8080/a
            https://example.com/a/b/                                         | https://example.com/a/b
            https://example.com/a//                                          | https://example.com/a
            https://example.com/                                             | https://example.com/
            https://example.com                                              | https://example.com/
            https://example.com/a#comments                                   | https://example.com/a
            https://example.com/a?utm_source=rss&utm_medium=feed             | https://example.com/a
            https://example.com/a?id=7&fbclid=XYZ&gclid=1                    | https://example.com/a?id=7
            https://example.com/a?UTM_Campaign=x&p=2                         | https://example.com/a?p=2
            https://www.bbc.com/arabic/articles/c1?at_medium=RSS&at_campaign=rss | https://www.bbc.com/arabic/articles/c1
            https://www.france24.com/ar/1?xtor=RSS-1                         | https://www.france24.com/ar/1
            https://example.com/?p=101&utm_source=rss                        | https://example.com/?p=101
            https://example.com/a?b=2&a=1                                    | https://example.com/a?a=1&b=2
            https://example.com/a?tag=x&page=2&tag=y                         | https://example.com/a?page=2&tag=x&tag=y
            https://example.com/%7euser/%41bc                                | https://example.com/~user/Abc
            https://example.com/%d8%b3%d9%88%d8%b1%d9%8a%d8%a9               | https://example.com/%D8%B3%D9%88%D8%B1%D9%8A%D8%A9
            https://example.com/سورية                                        | https://example.com/%D8%B3%D9%88%D8%B1%D9%8A%D8%A9
            https://مثال.إختبار/خبر                                          | https://xn--mgbh0fb.xn--kgbechtv/%D8%AE%D8%A8%D8%B1
            https://example.com/a?q=%E2%9C%93&flag                           | https://example.com/a?flag&q=%E2%9C%93
            """)
    void normalises(String in, String out) {
        assertThat(CanonicalUrl.of(URI.create(in.strip()))).isEqualTo(URI.create(out.strip()));
    }

    @ParameterizedTest(name = "{0} declares {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            https://a.example/news/1?utm_source=x | https://a.example/news/1/          | https://a.example/news/1
            https://a.example/amp/news/1          | https://a.example/news/1           | https://a.example/news/1
            https://b.example/copy/9              | https://a.example/news/1           | https://a.example/news/1
            https://a.example/news/1              | null                               | https://a.example/news/1
            https://a.example/news/1              | https://a.example/                 | https://a.example/news/1
            https://a.example/                    | https://a.example/                 | https://a.example/
            https://a.example/news/1              | ftp://a.example/news/1             | https://a.example/news/1
            """)
    void followsRelCanonicalUnlessItPointsHome(String fetched, String declared, String expected) {
        URI declaredUri = declared == null ? null : URI.create(declared.strip());
        assertThat(CanonicalUrl.choose(URI.create(fetched.strip()), declaredUri)).isEqualTo(URI.create(expected.strip()));
    }
}
