#!/usr/bin/env python3
"""Runs eyecite on every record of tests/fixtures/eyecite/valid.txt and rewrites each record's
`eyecite:` line with what eyecite read: `ok`, or `miss: ` and the parts it got wrong.

Not needed to run the tests (they read the recorded lines). To refresh:
    python3 -m venv /tmp/eye && /tmp/eye/bin/pip install eyecite==2.7.8
    /tmp/eye/bin/python scripts/eyecite-verdicts.py
"""
import re
import sys
from pathlib import Path

from courts_db import courts
from eyecite import get_citations
from eyecite.models import FullCaseCitation

MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
PATH = Path(__file__).resolve().parent.parent / "tests/fixtures/eyecite/valid.txt"


def court_key(abbrev):
    # "3rd Cir." (courts-db) and "3d Cir." (Bluebook) are one court.
    return re.sub(r"(\d)(nd|rd)", r"\1d", re.sub(r"[\s.]", "", abbrev))


def court_ids(abbrev):
    return {c["id"] for c in courts if court_key(c.get("citation_string", "")) == court_key(abbrev)}


def misses(rec):
    found = [c for c in get_citations(rec["in"]) if isinstance(c, FullCaseCitation)]
    if not found:
        return ["no full citation found"]
    c, m, out = found[0], found[0].metadata, []
    vol, page = c.groups.get("volume"), c.groups.get("page")
    rep = c.corrected_reporter()
    forms = {f"{vol} {rep} {page}", f"{vol}-{rep}-{page}", f"{rep} {vol}-{page}"}
    if "cite" in rec and re.sub(r"[’']", "'", rec["cite"]) not in {re.sub(r"[’']", "'", f) for f in forms}:
        out.append(f"cite read as `{sorted(forms)[0]}`")
    if "pin" in rec:
        pin = (m.pin_cite or "").strip().removeprefix("at ").strip(", ")
        if pin != rec["pin"]:
            out.append(f"pin read as `{pin}`")
    if "name" in rec:
        name = " v. ".join(p for p in [m.plaintiff, m.defendant] if p)
        if m.plaintiff is None and m.defendant:
            name = f"In re {m.defendant}"
        if name != rec["name"]:
            out.append(f"name read as `{name}`")
    if "docket" in rec and rec["docket"] not in (getattr(m, "docket", None) or ""):
        out.append("docket number not read apart from the name")
    if "court" in rec and rec["court"] != "-":
        want = set().union(*(court_ids(a) for a in rec["court"].split("|")))
        if m.court not in want:
            out.append(f"court read as `{m.court}`")
    year = m.year or (str(c.year) if getattr(c, "year", None) else None)
    # A public-domain citation's volume is its year ("2006-Ohio-2095", "T.C. Memo. 2019-233").
    if "year" in rec and year != rec["year"] and not (year is None and vol == rec["year"]):
        out.append(f"year read as `{year}`")
    if "date" in rec:
        y, mo, d = rec["date"].split("-")
        month = (m.month or "").lower()[:3]
        if year != y or month != MONTHS[int(mo) - 1] or (m.day or "") != str(int(d)):
            out.append(f"date read as `{m.month} {m.day}, {year}`")
    return out


def main():
    text = PATH.read_text()
    blocks = text.split("\n\n")
    ok = total = 0
    for i, block in enumerate(blocks):
        lines = block.split("\n")
        rec = {}
        for line in lines:
            if not line.startswith("#") and ": " in line:
                k, v = line.split(": ", 1)
                rec.setdefault(k, v)
        if "in" not in rec:
            continue
        total += 1
        miss = misses(rec)
        ok += not miss
        verdict = "eyecite: ok" if not miss else "eyecite: miss: " + "; ".join(miss)
        blocks[i] = "\n".join(l if not l.startswith("eyecite:") else verdict for l in lines)
    PATH.write_text("\n\n".join(blocks))
    print(f"eyecite reads {ok} of {total} correctly", file=sys.stderr)


main()
