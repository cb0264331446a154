"""Builds pages/readability from Mozilla Readability's test pages (see SOURCES.md).

    python3 src/bench/pages/build/readability_pages.py READABILITY_CHECKOUT src/bench/pages/readability

READABILITY_CHECKOUT is a checkout of https://github.com/mozilla/readability (only test/test-pages is read). Each
test page is a folder with source.html (the page as fetched), expected.html (what Readability.js extracts) and
expected-metadata.json. A page is kept when it is an article: Readability marks it "readerable", its source is a
real page (10 KB or more; the feature tests of a few lines are not) and its expected text has 500 characters or
more. The expected text is expected.html's text, one line per block. The output is in the layout the `eval
extraction` command reads, with each page's half (A or B, from a hash of its name) in ground-truth.json.
"""

import json
import os
import sys

from pagetext import html_text
from dataset import write_dataset

MIN_SOURCE_BYTES = 10_000
MIN_EXPECTED_CHARS = 500
# Readability's tests parse every page as if it were served from this address.
TEST_URL = "http://fakehost/test/page.html"


def main(checkout, out_dir):
    pages_dir = os.path.join(checkout, "test", "test-pages")
    pages = []
    left_out = []
    for name in sorted(os.listdir(pages_dir)):
        folder = os.path.join(pages_dir, name)
        with open(os.path.join(folder, "expected-metadata.json"), encoding="utf-8") as f:
            metadata = json.load(f)
        with open(os.path.join(folder, "source.html"), "rb") as f:
            source = f.read()
        with open(os.path.join(folder, "expected.html"), encoding="utf-8") as f:
            expected = html_text(f.read())
        if not metadata.get("readerable", False):
            left_out.append((name, "not readerable"))
        elif len(source) < MIN_SOURCE_BYTES:
            left_out.append((name, "a feature test, not a page (%d bytes)" % len(source)))
        elif len(expected) < MIN_EXPECTED_CHARS:
            left_out.append((name, "expected text of %d characters" % len(expected)))
        else:
            pages.append((name, source, expected, TEST_URL))
    write_dataset(out_dir, pages)
    for name, why in left_out:
        print("left out %s: %s" % (name, why))
    print("%d pages kept, %d left out" % (len(pages), len(left_out)))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: readability_pages.py READABILITY_CHECKOUT OUT_DIR")
    main(sys.argv[1], sys.argv[2])
