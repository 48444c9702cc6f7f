#!/usr/bin/env python3
"""Reads an XLSX (openpyxl) or ODS (odfpy) file back, independently of dpo,
and prints it as JSON:

{"title": str, "created": str, "sheets": [{"name": str, "frozen_rows": int,
  "rows": [[{"v": text or null, "date": bool, "mark": "missing"|"assumed"|null,
             "bold": bool}]]}]}

`v` is the cell's text (a date as YYYY-MM-DD, a date-time as YYYY-MM-DDTHH:MM,
a number as written, lines joined with "\\n"); `date` says the cell is typed
as a date; `mark` is read from the cell's style: its fill (orange F4B183 =
missing, pale yellow FFF2CC = assumed) — the style dpo gives « à compléter »
and « à confirmer » cells. Trailing empty cells and rows are dropped.
Used by the sheets_* integration tests (sheets.rs beside this file).
"""
import json
import sys

MARKS = {"F4B183": "missing", "FFF2CC": "assumed"}


def trim(row):
    while row and row[-1]["v"] is None and row[-1]["mark"] is None:
        row.pop()
    return row


def read_xlsx(path):
    import datetime
    import openpyxl

    wb = openpyxl.load_workbook(path)
    out = {
        "title": wb.properties.title,
        "created": wb.properties.created.isoformat() if wb.properties.created else None,
        "sheets": [],
    }
    for ws in wb.worksheets:
        frozen = ws.freeze_panes  # "A2" when the first row is frozen
        frozen_rows = int(frozen[1:]) - 1 if frozen else 0
        rows = []
        for r in ws.iter_rows():
            row = []
            for c in r:
                v = c.value
                if isinstance(v, datetime.datetime):
                    if v.time() == datetime.time(0, 0) and "h" not in c.number_format:
                        v = v.date().isoformat()
                    else:
                        v = v.strftime("%Y-%m-%dT%H:%M")
                elif isinstance(v, float) and v.is_integer():
                    v = str(int(v))
                elif v is not None:
                    v = str(v)
                rgb = c.fill.fgColor.rgb if c.fill and c.fill.fill_type == "solid" else None
                mark = MARKS.get(str(rgb)[-6:].upper()) if rgb else None
                if mark == "missing" and not c.font.i:
                    mark = "missing-not-italic"
                row.append({"v": v, "date": bool(c.is_date), "mark": mark,
                            "bold": bool(c.font.b)})
            rows.append(trim(row))
        while rows and not rows[-1]:
            rows.pop()
        out["sheets"].append({"name": ws.title, "frozen_rows": frozen_rows, "rows": rows})
    return out


def read_ods(path):
    from odf import opendocument, teletype
    from odf.namespaces import CONFIGNS, FONS, STYLENS, TABLENS, OFFICENS
    from odf.table import Table, TableRow, TableCell, CoveredTableCell

    doc = opendocument.load(path)
    styles = {}
    for container in (doc.automaticstyles, doc.styles):
        for s in container.childNodes:
            name = s.getAttrNS(STYLENS, "name") if s.qname[1] == "style" else None
            if not name:
                continue
            props = {}
            for p in s.childNodes:
                for (ns, key), val in p.attributes.items():
                    props[key] = val
            styles[name] = props

    def mark_of(style):
        p = styles.get(style or "", {})
        color = p.get("background-color", "").lstrip("#").upper()
        mark = MARKS.get(color)
        if mark == "missing" and p.get("font-style") != "italic":
            mark = "missing-not-italic"
        return mark, p.get("font-weight") == "bold"

    # Frozen rows: settings.xml, per table, VerticalSplitMode 2 at VerticalSplitPosition.
    frozen = {}
    for item_map in doc.settings.getElementsByType(__import__("odf.config", fromlist=["x"]).ConfigItemMapEntry):
        name = item_map.getAttrNS(CONFIGNS, "name")
        items = {i.getAttrNS(CONFIGNS, "name"): teletype.extractText(i)
                 for i in item_map.childNodes if i.qname[1] == "config-item"}
        if items.get("VerticalSplitMode") == "2":
            frozen[name] = int(items.get("VerticalSplitPosition", "0"))

    meta = doc.meta
    title = created = None
    for e in meta.childNodes:
        if e.qname[1] == "title":
            title = teletype.extractText(e)
        if e.qname[1] == "creation-date":
            created = teletype.extractText(e)
    out = {"title": title, "created": created, "sheets": []}
    for t in doc.spreadsheet.getElementsByType(Table):
        name = t.getAttrNS(TABLENS, "name")
        rows = []
        for r in t.getElementsByType(TableRow):
            rrep = int(r.getAttrNS(TABLENS, "number-rows-repeated") or 1)
            row = []
            for c in r.childNodes:
                if c.qname[1] not in ("table-cell", "covered-table-cell"):
                    continue
                rep = int(c.getAttrNS(TABLENS, "number-columns-repeated") or 1)
                vtype = c.getAttrNS(OFFICENS, "value-type")
                if vtype == "date":
                    v = c.getAttrNS(OFFICENS, "date-value")
                    day, _, time = v.partition("T")
                    v = day if time.strip("0:.") == "" else v[:16]
                elif vtype in ("float", "percentage", "currency"):
                    v = c.getAttrNS(OFFICENS, "value")
                    v = str(int(float(v))) if float(v).is_integer() else v
                elif vtype:
                    v = "\n".join(teletype.extractText(p) for p in c.childNodes
                                  if p.qname[1] == "p")
                else:
                    v = None
                mark, bold = mark_of(c.getAttrNS(TABLENS, "style-name"))
                cell = {"v": v, "date": vtype == "date", "mark": mark, "bold": bold}
                row.extend(dict(cell) for _ in range(min(rep, 1024)))
            row = trim(row)
            rows.extend(list(row) for _ in range(min(rrep, 1024) if row else 1))
        while rows and not rows[-1]:
            rows.pop()
        out["sheets"].append({"name": name, "frozen_rows": frozen.get(name, 0), "rows": rows})
    return out


def main():
    path = sys.argv[1]
    data = read_xlsx(path) if path.endswith(".xlsx") else read_ods(path)
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
