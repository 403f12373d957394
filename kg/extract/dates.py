"""Dates in report text, resolved against the report's publication date.

Returns ISO strings that keep their precision: '2024-06-18', '2023-09', '2023'.
Relative expressions ('last year', 'in June', 'on Tuesday', 'the same year')
are resolved as an analyst would, from the publication date or the last date
the report mentioned.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DASH = r"\s*(?:-|–|—|to|and)\s*"
_YEAR = r"((?:19|20)\d{2})"


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def anchor_of(published: str | None) -> dt.date | None:
    """The publication date as a date (partial dates anchor on their first day)."""
    if not published:
        return None
    parts = [int(p) for p in published.split("-")]
    while len(parts) < 3:
        parts.append(1)
    try:
        return dt.date(*parts)
    except ValueError:
        return None


def _year_for(month: int, anchor: dt.date | None, fallback: int | None,
              year_only: bool = False) -> int | None:
    """A month without a year: the most recent such month not after the anchor."""
    if fallback:
        return fallback
    if anchor is None:
        return None
    if year_only:
        return anchor.year
    return anchor.year if month <= anchor.month else anchor.year - 1


def parse_date(text: str, published: str | None = None,
               context_year: int | None = None, forward: bool = False) -> tuple[str, str] | None:
    """(start, end) ISO dates for a date expression, or None if it is not one."""
    t = " ".join(text.lower().replace(",", " ").split())
    t = re.sub(r"^(on|in|during|since|from|between|by|the|of)\s+", "", t)
    t = re.sub(r"^(?:early|late)\s+(?=(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)", "", t)  # "early Thursday (morning)"
    anchor = anchor_of(published)
    year_only = bool(published) and len(published) == 4
    # 18-19 June 2024 / 18 June / 18 to 19 June
    m = re.search(rf"\b(\d{{1,2}})(?:{_DASH}(\d{{1,2}}))?\s+{_MONTH}(?:\s+{_YEAR})?", t)
    if m:
        month = MONTHS[m.group(3)[:3] if m.group(3)[:4] != "sept" else "sept"]
        year = int(m.group(4)) if m.group(4) else _year_for(month, anchor, context_year, year_only)
        if year:
            d1, d2 = int(m.group(1)), int(m.group(2) or m.group(1))
            if 1 <= d1 <= 31 and 1 <= d2 <= 31:
                return _iso(year, month, d1), _iso(year, month, d2)
    # June 18-19, 2024 / June 19
    m = re.search(rf"\b{_MONTH}\s+(\d{{1,2}})(?:{_DASH}(\d{{1,2}}))?(?:\s+{_YEAR})?\b", t)
    if m and int(m.group(2)) <= 31:
        month = MONTHS[m.group(1)[:3]]
        year = int(m.group(4)) if m.group(4) else _year_for(month, anchor, context_year, year_only)
        if year:
            return _iso(year, month, int(m.group(2))), _iso(year, month, int(m.group(3) or m.group(2)))
    # September 2023 / June
    m = re.search(rf"\b{_MONTH}(?:\s+{_YEAR})?\b", t)
    if m and (m.group(2) or re.fullmatch(rf"(early |mid-|late |last |this |next )?{_MONTH}", t)):
        month = MONTHS[m.group(1)[:3]]
        year = int(m.group(2)) if m.group(2) else None
        if year is None:
            if t.startswith("last ") and anchor:
                year = anchor.year - 1 if month >= anchor.month else anchor.year
            else:
                year = _year_for(month, anchor, context_year, year_only)
        if year:
            return _iso(year, month), _iso(year, month)
    m = re.fullmatch(rf"(?:the year )?{_YEAR}", t) or re.search(rf"\b(?:in|of|year) {_YEAR}\b", t)
    if m:
        return m.group(1), m.group(1)
    return _relative(t, anchor, context_year, forward)


def _relative(t: str, anchor: dt.date | None, context_year: int | None,
              forward: bool = False) -> tuple[str, str] | None:
    """Relative to the publication date; a bare weekday is the last one, or with `forward`
    (the text speaks of what is to come: 'an upcoming summit on Friday') the next one."""
    if t in ("the same year", "same year", "that year") and context_year:
        return str(context_year), str(context_year)
    if anchor is None:
        return None
    if t in ("last year", "the previous year", "a year ago", "the past year"):
        return str(anchor.year - 1), str(anchor.year - 1)
    if t in ("this year", "the current year", "earlier this year"):
        return str(anchor.year), str(anchor.year)
    if t in ("today", "this week"):
        return anchor.isoformat(), anchor.isoformat()
    if t in ("yesterday",):
        d = anchor - dt.timedelta(days=1)
        return d.isoformat(), d.isoformat()
    if t in ("last month",):
        d = anchor.replace(day=1) - dt.timedelta(days=1)
        return _iso(d.year, d.month), _iso(d.year, d.month)
    m = re.fullmatch(r"(?:last |this |on )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)", t)
    if m:
        back = (anchor.weekday() - WEEKDAYS.index(m.group(1))) % 7
        d = anchor + dt.timedelta(days=(-back) % 7) if forward else anchor - dt.timedelta(days=back)
        return d.isoformat(), d.isoformat()
    return None


def parse_period(text: str, published: str | None = None) -> str | None:
    """'between September 2023 and September 2024' -> '2023-09/2024-09'."""
    m = re.search(r"(?:between|from)\s+(.+?)\s+(?:and|to|until|through)\s+(.+)", text, re.I)
    if m:
        a, b = parse_date(m.group(1), published), parse_date(m.group(2), published)
        if a and b:
            return f"{a[0]}/{b[1]}"
    one = parse_date(text, published)
    if one:
        return one[0] if one[0] == one[1] else f"{one[0]}/{one[1]}"
    return None
