"""Writes a page set in the Scrapinghub benchmark's layout, with each page's half."""

import gzip
import hashlib
import json
import os
import shutil


def half(name):
    """A or B from the first byte of the SHA-256 of the page's name: fixed before anyone looks at a page."""
    return "A" if hashlib.sha256(name.encode("utf-8")).digest()[0] % 2 == 0 else "B"


def write_dataset(out_dir, pages):
    """pages: (name, raw page bytes, expected text, url). Replaces out_dir/html and out_dir/ground-truth.json."""
    html_dir = os.path.join(out_dir, "html")
    if os.path.isdir(html_dir):
        shutil.rmtree(html_dir)
    os.makedirs(html_dir)
    truth = {}
    for name, raw, expected, url in pages:
        # mtime=0 and no file name in the header: the same input gives the same bytes, so a rebuild shows no diff.
        with open(os.path.join(html_dir, name + ".html.gz"), "wb") as f:
            with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0) as gz:
                gz.write(raw)
        truth[name] = {"articleBody": expected, "url": url, "half": half(name)}
    with open(os.path.join(out_dir, "ground-truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
