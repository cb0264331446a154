#!/usr/bin/env python3
"""Builds the Arabic word data keyword matching ships (src/main/resources/dev/mojaz/match):

  broken-plurals.tsv   singular/broken-plural pairs of the nouns news uses most, with the directions that are safe
  al-initial-words.txt words whose initial ال is part of the word, not the article (إلغاء, التزام, ألمانيا…)

Inputs (none of them is committed; see SOURCES.md next to the data):
  --arramooz DIR   a checkout of github.com/linuxscout/arramooz (GPL-2.0): data/nouns/*.csv give the pairs,
                   data/nouns/wordfreq.csv the lemma frequencies used for ranking and for the homograph check
  --news FILE...   Arabic news text to rank nouns by: plain .txt files, or .jsonl with an "article" field
                   (we used the five seed articles and the 111 EASC articles; only counts are kept)

Standard library only:  python3 src/build/match-data/build_lexicon.py --arramooz ARRAMOOZ --news FILES... --out DIR
"""
import argparse
import collections
import csv
import glob
import json
import os
import re
import sys

DIACRITICS = re.compile('[\u0610-\u061A\u064B-\u065F\u0670\u0640]')
HAMZA_ALEF = re.compile('[أإآٱ]')
ARABIC_WORD = re.compile('[\u0621-\u064A]+')
PRONOUNS = ['هما', 'هم', 'هن', 'ها', 'كم', 'نا', 'ه']
# The nouns (jamid), verbal nouns (masdar), adjectives (sifates) and participles (fa3il, maf3oul); the elative,
# intensive and assimilate-adjective files give plurals news does not use (على as a plural of عليا).
NOUN_FILES = ['jamid', 'masdar', 'sifates', 'fa3il', 'maf3oul']
# A plural is kept when news text has it, or when its singular is this frequent in the lemma list.
MIN_LEXICON_WITHOUT_NEWS = 20000
# Pairs read by hand and dropped: an obsolete plural spelt like a common word, a plural of another sense, a name.
EXCLUDED = {
    ('ربيع', 'أربعة'), ('ربيع', 'رباع'), ('سلم', 'أسلم'), ('شركة', 'شرك'), ('يهماء', 'يهم'), ('موسى', 'أمواس'),
    ('بارز', 'براز'), ('مارد', 'موارد'), ('قاعد', 'قواعد'), ('قائم', 'قوائم'), ('قائم', 'قوام'), ('طبي', 'أطباء'),
    ('مصير', 'أمصرة'), ('مصير', 'مصارين'), ('مصير', 'مصاير'), ('مصير', 'مصران'), ('صور', 'أصوار'), ('صور', 'صيران'),
    ('وحدان', 'الواحد'), ('غاية', 'غاي'), ('فلاة', 'فلا'), ('سرر', 'أسرار'), ('زير', 'زيرة'), ('كم', 'أكمام'),
    ('كم', 'أكمة'), ('نوى', 'أنواء'), ('شهاب', 'أشهب'), ('لحي', 'ألحي'), ('ملأ', 'أملأ'), ('مجرد', 'مجارد'),
    ('فيصل', 'فياصل'), ('براءة', 'براء'), ('جون', 'أجوان'), ('باع', 'أبواع'), ('باع', 'بيعان'), ('خام', 'أخوام'),
    ('هلال', 'أهاليل'), ('حمأة', 'حمأ'), ('ردهة', 'رده'), ('فاره', 'فره'), ('غزاة', 'غزوات'), ('سبلاء', 'سبل'),
    ('بلعم', 'بلعوم'), ('كلأ', 'أكلاء'), ('نهضة', 'نهاض'), ('دار', 'ديارة'), ('عاشر', 'عواشر'), ('حسب', 'أحساب'),
    ('شرق', 'أشراق'), ('فوق', 'أفواق'), ('حديث', 'حداث'), ('طفل', 'طفال'), ('طفل', 'طفول'), ('ذهب', 'أذهاب'),
    ('ذهب', 'ذهوب'), ('جبل', 'أجبال'), ('ولد', 'ولدة'), ('زاد', 'أزواد'), ('سامي', 'سماة'), ('عائل', 'عالة'),
    ('خطوة', 'خطاء'), ('بدء', 'أبداء'), ('سواء', 'أسواء'), ('سواء', 'سواسية'), ('سوء', 'أسواء'), ('أمس', 'آماس'),
    ('أمس', 'أموس'), ('قتل', 'أقتال'), ('سبق', 'أسباق'), ('رسم', 'أرسم'), ('ظهر', 'أظهار'), ('شمال', 'أشمل'),
    ('داخل', 'دخلة'), ('خارج', 'خراج'), ('شعب', 'شعاب'), ('عرض', 'عراض'), ('تالي', 'التوالي'), ('ابن', 'بنون'),
    ('يمين', 'أيامن'), ('يمين', 'أيامين'), ('نافس', 'نفسة'), ('معرض', 'معاريض'), ('ساحة', 'سوح'), ('شعار', 'أشعرة'),
    ('صاغر', 'صغار'), ('صاغر', 'صغرة'), ('كالب', 'كلاب'), ('ناشء', 'نشاء'), ('نائي', 'نآة'), ('حرج', 'حراج'),
    ('حرج', 'حرجة'), ('علاوة', 'علاو'), ('قاري', 'قراة'), ('نبط', 'أنباط'), ('وازن', 'وزنة'), ('سبع', 'سبوعة'),
    ('قائد', 'قواد'), ('قائد', 'قوائد'), ('جامع', 'جماع'), ('حاجز', 'حجاز'), ('شارع', 'شراع'), ('فارق', 'فراق'),
    ('خالد', 'خلاد'), ('خالد', 'خوالد'), ('هاشم', 'هشم'), ('هاشم', 'هواشم'), ('صادق', 'صداق'), ('ساحق', 'سحاق'),
    ('قابل', 'قبال'), ('راود', 'رواد'), ('لاحق', 'لحاق'), ('ياسر', 'أيسار'), ('جان', 'جنان'), ('عاتق', 'عتق'),
    ('عاتق', 'عتاق'), ('شاهد', 'وشهد'), ('حافي', 'حواف'), ('حاوف', 'حواف'), ('غامر', 'غمار'), ('شامس', 'شوامس'),
    ('لامس', 'لماس'), ('واكن', 'وكون'), ('مضغة', 'مضغ'), ('طائف', 'طوائف'), ('دفن', 'دفان'), ('مسيح', 'مسحى'), ('لازم', 'لزام'), ('عارض', 'عراض'),
}
# How many singulars (ranked by news frequency, then lexicon frequency) get their plurals in the data.
TOP_SINGULARS = 800


def unvocalized(text):
    return DIACRITICS.sub('', text).strip()


def normalize(text):
    """Mojaz's normalisation for matching, with ة and ى kept (ArabicNormalizer before ArabicForms)."""
    return HAMZA_ALEF.sub('ا', unvocalized(text))


def fold(word):
    """ArabicForms.fold: ـية/ـيه/ـيا of five letters or more to ـي, ة to ه, ى to ي."""
    if len(word) >= 5 and word[-2] == 'ي' and word[-1] in 'ةها':
        word = word[:-1]
    return word.replace('ة', 'ه').replace('ى', 'ي')


def skeleton(vocalized):
    """A lemma as (letter, short vowel or None) pairs, without its case ending, to tell homographs apart."""
    v = HAMZA_ALEF.sub('ا', vocalized.strip())
    v = re.sub('[\u064B-\u064D\u0651\u0640]', '', v)  # tanwin, shadda, tatweel
    pairs = []
    for c in v:
        if c in '\u064E\u064F\u0650\u0652':
            if pairs:
                pairs[-1] = (pairs[-1][0], c)
        elif not DIACRITICS.match(c):
            pairs.append((c, None))
    if pairs:
        pairs[-1] = (pairs[-1][0], None)
    return tuple(pairs)


def same_word(a, b):
    """Whether two vocalisations can be one word: same letters, no short vowel that differs where both have one."""
    return len(a) == len(b) and all(x[0] == y[0] and (x[1] is None or y[1] is None or x[1] == y[1])
                                    for x, y in zip(a, b))


def clean(field):
    """The first Arabic word of a dictionary field: entries carry notes such as (مؤ) or مؤنث آخر."""
    for token in re.split('[\\s(),;]+', field):
        if ARABIC_WORD.fullmatch(unvocalized(token)):
            return token
    return ''


def read_entries(arramooz):
    """(vocalized, unvocalized, root, number, plural field, singular field, file) for every noun entry."""
    for name in NOUN_FILES:
        path = os.path.join(arramooz, 'data', 'nouns', name + '.csv')
        with open(path, encoding='utf-8') as f:
            for line in f:
                if line.startswith('#'):
                    continue
                c = line.rstrip('\n').split('\t')
                if len(c) < 14 or not c[1].strip():
                    continue
                yield c[1].strip(), unvocalized(c[1]), c[3].strip(), c[11].strip(), c[12].strip(), c[13].strip(), name


def read_lemma_frequencies(arramooz):
    by_form = collections.defaultdict(list)
    with open(os.path.join(arramooz, 'data', 'nouns', 'wordfreq.csv'), encoding='utf-8') as f:
        next(f)
        for row in csv.reader(f, delimiter='\t'):
            if len(row) >= 5 and row[4].isdigit():
                # Columns: number, vocalised lemma, unvocalised lemma, category, frequency (the header names them otherwise).
                by_form[fold(normalize(row[2]))].append((skeleton(row[1]), row[3], int(row[4])))
    return by_form


def stems(token):
    """The candidate forms of a news word: itself, without proclitics, without a pronoun suffix (for counting)."""
    found = {token}
    for prefix in ['وال', 'فال', 'بال', 'كال', 'لل', 'ال', 'وب', 'ول', 'فب', 'فل', 'و', 'ف', 'ب', 'ل', 'ك']:
        if token.startswith(prefix) and len(token) - len(prefix) >= 3:
            found.add(token[len(prefix):])
    for stem in list(found):
        for pronoun in PRONOUNS:
            if stem.endswith(pronoun) and len(stem) - len(pronoun) >= 3:
                base = stem[:-len(pronoun)]
                found.add(base)
                if base.endswith('ت'):
                    found.add(base[:-1] + 'ة')
    return {fold(s) for s in found}


def read_stop_words(jar):
    import zipfile
    with zipfile.ZipFile(jar) as z:
        text = z.read('org/apache/lucene/analysis/ar/stopwords.txt').decode('utf-8')
    return {fold(normalize(line.strip())) for line in text.splitlines() if line.strip() and not line.startswith('#')}


def news_counts(files):
    counts = collections.Counter()
    for path in files:
        with open(path, encoding='utf-8') as f:
            texts = [json.loads(line).get('article', '') for line in f] if path.endswith('.jsonl') else [f.read()]
        for text in texts:
            for token in ARABIC_WORD.findall(normalize(text)):
                counts.update(stems(token))
    return counts


def is_sound_plural(singular, plural):
    s, p = fold(singular), fold(plural)
    stem = s[:-1] if s.endswith('ه') else s
    # ان is left alone: بلدان is a broken plural (فعلان), and matching already reads duals of longer words.
    return p in (s + 'ات', stem + 'ات', s + 'ون', s + 'ين', stem + 'ين', stem + 'ون')


def keeps_root(word, root):
    """Whether the strong radicals of the root appear in order: a check against mis-typed entries."""
    strong = [r for r in HAMZA_ALEF.sub('ا', root.replace('ء', 'ا')) if r not in 'اويىءئؤ']
    # A doubled radical is written once under shadda (طبب gives أطباء).
    strong = [r for i, r in enumerate(strong) if i == 0 or r != strong[i - 1]]
    letters = iter(normalize(word))
    return all(any(r == c for c in letters) for r in strong)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--arramooz', required=True)
    parser.add_argument('--news', nargs='+', required=True)
    parser.add_argument('--lucene-jar', required=True,
                        help='lucene-analysis-common jar: its Arabic stop words never get plurals')
    parser.add_argument('--out', required=True)
    args = parser.parse_args()

    lemmas = read_lemma_frequencies(args.arramooz)
    counts = news_counts(args.news)
    stop_words = read_stop_words(args.lucene_jar)

    # (singular, plural) -> (root, file, singular vocalisation, plural vocalisation)
    pairs = {}
    al_initial = set()
    for vocalized, word, root, number, plural_field, singular_field, source in read_entries(args.arramooz):
        normalized = normalize(word)
        if normalized.startswith('ال') and len(normalized) >= 5:
            al_initial.add(fold(normalized))
        candidates = []
        if number == 'مفرد' and plural_field:
            for plural in plural_field.split(';'):
                plural = clean(plural.strip())
                if plural:
                    candidates.append((vocalized, plural))
        elif number == 'جمع' and singular_field and clean(singular_field):
            candidates.append((clean(singular_field), vocalized))
        for singular_vocalized, plural_vocalized in candidates:
            singular, plural = unvocalized(singular_vocalized), unvocalized(plural_vocalized)
            s, p = normalize(singular), normalize(plural)
            if (len(s) < 2 or len(p) < 3 or fold(s) == fold(p) or is_sound_plural(s, p)
                    or not keeps_root(s, root) or not keeps_root(p, root)):
                continue
            pairs.setdefault((singular, plural), (root, source, skeleton(singular_vocalized),
                                                  skeleton(plural_vocalized)))
    for form, entries in lemmas.items():
        if form.startswith('ال') and len(form) >= 5 and any(category != 'noun_prop' for _, category, _ in entries):
            al_initial.add(form)

    def frequency(form, vocalizations):
        """Lemma frequency of the word with this spelling and one of these vocalisations."""
        return sum(f for sk, _, f in lemmas.get(form, []) if any(same_word(sk, v) for v in vocalizations))

    def homograph(form, vocalizations, verbs=True):
        """Frequency of the commonest other word spelt like this (قوى is also قوي, strong)."""
        return max((f for sk, category, f in lemmas.get(form, [])
                    if (verbs or category != 'verb') and not any(same_word(sk, v) for v in vocalizations)), default=0)

    by_singular = collections.defaultdict(list)
    for (singular, plural), details in pairs.items():
        by_singular[singular].append((plural,) + details)

    def score(singular):
        entries = by_singular[singular]
        s = fold(normalize(singular))
        family = counts[s] + sum(counts[fold(normalize(e[0]))] for e in entries)
        return family, frequency(s, {e[3] for e in entries})

    scores = {singular: score(singular) for singular in by_singular}
    ranked = sorted(by_singular, key=lambda s: (-scores[s][0], -scores[s][1], s))
    rows = []
    dropped = collections.Counter()
    for rank, singular in enumerate(ranked, 1):
        if len({r[0] for r in rows}) >= TOP_SINGULARS:
            break
        news, lexicon = scores[singular]
        s = fold(normalize(singular))
        for plural, root, source, singular_skeleton, plural_skeleton in sorted(by_singular[singular]):
            p = fold(normalize(plural))
            if (singular, plural) in EXCLUDED:
                dropped['read by hand'] += 1
                continue
            # Participles (فاعل, مفعول) list فَعَلة plurals that are mostly spelt like the word with the pronoun ه
            # (قدمة is قدمه, his foot): only their other plurals are kept (طلاب, سكان, ضباط).
            if source in ('fa3il', 'maf3oul') and p.endswith('ه'):
                dropped['participle plural in ة'] += 1
                continue
            # Participles list pattern plurals nobody writes (ثوالث, خوامس) that are often spelt like another word
            # (جامع/جماع, حاجز/حجاز): theirs are kept only when the news text has them.
            if source in ('fa3il', 'maf3oul') and counts[p] < 1:
                dropped['participle plural not in the news text'] += 1
                continue
            if counts[p] == 0 and lexicon < MIN_LEXICON_WITHOUT_NEWS:
                dropped['plural not attested'] += 1
                continue
            # Either word spelt like another frequent word makes the pair unsafe both ways. The list has lemmas, so a
            # plural spelt like any frequent lemma is another word (قوى is قوي, strong; أعلام is إعلام, media, once
            # hamza is folded; دور, houses, is دور, role); a singular spelt like a frequent lemma with other vowels is
            # ambiguous (عالم is world and scholar: only one has the plural علماء). A verb spelt like the singular is
            # its own root's verb (سجن, prison and imprisoned), close enough for a query for the plural.
            if (homograph(p, set()) >= max(1000, lexicon // 20)
                    or homograph(s, {singular_skeleton}, verbs=False) >= max(1000, lexicon // 4) or p in al_initial):
                dropped['homograph'] += 1
                continue
            if s in stop_words or p in stop_words:
                dropped['stop word'] += 1
                continue
            rows.append((singular, plural, rank, news, lexicon, root, source))

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, 'broken-plurals.tsv'), 'w', encoding='utf-8') as out:
        out.write('# singular\tplural\trank\tnews\tlexicon\troot\tarramooz file\n')
        out.write('# Built by src/build/match-data/build_lexicon.py; see SOURCES.md. rank: of the singular by news, then\n'
                  '# lexicon frequency; news: the word family in the news text counted; lexicon: arramooz lemma frequency.\n')
        for row in rows:
            out.write('\t'.join(str(x) for x in row) + '\n')
    with open(os.path.join(args.out, 'al-initial-words.txt'), 'w', encoding='utf-8') as out:
        out.write('# Words whose initial ال is part of the word (folded as matching folds them); see SOURCES.md.\n')
        for word in sorted(al_initial):
            out.write(word + '\n')
    kept = {r[0] for r in rows}
    top = ranked[:500]
    print(f'of the 500 highest-ranked singulars with a plural in the lexicon, {sum(1 for x in top if x in kept)} '
          f'have a pair kept', file=sys.stderr)
    print(f'{len({r[0] for r in rows})} singulars, {len(rows)} pairs kept, dropped: {dict(dropped)}, '
          f'{len(al_initial)} al-initial words', file=sys.stderr)


if __name__ == '__main__':
    main()
