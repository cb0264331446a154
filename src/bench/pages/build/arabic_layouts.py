"""Builds pages/arabic-layouts: the five seed articles inside six common layouts of Arabic news sites.

    python3 src/bench/pages/build/arabic_layouts.py SEEDS_DIR src/bench/pages/arabic-layouts

SEEDS_DIR holds the seed articles as text (000_*.txt ... 004_*.txt, the same five as
src/main/resources/dev/mojaz/samples). Each page is one seed in one layout; its expected text is what a reader calls
the article: the dateline, the paragraphs and sub-headings, and the lists and tables the article itself holds; never
the headline, captions, photo credits, "read also" inserts, related links, adverts, promotion lines, share bars,
comments or the page's chrome. Variations inside a layout (which inserts, where, how many adverts) come from a random
generator seeded with the page's name, so a rebuild gives the same bytes.
"""

import html
import os
import random
import re
import sys

from dataset import write_dataset

LAYOUTS = ["wordpress", "modern", "table1256", "adsplit", "datacaptions", "amp"]

# The first seed starts with its dateline; its headline is the one its site gave it.
TITLES = {"000": "روسيا: الوجود الأمريكي في التنف يعيق عمليات الجيش السوري ضد داعش"}
TRAILER = re.compile(r"^(تابعوا|تابعونا|اترك تعليق|زر الذهاب|انظر ايضا|انظر أيضا|https?://)")
SENTENCE_END = re.compile(r"[.!؟?:”»\"]$")

TEASERS = [
    "مجلس الوزراء يقر مشروع الموازنة العامة للدولة للعام القادم",
    "وزارة الصحة تطلق حملة وطنية للتلقيح ضد شلل الأطفال في جميع المحافظات",
    "ارتفاع أسعار الذهب في السوق المحلية وغرام عيار 21 يسجل رقماً قياسياً جديداً",
    "افتتاح معرض الكتاب الدولي بمشاركة أكثر من 300 دار نشر عربية وأجنبية",
    "المنتخب الوطني يستعد لمواجهة ودية استعداداً للتصفيات الآسيوية",
    "أمطار غزيرة متوقعة خلال الأيام القادمة مع انخفاض ملموس في درجات الحرارة",
    "وزير الاقتصاد يبحث مع وفد تجاري سبل تعزيز التبادل التجاري بين البلدين",
    "جامعة دمشق تعلن مواعيد التسجيل في برامج الدراسات العليا للعام الجديد",
    "انطلاق فعاليات مهرجان الأغنية التراثية في دار الأوبرا بمشاركة فرق محلية",
    "مؤسسة الكهرباء تعلن برنامج تقنين جديد في عدد من المحافظات",
    "وفد برلماني يزور موسكو لبحث تعزيز العلاقات الثنائية في مختلف المجالات",
    "الأمم المتحدة تحذر من تفاقم الأوضاع الإنسانية في المخيمات مع حلول الشتاء",
    "ترميم قلعة أثرية يعيد الحياة إلى أحد أقدم المعالم التاريخية في المنطقة",
    "انخفاض أسعار الخضار في أسواق الهال مع بدء الموسم الزراعي الجديد",
    "ندوة حوارية حول دور الشباب في إعادة الإعمار والتنمية المستدامة",
    "إطلاق منصة إلكترونية جديدة لتسهيل معاملات المواطنين في الدوائر الحكومية",
]
MENU = ["الرئيسية", "سياسة", "محليات", "اقتصاد", "ثقافة وفنون", "رياضة", "العالم", "منوعات", "فيديو", "اتصل بنا"]
CAPTIONS = ["صورة أرشيفية", "من الاجتماع", "خلال المؤتمر الصحفي", "صورة من موقع الحدث", "لقطة من الفيديو"]
CREDITS = ["تصوير: رويترز", "المصدر: وكالات", "أ ف ب", "تصوير: محمد الأحمد"]


class Seed:
    """A seed article: its headline, its body lines (dateline, paragraphs, headings) and the promotion trailer."""

    def __init__(self, key, text):
        lines = [l.strip() for l in text.splitlines()]
        has_title = "" in lines  # seeds written with blank lines between paragraphs start with their headline
        lines = [l for l in lines if l]
        if key in TITLES:
            self.title = TITLES[key]
        elif has_title:
            self.title, lines = lines[0], lines[1:]
        else:
            raise ValueError("no headline for seed " + key)
        end = next((i for i, l in enumerate(lines) if TRAILER.match(l)), len(lines))
        self.trailer = lines[end:]
        self.blocks = []  # (kind, text): dateline, para, heading
        for i, line in enumerate(lines[:end]):
            if i == 0 and len(line) <= 40 and not SENTENCE_END.search(line):
                self.blocks.append(("dateline", line))
            elif len(line) <= 220 and not SENTENCE_END.search(line):
                self.blocks.append(("heading", line))
            else:
                self.blocks.append(("para", line))


def esc(text):
    return html.escape(text, quote=False)


class Page:
    """Collects a page's markup and, beside it, the lines of its expected text."""

    def __init__(self):
        self.parts = []
        self.expected = []

    def chrome(self, markup):
        self.parts.append(markup)

    def article(self, markup, *lines):
        self.parts.append(markup)
        self.expected.extend(lines)

    def html(self):
        return "\n".join(self.parts)


def teasers(rng, n):
    return rng.sample(TEASERS, n)


def key_points(seed):
    """Three points at the top of the story: the start of its first three paragraphs."""
    paras = [t for k, t in seed.blocks if k == "para"]
    points = []
    for p in paras[:3]:
        words = p.split()
        points.append(" ".join(words[:14]) + ("…" if len(words) > 14 else ""))
    return points


def statements_table(seed):
    """Who said what: the first three words and the next twelve of paragraphs that open with a verb of saying."""
    rows = []
    for kind, text in seed.blocks:
        words = text.split()
        if kind == "para" and re.match(r"^(و?قال|و?أكد|و?أشار|و?لفت|و?أوضح|و?بين|و?أضاف|من جانبه|من جهته)", text):
            rows.append((" ".join(words[:3]), " ".join(words[3:15])))
        if len(rows) == 4:
            break
    return rows


# ---- layouts --------------------------------------------------------------------------------------------------


def wordpress(seed, rng):
    """A WordPress news theme: "read also" inserts between paragraphs, the promotion lines inside the post."""
    p = Page()
    p.chrome('<!DOCTYPE html>\n<html dir="rtl" lang="ar-SY">\n<head><meta charset="UTF-8">'
             '<title>%s &#8211; الوكالة العربية للأنباء</title>' % esc(seed.title))
    p.chrome('<meta property="og:type" content="article"><meta property="og:title" content="%s">' % esc(seed.title))
    p.chrome("<link rel='stylesheet' id='jannah-styles-css' href='/wp-content/themes/jannah/style.css'>"
             "<script>var tie={ajaxurl:'/wp-admin/admin-ajax.php'};</script></head>")
    p.chrome('<body class="post-template-default single single-post postid-%d single-format-standard">'
             % rng.randint(100000, 999999))
    p.chrome('<div id="tie-container" class="site tie-container"><div id="tie-wrapper">')
    p.chrome('<header id="theme-header" class="theme-header header-layout-3"><div class="logo-row">'
             '<a href="/"><img src="/logo.png" alt="سانا"></a></div><nav id="main-nav"><ul class="menu">'
             + "".join('<li class="menu-item"><a href="/c/%d">%s</a></li>' % (i, m) for i, m in enumerate(MENU))
             + '</ul></nav></header>')
    p.chrome('<div class="breaking"><span class="breaking-title">عاجل</span><ul id="breaking-news-in-header">'
             + "".join('<li><a href="/b/%d">%s</a></li>' % (i, t) for i, t in enumerate(teasers(rng, 3)))
             + "</ul></div>")
    p.chrome('<div id="content" class="site-content container"><div class="tie-row main-content-row">'
             '<div class="main-content tie-col-md-8" role="main">')
    p.chrome('<article id="the-post" class="container-wrapper post-content tie-standard">'
             '<header class="entry-header-outer"><nav id="breadcrumb"><a href="/">الرئيسية</a>'
             '<em class="delimiter">/</em><a href="/c/1">سياسة</a></nav><div class="entry-header">'
             '<h1 class="post-title entry-title">%s</h1><div class="post-meta"><span class="author-meta">'
             '<a href="/author/sana">سانا</a></span><span class="date meta-item">منذ %d ساعات</span>'
             '<span class="meta-views">%d مشاهدة</span></div></div></header>'
             % (esc(seed.title), rng.randint(2, 9), rng.randint(300, 9000)))
    p.chrome('<div class="featured-area"><figure class="single-featured-image"><img src="/img/%d.jpg" alt="">'
             '<figcaption class="single-caption-text">%s</figcaption></figure></div>'
             % (rng.randint(1, 99), rng.choice(CAPTIONS)))
    p.chrome('<div class="entry-content entry clearfix">')
    inserts = ["p", "box", "embed", "twolines"]
    rng.shuffle(inserts)
    count = 0
    for i, (kind, text) in enumerate(seed.blocks):
        if kind == "heading":
            p.article("<h3>%s</h3>" % esc(text), text)
        else:
            p.article("<p>%s</p>" % esc(text), text)
        if kind == "para" and i >= 2 and i % rng.choice([3, 4]) == 0 and count < len(inserts) and i < len(seed.blocks) - 1:
            p.chrome(read_also(inserts[count], rng))
            count += 1
    for line in seed.trailer:
        if TRAILER.match(line) and not line.startswith(("اترك", "زر")):
            p.chrome("<h3>%s</h3>" % esc(line))
    p.chrome("</div>")
    p.chrome('<div class="post-footer-on-bottom"><div class="share-links"><span class="share-title">شارك</span>'
             '<a href="https://facebook.com/sharer" class="facebook-share-btn">فيسبوك</a>'
             '<a href="https://twitter.com/intent" class="twitter-share-btn">تويتر</a>'
             '<a href="https://t.me/share" class="telegram-share-btn">تيلقرام</a></div></div>')
    p.chrome('<div class="post-bottom-meta post-tags"><span class="tagcloud"><a href="/tag/1">روسيا</a>'
             '<a href="/tag/2">سورية</a></span></div></article>')
    p.chrome('<div id="related-posts" class="container-wrapper"><div class="mag-box-title"><h3>مقالات ذات صلة</h3>'
             '</div><div class="related-posts-list">'
             + "".join('<div class="related-item"><a href="/r/%d"><img src="/t/%d.jpg"></a><h3 class="post-title">'
                       '<a href="/r/%d">%s</a></h3><div class="post-meta"><span class="date">منذ يومين</span></div>'
                       '</div>' % (i, i, i, t) for i, t in enumerate(teasers(rng, 4)))
             + "</div></div>")
    p.chrome('<div id="comments" class="comments-area"><div id="respond" class="comment-respond">'
             '<h3 id="reply-title" class="comment-reply-title">اترك تعليقاً</h3><form id="commentform">'
             '<p class="comment-notes">لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *</p>'
             '<textarea name="comment"></textarea><input type="submit" value="إرسال التعليق"></form></div></div>')
    p.chrome('</div><aside class="sidebar tie-col-md-4" aria-label="القائمة الجانبية"><div class="widget">'
             '<div class="widget-title"><h4>الأكثر قراءة</h4></div><ul>'
             + "".join('<li><a href="/p/%d">%s</a></li>' % (i, t) for i, t in enumerate(teasers(rng, 5)))
             + '</ul></div></aside></div></div>')
    p.chrome('<footer id="footer" class="site-footer"><div class="copyright-text">جميع الحقوق محفوظة لـ سانا 2017'
             '</div></footer><a id="go-to-top" class="go-to-top-button" href="#go-to-tie-body">'
             '<span class="screen-reader-text">زر الذهاب إلى الأعلى</span></a></div></div></body></html>')
    return p


def read_also(kind, rng):
    t = teasers(rng, 2)
    if kind == "p":
        return '<p><strong>اقرأ أيضاً: </strong><a href="/r/%d">%s</a></p>' % (rng.randint(1, 999), t[0])
    if kind == "box":
        return ('<div class="read-also-box"><h4>اقرأ أيضاً</h4><ul><li><a href="/r/1">%s</a></li>'
                '<li><a href="/r/2">%s</a></li></ul></div>' % (t[0], t[1]))
    if kind == "embed":
        return ('<blockquote class="wp-embedded-content" data-secret="x%d"><a href="/r/3">%s</a></blockquote>'
                '<iframe class="wp-embedded-content" sandbox="allow-scripts" src="/r/3/embed/" title="%s"></iframe>'
                % (rng.randint(1000, 9999), t[0], t[0]))
    return '<p>اقرأ أيضاً</p><p><a href="/r/4">%s</a></p>' % t[0]


def modern(seed, rng):
    """A modern site: generated class names, inline related links between paragraphs, cards and a ticker."""
    def cls():
        return "css-%x" % rng.randint(0x100000, 0xffffff)
    p = Page()
    p.chrome('<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
             '<meta name="viewport" content="width=device-width"><title>%s | الخليج اليوم</title>' % esc(seed.title))
    p.chrome('<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
             '"headline":"%s","author":{"@type":"Person","name":"فريق التحرير"}}</script>'
             % seed.title.replace('"', '\\"'))
    p.chrome('<link rel="preload" href="/_next/static/chunks/main.js" as="script"></head><body>'
             '<div id="__next"><div class="%s">' % cls())
    p.chrome('<header class="%s"><a href="/" class="%s"><svg viewBox="0 0 10 10"><path d="M0 0h10v10z"/></svg></a>'
             '<ul class="%s">' % (cls(), cls(), cls())
             + "".join('<li><a href="/section/%d">%s</a></li>' % (i, m) for i, m in enumerate(MENU[:7]))
             + "</ul></header>")
    p.chrome('<main class="%s"><div class="%s"><h1 class="%s">%s</h1>' % (cls(), cls(), cls(), esc(seed.title)))
    p.chrome('<div class="%s"><span>فريق التحرير</span> <time datetime="2019-02-01T09:30:00+02:00">'
             '1 فبراير 2019</time></div>' % cls())
    p.chrome('<figure class="%s"><img src="/i/%d.webp" alt=""><figcaption class="%s">%s (%s)</figcaption></figure>'
             % (cls(), rng.randint(1, 99), cls(), rng.choice(CAPTIONS), rng.choice(CREDITS)))
    body_cls = cls()
    para_cls = cls()
    p.chrome('<div class="%s">' % body_cls)
    related = 0
    for i, (kind, text) in enumerate(seed.blocks):
        if kind == "heading":
            p.article('<h2 class="%s">%s</h2>' % (cls(), esc(text)), text)
        else:
            p.article('<p class="%s">%s</p>' % (para_cls, linked(text, rng)), text)
        if kind == "para" and i >= 2 and rng.random() < 0.3 and i < len(seed.blocks) - 1 and related < 4:
            related += 1
            t = teasers(rng, 1)[0]
            style = rng.choice(["card", "line", "label"])
            if style == "card":
                p.chrome('<div class="%s"><a href="/news/%d" class="%s"><img src="/t/%d.webp" alt="">'
                         '<span class="%s">%s</span></a></div>' % (cls(), i, cls(), i, cls(), t))
            elif style == "line":
                p.chrome('<p class="%s"><a href="/news/%d">%s</a></p>' % (para_cls, i, t))
            else:
                p.chrome('<div class="%s"><span class="%s">ذات صلة</span><a href="/news/%d">%s</a></div>'
                         % (cls(), cls(), i, t))
    p.chrome("</div>")
    p.chrome('<div class="%s"><button class="%s">نسخ الرابط</button><a href="https://wa.me/?text=x">واتساب</a>'
             '<a href="https://twitter.com/share">إكس</a></div>' % (cls(), cls()))
    p.chrome('<section class="%s"><h2 class="%s">اقرأ المزيد</h2>' % (cls(), cls())
             + "".join('<article class="%s"><a href="/news/r%d"><img src="/t/r%d.webp" alt=""><h3>%s</h3></a>'
                       '<p>منذ ساعتين</p></article>' % (cls(), i, i, t) for i, t in enumerate(teasers(rng, 4)))
             + "</section></div></main>")
    p.chrome('<footer class="%s"><p>© 2019 الخليج اليوم</p><ul><li><a href="/about">من نحن</a></li>'
             '<li><a href="/privacy">سياسة الخصوصية</a></li></ul></footer></div></div>'
             '<script id="__NEXT_DATA__" type="application/json">{"props":{}}</script></body></html>' % cls())
    return p


def linked(text, rng):
    """A paragraph with one of its names linked to a tag page, as modern sites do."""
    escaped = esc(text)
    for name in ["لافروف", "موسكو", "واشنطن", "سورية", "داعش"]:
        if name in escaped and rng.random() < 0.4:
            return escaped.replace(name, '<a href="/tag/%s">%s</a>' % (name, name), 1)
    return escaped


def table1256(seed, rng):
    """An old site: a layout table, paragraphs separated by <br><br>, font tags, served in windows-1256."""
    p = Page()
    p.chrome('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n<html dir="rtl">\n<head>\n'
             '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">\n<title>%s</title>\n'
             '</head>\n<body bgcolor="#ffffff" topmargin="0">' % esc(seed.title))
    p.chrome('<table width="100%" border="0" cellpadding="0" cellspacing="0">'
             '<tr><td colspan="3" class="banner"><img src="banner.gif" width="780" height="90"></td></tr>')
    p.chrome('<tr><td width="160" valign="top"><table width="100%">'
             + "".join('<tr><td class="menu"><a href="/s%d.htm"><font color="#ffffff">%s</font></a></td></tr>'
                       % (i, m) for i, m in enumerate(MENU))
             + "</table></td>")
    p.chrome('<td valign="top" class="news"><font face="Arial" size="4" color="#990000"><b>%s</b></font><br>'
             '<font size="1" color="#666666">2017-%02d-%02d %02d:%02d</font><br><br><font face="Arial" size="3">'
             % (esc(seed.title), rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59)))
    for kind, text in seed.blocks:
        if kind == "heading":
            p.article("<b>%s</b><br><br>" % esc(text), text)
        else:
            p.article("%s<br><br>" % esc(text), text)
    for line in seed.trailer:
        if not line.startswith(("اترك", "زر")):
            p.chrome("%s<br>" % esc(line))
    p.chrome('</font><br><table width="100%"><tr><td class="links"><b>أخبار ذات صلة</b><br>'
             + "<br>".join('<a href="/n%d.htm">%s</a>' % (i, t) for i, t in enumerate(teasers(rng, 4)))
             + '</td></tr></table></td>')
    p.chrome('<td width="170" valign="top" bgcolor="#eeeeee"><b>آخر الأخبار</b><br>'
             + "<br>".join('<a href="/l%d.htm"><font size="2">%s</font></a>' % (i, t)
                           for i, t in enumerate(teasers(rng, 6)))
             + '<br><br><b>استطلاع الرأي</b><br><form>هل تتابع الأخبار يومياً؟<br><input type="radio" name="v">نعم'
               '<br><input type="radio" name="v">لا<br><input type="submit" value="صوت"></form></td></tr>')
    p.chrome('<tr><td colspan="3" align="center"><font size="1">جميع الحقوق محفوظة © 2017<br>'
             '<a href="/about.htm">من نحن</a> | <a href="/contact.htm">اتصل بنا</a></font></td></tr></table>'
             '</body></html>')
    return p


def adsplit(seed, rng):
    """Paragraphs split by adverts: the body cut into parts with ad slots between them, in one of three ways."""
    p = Page()
    p.chrome('<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>%s - الشرق نيوز</title>'
             '<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script></head><body>'
             % esc(seed.title))
    p.chrome('<div class="page"><div class="top-ad"><div id="div-gpt-ad-top"></div></div><header class="site-head">'
             '<ul class="nav">' + "".join('<li><a href="/s/%d">%s</a></li>' % (i, m) for i, m in enumerate(MENU))
             + '</ul></header><div class="layout"><div class="col-main">')
    p.chrome('<h1 class="article-title">%s</h1><div class="article-info"><span class="source">سانا</span>'
             '<span class="time">الخميس 16 تشرين الثاني 2017</span></div>' % esc(seed.title))
    style = rng.choice(["chunks", "slots", "parts"])
    blocks = seed.blocks

    def ad(n):
        return rng.choice([
            '<div class="ad-container"><span class="ad-label">إعلان</span><div id="div-gpt-ad-%d"></div></div>' % n,
            '<div class="inline-ad" data-ad-slot="%d"><ins class="adsbygoogle"></ins></div>' % n,
            '<div class="mid-ad"><p class="ad-text">Advertisement</p><iframe src="/ads/%d"></iframe></div>' % n,
        ])

    def block_html(kind, text, tag_cls=""):
        if kind == "heading":
            return "<h2>%s</h2>" % esc(text)
        return "<p%s>%s</p>" % (tag_cls, esc(text))

    cut = sorted(rng.sample(range(2, max(3, len(blocks) - 1)), min(3, max(1, len(blocks) - 3))))
    parts = []
    start = 0
    for c in cut + [len(blocks)]:
        parts.append(blocks[start:c])
        start = c
    parts = [part for part in parts if part]
    if style == "chunks":  # the same class for every part, ad rails between (cousins, not siblings)
        p.chrome('<div class="article-content">')
        for n, part in enumerate(parts):
            p.chrome('<div class="article-body">')
            for kind, text in part:
                p.article(block_html(kind, text), text)
            p.chrome("</div>")
            if n < len(parts) - 1:
                p.chrome('<div class="ad-rail">%s</div>' % ad(n))
        p.chrome("</div>")
    elif style == "slots":  # one container, ad slots between paragraphs, one advert inside a paragraph
        p.chrome('<div class="article-content"><div class="text">')
        ads_inside = 0
        for n, part in enumerate(parts):
            for j, (kind, text) in enumerate(part):
                if kind == "para" and ads_inside == 0 and len(text) > 300 and n > 0:
                    words = text.split()
                    half = len(words) // 2
                    p.article("<p>%s <span class=\"ad-inline\"><ins class=\"adsbygoogle\"></ins></span>%s</p>"
                              % (esc(" ".join(words[:half])), esc(" ".join(words[half:]))), text)
                    ads_inside += 1
                else:
                    p.article(block_html(kind, text), text)
            if n < len(parts) - 1:
                p.chrome(ad(n))
        p.chrome("</div></div>")
    else:  # the lead in its own box, the rest in parts with different names
        names = ["story-lead", "story-body", "story-body story-continued", "story-end"]
        p.chrome('<article class="story">')
        for n, part in enumerate(parts):
            p.chrome('<section class="%s">' % names[min(n, len(names) - 1)])
            for kind, text in part:
                p.article(block_html(kind, text), text)
            p.chrome("</section>")
            if n < len(parts) - 1:
                p.chrome(ad(n))
        p.chrome("</article>")
    p.chrome('<div class="outbrain-widget"><span class="ob-title">قد يعجبك أيضاً</span><ul>'
             + "".join('<li><a href="https://paid.example/%d">%s</a></li>' % (i, t)
                       for i, t in enumerate(teasers(rng, 4)))
             + '</ul></div></div><div class="col-side"><div class="side-ad"><div id="div-gpt-ad-side"></div></div>'
               '<div class="box"><h3>الأكثر قراءة</h3><ol>'
             + "".join('<li><a href="/m/%d">%s</a></li>' % (i, t) for i, t in enumerate(teasers(rng, 5)))
             + '</ol></div></div></div><footer class="site-foot"><p>© الشرق نيوز 2017</p></footer></div>'
               '</body></html>')
    return p


def datacaptions(seed, rng):
    """An article that holds a list and a table of its own, with pictures whose captions are not the article's."""
    p = Page()
    p.chrome('<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>%s</title>'
             '<meta name="description" content="%s"></head><body class="single">' % (esc(seed.title), esc(seed.title)))
    p.chrome('<div id="wrap"><div id="header"><ul id="menu">'
             + "".join('<li><a href="/c/%d">%s</a></li>' % (i, m) for i, m in enumerate(MENU)) + '</ul></div>')
    p.chrome('<div id="main"><div class="post"><h1 class="title">%s</h1><p class="meta">بتاريخ 2017/10/05 - '
             'الساعة 14:20</p>' % esc(seed.title))
    p.chrome('<div class="wp-caption aligncenter"><img src="/up/%d.jpg" width="640"><p class="wp-caption-text">%s - %s'
             '</p></div>' % (rng.randint(1, 99), rng.choice(CAPTIONS), rng.choice(CREDITS)))
    p.chrome('<div class="post-body">')
    points = key_points(seed)
    rows = statements_table(seed)
    paras_seen = 0
    middle = len(seed.blocks) // 2
    for i, (kind, text) in enumerate(seed.blocks):
        if kind == "heading":
            p.article("<h3>%s</h3>" % esc(text), text)
        else:
            p.article("<p>%s</p>" % esc(text), text)
        if kind == "para":
            paras_seen += 1
        if paras_seen == 1 and kind == "para" and points:
            p.article("<p><strong>أبرز النقاط:</strong></p>", "أبرز النقاط:")
            p.article("<ul>" + "".join("<li>%s</li>" % esc(x) for x in points) + "</ul>", *points)
            points = []
        if i == middle:
            caption = rng.choice(CAPTIONS)
            if rng.random() < 0.5:
                p.chrome('<figure class="image"><img src="/up/m%d.jpg" alt=""><figcaption>%s</figcaption></figure>'
                         % (i, caption))
            else:
                p.chrome('<div class="photo"><img src="/up/m%d.jpg" alt=""><span class="photo-caption">%s</span>'
                         '<span class="photo-credit">%s</span></div>' % (i, caption, rng.choice(CREDITS)))
        if i == middle + 1 and rows:
            markup = ('<table class="data"><thead><tr><th>الجهة</th><th>الموقف</th></tr></thead><tbody>'
                      + "".join("<tr><td>%s</td><td>%s</td></tr>" % (esc(a), esc(b)) for a, b in rows)
                      + "</tbody></table>")
            lines = ["الجهة", "الموقف"]
            for a, b in rows:
                lines.extend([a, b])
            p.article(markup, *lines)
            rows = []
    p.chrome("</div>")
    p.chrome('<div class="post-tags">الوسوم: <a href="/tag/1">روسيا</a>، <a href="/tag/2">سورية</a></div>'
             '<div class="share"><a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">طباعة</a></div></div>')
    p.chrome('<div class="related"><h3>أخبار ذات صلة</h3><ul>'
             + "".join('<li><a href="/n/%d"><img src="/t/%d.jpg">%s</a></li>' % (i, i, t)
                       for i, t in enumerate(teasers(rng, 4)))
             + '</ul></div></div><div id="sidebar"><h3>الأرشيف</h3><ul><li><a href="/2017/10">تشرين الأول 2017</a>'
               '</li><li><a href="/2017/09">أيلول 2017</a></li></ul></div><div id="footer">'
               '<p>جميع الحقوق محفوظة 2017</p></div></div></body></html>')
    return p


def amp(seed, rng):
    """An AMP page: amp-img, amp-ad between paragraphs, a sticky share bar and related posts."""
    p = Page()
    p.chrome('<!doctype html><html amp lang="ar" dir="rtl"><head><meta charset="utf-8"><title>%s</title>'
             '<link rel="canonical" href="https://news.example/a/%d"><script async src="https://cdn.ampproject.org/v0.js">'
             '</script><style amp-custom>body{font-family:Tahoma}</style></head><body>'
             % (esc(seed.title), rng.randint(1, 9999)))
    p.chrome('<header class="amp-wp-header"><div><a href="/">الوكالة العربية للأنباء</a></div></header>'
             '<amp-sidebar id="sidebar" layout="nodisplay"><ul>'
             + "".join('<li><a href="/c/%d">%s</a></li>' % (i, m) for i, m in enumerate(MENU)) + '</ul></amp-sidebar>')
    p.chrome('<article class="amp-wp-article"><header class="amp-wp-article-header"><h1 class="amp-wp-title">%s</h1>'
             '<div class="amp-wp-meta amp-wp-byline"><span class="amp-wp-author">سانا</span></div>'
             '<div class="amp-wp-meta amp-wp-posted-on"><time datetime="2017-11-16T09:12:00+00:00">منذ 3 ساعات'
             '</time></div></header>' % esc(seed.title))
    p.chrome('<figure class="amp-wp-article-featured-image wp-caption"><amp-img width="640" height="360" '
             'src="/img/f.jpg" layout="responsive"></amp-img><p class="wp-caption-text">%s</p></figure>'
             % rng.choice(CAPTIONS))
    p.chrome('<div class="amp-wp-article-content">')
    for i, (kind, text) in enumerate(seed.blocks):
        if kind == "heading":
            p.article("<h3>%s</h3>" % esc(text), text)
        else:
            p.article("<p>%s</p>" % esc(text), text)
        if kind == "para" and i % 5 == 3 and i < len(seed.blocks) - 1:
            p.chrome('<amp-ad width="300" height="250" type="doubleclick" data-slot="/123/amp_%d">'
                     '<div placeholder>إعلان</div></amp-ad>' % i)
    p.chrome("</div>")
    p.chrome('<footer class="amp-wp-article-footer"><div class="amp-wp-meta amp-wp-tax-category">التصنيفات: '
             '<a href="/c/1">سياسة</a></div><div class="amp-wp-meta amp-wp-comments-link"><a href="/a#respond">'
             'اترك تعليقاً</a></div></footer></article>')
    p.chrome('<amp-social-share type="facebook"></amp-social-share><amp-social-share type="twitter">'
             '</amp-social-share><div class="amp-related-posts"><h3>مقالات ذات صلة</h3><ul>'
             + "".join('<li><a href="/r/%d">%s</a></li>' % (i, t) for i, t in enumerate(teasers(rng, 4)))
             + '</ul></div><footer class="amp-wp-footer"><p>&copy; 2017 الوكالة العربية للأنباء</p>'
               '<a href="#top" class="back-to-top">زر الذهاب إلى الأعلى</a></footer></body></html>')
    return p


BUILDERS = {"wordpress": wordpress, "modern": modern, "table1256": table1256, "adsplit": adsplit,
            "datacaptions": datacaptions, "amp": amp}


def main(seeds_dir, out_dir):
    seeds = {}
    for name in sorted(os.listdir(seeds_dir)):
        if re.match(r"^\d{3}_[0-9a-f]+\.txt$", name):
            with open(os.path.join(seeds_dir, name), encoding="utf-8") as f:
                seeds[name[:3]] = Seed(name[:3], f.read())
    if len(seeds) != 5:
        sys.exit("expected the five seed articles in %s, found %d" % (seeds_dir, len(seeds)))
    pages = []
    for key, seed in seeds.items():
        for layout in LAYOUTS:
            name = "seed%s-%s" % (key, layout)
            page = BUILDERS[layout](seed, random.Random(name))
            markup = page.html()
            raw = markup.encode("cp1256", "xmlcharrefreplace") if layout == "table1256" else markup.encode("utf-8")
            pages.append((name, raw, "\n".join(page.expected), "https://news.example/%s/%s.html" % (layout, key)))
    write_dataset(out_dir, pages)
    print("%d pages" % len(pages))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: arabic_layouts.py SEEDS_DIR OUT_DIR")
    main(sys.argv[1], sys.argv[2])
