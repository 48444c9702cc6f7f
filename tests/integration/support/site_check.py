#!/usr/bin/env python3
"""Checks the HTML dossier `dpo site` wrote (tests/integration/site.rs).

Usage: site_check.py DIR LANG

Every page is parsed with html5lib's strict parser (a parse error fails);
every href and src must be relative and name a file of the site (a
fragment, an element of the page); each page has `lang` LANG, one <h1>,
headings that never skip a level, tables with a caption and <th scope>, no
literal backtick in the text a reader sees (a code span of a message is
<code>; a kept file shown in <pre> is left as it is).
In style.css, every rule that sets `color` sets `background-color` too,
and each such pair has a WCAG 2.1 contrast ratio of at least 4.5:1; a link
in a coloured table row (`tr.X td a`) has the row's background.

Prints a JSON report {pages, links, pairs, errors}; exits 1 on any error.
"""
import json
import os
import re
import sys
from urllib.parse import unquote, urlsplit

import html5lib


def luminance(hex_colour):
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    out = []
    for i in (0, 2, 4):
        c = int(h[i:i + 2], 16) / 255
        out.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = out
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(fg, bg):
    a, b = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def css_pairs(css, errors):
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"@media[^{]*{", "", css)
    pairs = []
    for sel, body in re.findall(r"([^{}]+){([^{}]*)}", css):
        decl = dict(
            (k.strip(), v.strip())
            for k, v in (d.split(":", 1) for d in body.split(";") if ":" in d)
        )
        fg, bg = decl.get("color"), decl.get("background-color")
        sel = " ".join(sel.split())
        if fg and not bg:
            errors.append(f"style.css: `{sel}` sets color without background-color")
        if fg and bg:
            r = ratio(fg, bg)
            pairs.append([sel, fg, bg, round(r, 2)])
            if r < 4.5:
                errors.append(f"style.css: `{sel}` {fg} on {bg}: {r:.2f}:1 < 4.5:1")
    # A link in a coloured table row has the row's background, not a box
    # of the page's colour behind it.
    rows = {}
    for sel, _, bg, _ in pairs:
        for one in sel.split(","):
            m = re.fullmatch(r"\s*(tr\.[\w-]+ td)\s*", one)
            if m:
                rows.setdefault(m.group(1), bg)
    links = {}
    for sel, _, bg, _ in pairs:
        for one in sel.split(","):
            m = re.fullmatch(r"\s*(tr\.[\w-]+ td) a\s*", one)
            if m:
                links.setdefault(m.group(1), bg)
    for row, bg in rows.items():
        if links.get(row, "").lower() != bg.lower():
            errors.append(f"style.css: a link in `{row}` has not the row's background {bg}")
    return pairs


def visible_text(e, inside=None):
    """(element, text) of every text of the page a reader sees, but inside
    <pre>: a kept file shown as it is (an e-mail's body) is evidence, never
    changed."""
    tag = str(e.tag)
    if tag == "pre":
        return
    if e.text:
        yield tag, e.text
    for c in e:
        yield from visible_text(c)
        if c.tail:
            yield tag, c.tail


def check_page(root, rel, lang, errors):
    path = os.path.join(root, rel)
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    with open(path, "rb") as f:
        try:
            doc = parser.parse(f)
        except Exception as e:  # html5lib.html5parser.ParseError
            errors.append(f"{rel}: parse error: {e}")
            return 0
    if doc.get("lang") != lang:
        errors.append(f"{rel}: lang is {doc.get('lang')!r}, not {lang!r}")
    ids = {e.get("id") for e in doc.iter() if e.get("id")}
    levels = [int(e.tag[1]) for e in doc.iter() if re.fullmatch(r"h[1-6]", str(e.tag))]
    if levels.count(1) != 1 or not levels or levels[0] != 1:
        errors.append(f"{rel}: headings {levels}: not one <h1> first")
    for a, b in zip(levels, levels[1:]):
        if b > a + 1:
            errors.append(f"{rel}: heading h{b} after h{a} skips a level")
    for t in doc.iter("table"):
        if t.find("caption") is None:
            errors.append(f"{rel}: a table without <caption>")
        for th in t.iter("th"):
            if not th.get("scope"):
                errors.append(f"{rel}: a <th> without scope")
    for where, words in visible_text(doc):
        if "`" in words:
            errors.append(f"{rel}: a literal backtick in <{where}>: {words.strip()[:120]!r}")
    if doc.find("body/main") is None and doc.find(".//main") is None:
        errors.append(f"{rel}: no <main>")
    links = 0
    for e in doc.iter():
        for attr in ("href", "src"):
            target = e.get(attr)
            if target is None:
                continue
            links += 1
            parts = urlsplit(target)
            if parts.scheme or parts.netloc:
                errors.append(f"{rel}: {attr}={target!r} is not relative")
                continue
            if not parts.path:
                if parts.fragment not in ids:
                    errors.append(f"{rel}: #{parts.fragment} names no element")
                continue
            dest = os.path.normpath(os.path.join(os.path.dirname(path), unquote(parts.path)))
            if not os.path.abspath(dest).startswith(os.path.abspath(root) + os.sep):
                errors.append(f"{rel}: {target!r} leaves the site")
            elif not os.path.isfile(dest):
                errors.append(f"{rel}: {target!r} does not exist")
    return links


def main():
    root, lang = sys.argv[1], sys.argv[2]
    errors, pages, links = [], 0, 0
    for d, _, names in os.walk(root):
        for n in sorted(names):
            if n.endswith(".html"):
                pages += 1
                links += check_page(root, os.path.relpath(os.path.join(d, n), root), lang, errors)
    with open(os.path.join(root, "style.css"), encoding="utf-8") as f:
        pairs = css_pairs(f.read(), errors)
    print(json.dumps({"pages": pages, "links": links, "pairs": pairs, "errors": errors}, ensure_ascii=False))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
