"""Reads the text layer of a PDF dpo wrote, character for character, for the
integration tests (support/language.rs).

    pdf_text.py FILE            the text of every page, one line of the page
                                per line, in reading order; pages separated by
                                a form feed
    pdf_text.py --pieces FILE   each piece of text as drawn, one per line: a
                                line of a paragraph, or of one table cell

pdftotext (poppler) cannot be used for this: it drops every white-space
glyph it meets (U+0020, U+00A0, U+202F…) and puts a plain space where it
sees a gap, so a narrow no-break space the PDF holds reads as a space. This
reader maps each glyph through its font's ToUnicode CMap, as a viewer's
copy and paste does, and keeps what the PDF says.

It reads what dpo's PDFs hold (classic cross-reference, no object streams,
Type0 fonts with Identity-H, one `Tm` then one hex `Tj` per piece of text);
anything else makes it fail loudly rather than guess.

Uses only Python's standard library (re, zlib).
"""

import re
import sys
import zlib

OBJ = re.compile(rb"(?<![0-9])(\d+) 0 obj\b")
STREAM = re.compile(rb"\bstream\r?\n")


def objects(pdf):
    """Object number -> (dictionary text, decoded stream or None). A stream
    is read by its /Length, as binary data may hold any word."""
    out = {}
    pos = 0
    while True:
        m = OBJ.search(pdf, pos)
        if not m:
            return out
        start = m.end()
        s = STREAM.search(pdf, start)
        e = pdf.find(b"endobj", start)
        if s and (e < 0 or s.start() < e):
            body = pdf[start : s.start()]
            n = re.search(rb"/Length\s+(\d+)(?!\s+0\s+R)", body)
            if not n:
                sys.exit(f"object {m.group(1)!r}: a stream without a direct /Length")
            data = pdf[s.end() : s.end() + int(n.group(1))]
            if b"/FlateDecode" in body:
                data = zlib.decompress(data)
            pos = pdf.find(b"endobj", s.end() + int(n.group(1)))
        else:
            body, data = pdf[start:e], None
            pos = e
        out[int(m.group(1))] = (body, data)
        if pos < 0:
            return out


def hex_units(h):
    """A hex string as its 2-byte code units."""
    h = re.sub(rb"\s", b"", h)
    return [int(h[i : i + 4], 16) for i in range(0, len(h), 4)]


def cmap(data):
    """A ToUnicode CMap: glyph code -> text."""
    out = {}
    text = lambda h: "".join(chr(u) for u in utf16(hex_units(h)))
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(src, 16)] = text(dst)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            first = int(dst, 16)
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[code] = chr(first + i)
    return out


def utf16(units):
    """UTF-16 code units -> code points."""
    it = iter(units)
    for u in it:
        if 0xD800 <= u < 0xDC00:
            u = 0x10000 + ((u - 0xD800) << 10) + (next(it) - 0xDC00)
        yield u


def ref(body, key):
    m = re.search(rb"/" + key + rb"\s+(\d+) 0 R", body)
    return int(m.group(1)) if m else None


def fonts_of(objs, resources):
    """Font resource name -> ToUnicode map, for a page's resources."""
    body = objs[resources][0]
    m = re.search(rb"/Font\s*(?:(\d+) 0 R|<<(.*?)>>)", body, re.S)
    if not m:
        return {}
    table = objs[int(m.group(1))][0] if m.group(1) else m.group(2)
    out = {}
    for name, num in re.findall(rb"/([^\s/<>]+)\s+(\d+) 0 R", table):
        tu = ref(objs[int(num)][0], b"ToUnicode")
        if tu is None:
            sys.exit(f"font {name!r} has no ToUnicode map")
        out[name.decode()] = cmap(objs[tu][1])
    return out


def page_text(objs, page, pieces_only=False):
    body = objs[page][0]
    res = ref(body, b"Resources")
    fonts = fonts_of(objs, res) if res else {}
    contents = re.search(rb"/Contents\s*(?:(\d+) 0 R|\[(.*?)\])", body, re.S)
    nums = [int(contents.group(1))] if contents.group(1) else [
        int(n) for n in re.findall(rb"(\d+) 0 R", contents.group(2))
    ]
    data = b"".join(objs[n][1] for n in nums)
    pieces, font, at = [], None, (0.0, 0.0)
    token = re.compile(
        rb"/(\S+)\s+[\d.]+\s+Tf|([-\d.\s]+)\s+Tm|<([0-9A-Fa-f\s]*)>\s*Tj|\((.*?)\)\s*Tj"
    )
    for m in token.finditer(data):
        if m.group(1):
            font = fonts.get(m.group(1).decode())
        elif m.group(2):
            n = m.group(2).split()
            at = (float(n[4]), float(n[5]))
        elif m.group(3) is not None:
            if font is None:
                sys.exit("text shown before a font with a ToUnicode map")
            text = "".join(font.get(u, "\ufffd") for u in hex_units(m.group(3)))
            pieces.append((at, text))
        else:
            sys.exit("a literal string in Tj: not a PDF dpo wrote")
    if pieces_only:
        return "\n".join(text for _, text in pieces)
    lines = {}
    for (x, y), text in pieces:
        lines.setdefault(round(y, 1), []).append((x, text))
    return "\n".join(
        "".join(t for _, t in sorted(lines[y])) for y in sorted(lines, reverse=True)
    )


def main():
    pieces_only = sys.argv[1] == "--pieces"
    pdf = open(sys.argv[-1], "rb").read()
    objs = objects(pdf)
    pages = [n for n, (body, _) in sorted(objs.items()) if re.search(rb"/Type\s*/Page\b", body)]
    # Pages in the order of the page tree's /Kids.
    for body, _ in objs.values():
        kids = re.search(rb"/Type\s*/Pages\b.*?/Kids\s*\[(.*?)\]", body, re.S)
        if kids:
            pages = [int(n) for n in re.findall(rb"(\d+) 0 R", kids.group(1))]
            break
    sys.stdout.write("\f".join(page_text(objs, p, pieces_only) for p in pages))


if __name__ == "__main__":
    main()
