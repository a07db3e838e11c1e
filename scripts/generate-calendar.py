#!/usr/bin/env python3
"""Generate Sources/QuanzeCore/Resources/calendar/official.json, the official working-day calendar.

Source of the data: the PyPI package `chinese-calendar` (import name `chinese_calendar`), whose tables
transcribe the State Council's yearly notices 国务院办公厅关于YYYY年部分节假日安排的通知. The notice
numbers below were checked against the published notices (the package does not carry them).

How to re-run (from the repository root):

    python3 -m venv /tmp/cal-venv
    /tmp/cal-venv/bin/pip install "chinese-calendar==1.11.0"
    /tmp/cal-venv/bin/python scripts/generate-calendar.py            # writes the JSON file
    /tmp/cal-venv/bin/python scripts/generate-calendar.py --check    # exit 1 if the file is stale

When a new notice is out (usually in November for the next year): upgrade `chinese-calendar` to a release
that has the new year, add the year to NOTICES, raise LAST_YEAR, re-run, and run the Swift tests.
A running server does not need a rebuild: an administrator can upload the same per-year JSON.

Output format (UTF-8, sorted, two-space indent, one trailing newline; the Swift type CalendarYear
decodes each element of "years" strictly):

    {"generatedBy": "...", "years": [{"year": 2026, "notice": "...",
      "holidays": [{"date": "2026-01-01", "name": "元旦"}, ...],
      "workingWeekends": [{"date": "2026-01-04", "name": "元旦"}, ...]}, ...]}

A date belongs to the calendar year it falls in. Where a notice sets days off in the previous year
(e.g. 2022-12-31 under the 2023 notice), the "notice" of that earlier year says so.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

FIRST_YEAR = 2020
LAST_YEAR = 2026
PACKAGE = "chinese-calendar"
PINNED_VERSION = "1.11.0"

# year -> the State Council notice(s) setting that year's days off and 调休 working days.
NOTICES: dict[int, str] = {
    2020: "国务院办公厅关于2020年部分节假日安排的通知（国办发明电〔2019〕16号）；"
    "国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号）",
    2021: "国务院办公厅关于2021年部分节假日安排的通知（国办发明电〔2020〕27号）",
    2022: "国务院办公厅关于2022年部分节假日安排的通知（国办发明电〔2021〕11号）",
    2023: "国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）",
    2024: "国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）",
    2025: "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）",
    2026: "国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）",
}

# The package's Chinese names are short forms; the platform shows the full names.
NAMES: dict[str, str] = {
    "元旦": "元旦",
    "春节": "春节",
    "清明": "清明节",
    "劳动节": "劳动节",
    "端午": "端午节",
    "中秋": "中秋节",
    "国庆节": "国庆节",
}

REPO_ROOT = Path(__file__).resolve().parent.parent
OUTPUT = REPO_ROOT / "Sources" / "QuanzeCore" / "Resources" / "calendar" / "official.json"


def notice_for(year: int) -> str:
    return NOTICES.get(year, f"国务院办公厅关于{year}年部分节假日安排的通知")


def chinese_name(constants, english: str) -> str:
    for member in constants.Holiday:
        if member.value == english:
            return NAMES.get(member.chinese, member.chinese)
    raise SystemExit(f"unknown holiday name in {PACKAGE}: {english!r}")


def build(constants, version: str) -> dict:
    holidays: dict[int, list[dict]] = {}
    working: dict[int, list[dict]] = {}
    for day, english in constants.holidays.items():
        if FIRST_YEAR <= day.year <= LAST_YEAR:
            holidays.setdefault(day.year, []).append({"date": day.isoformat(), "name": chinese_name(constants, english)})
    for day, english in constants.workdays.items():
        if FIRST_YEAR <= day.year <= LAST_YEAR:
            if day.weekday() < 5:
                raise SystemExit(f"{day} is listed as a 调休 working day but is not a weekend")
            working.setdefault(day.year, []).append({"date": day.isoformat(), "name": chinese_name(constants, english)})

    years = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        if not holidays.get(year):
            raise SystemExit(f"{PACKAGE} {version} has no data for {year}; upgrade it or lower LAST_YEAR")
        notice = notice_for(year)
        # Days off in late December that belong to the next year's 元旦 break come from the next notice.
        spill = [h for h in holidays[year] if h["date"].startswith(f"{year}-12-") and h["name"] == "元旦"]
        if spill:
            dates = "、".join(sorted(h["date"] for h in spill))
            nxt = notice_for(year + 1)
            short = nxt[nxt.find("（") + 1 : nxt.find("）")] if "（" in nxt else nxt
            notice += f"；{dates}（元旦）见{short}"
        years.append(
            {
                "year": year,
                "notice": notice,
                "holidays": sorted(holidays[year], key=lambda h: h["date"]),
                "workingWeekends": sorted(working.get(year, []), key=lambda h: h["date"]),
            }
        )
    return {
        "generatedBy": f"scripts/generate-calendar.py（{PACKAGE} {version}）",
        "years": years,
    }


def render(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if the file differs")
    args = parser.parse_args()

    try:
        from importlib.metadata import version as dist_version

        import chinese_calendar
        from chinese_calendar import constants
    except ImportError:
        print(f'missing package: pip install "{PACKAGE}=={PINNED_VERSION}"', file=sys.stderr)
        return 2
    version = dist_version("chinese_calendar")
    if version != PINNED_VERSION:
        print(f"warning: {PACKAGE} {version} installed, script written for {PINNED_VERSION}", file=sys.stderr)
    del chinese_calendar

    text = render(build(constants, version))
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT.relative_to(REPO_ROOT)} is stale; re-run scripts/generate-calendar.py", file=sys.stderr)
            return 1
        print("up to date")
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(REPO_ROOT)} ({FIRST_YEAR}–{LAST_YEAR})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
