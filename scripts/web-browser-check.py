#!/usr/bin/env python3
"""kinerja-web as a person sees it, on the example district of 25 November 2026.

Debian's chromium, driven headless by Playwright (its executable_path: Playwright's own
browser download cannot run here), opens every page at 390 px (a phone) and 1280 px wide,
saves a full-page PNG of each, and checks that the page has its heading, its table rows and
no horizontal overflow, and that the stylesheet shows the chart drawn for that width. The
office's and a person's calendar feeds are read by the icalendar parser, a list's .xlsx by
openpyxl and a CSV by Python's csv module.

Usage: web-browser-check.py BASE_URL OFFICE_FEED_URL PERSON_FEED_URL OUT_DIR
Prints one line per check and "N passed, M failed"; exits 1 when a check failed.
"""
import csv
import datetime
import io
import sys
import urllib.request

import icalendar
import openpyxl
from playwright.sync_api import sync_playwright

# path, heading, at least this many table rows, file name
PAGES = [
    ("/", "Ringkasan siklus 2026-2", 10, "ringkasan"),
    ("/?lang=en", "Overview of cycle 2026-2", 10, "overview-en"),
    ("/sekolah", "Sekolah", 30, "sekolah"),
    ("/sekolah/20571112", "SD Negeri 1 Cibeureum", 9, "sekolah-20571112"),
    ("/terlambat", "Terlambat", 13, "terlambat"),
    ("/terblokir", "Terblokir", 1, "terblokir"),
    ("/orang", "Orang", 35, "orang"),
    ("/orang/197410051999031002", "Dadang Suherman, S.Pd.", 18, "orang-197410051999031002"),
]
WIDTHS = [390, 1280]

passed, failed = 0, 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read()


def pages(base, out):
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=True)
            page = context.new_page()
            for path, heading, rows, file in PAGES:
                label = f"{path} at {width} px"
                response = page.goto(base + path, wait_until="load")
                check(f"{label}: 200", response is not None and response.status == 200)
                h1 = page.locator("h1").first.inner_text().strip()
                check(f"{label}: heading", h1 == heading, repr(h1))
                visible_rows = page.locator("table tbody tr:visible").count()
                check(f"{label}: {rows}+ table rows", visible_rows >= rows, f"{visible_rows} rows")
                overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                check(f"{label}: no horizontal overflow", overflow <= 0, f"{overflow} px too wide")
                wide_elements = page.evaluate(
                    "Array.from(document.querySelectorAll('body *')).filter(e => {"
                    " const r = e.getBoundingClientRect(); return r.width > 0 && r.right > window.innerWidth + 1 }).length")
                check(f"{label}: nothing drawn past the right edge", wide_elements == 0, f"{wide_elements} elements")
                if path in ("/", "/?lang=en"):
                    shown = "narrow" if width < 700 else "wide"
                    hidden = "wide" if shown == "narrow" else "narrow"
                    check(f"{label}: {shown} charts shown", page.locator(f".chart svg.{shown}:visible").count() >= 3)
                    check(f"{label}: {hidden} charts hidden", page.locator(f".chart svg.{hidden}:visible").count() == 0)
                page.screenshot(path=f"{out}/{file}-{width}.png", full_page=True)
            context.close()
        # The same pages without JavaScript read the same: nothing needs it.
        context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
        page = context.new_page()
        for path, heading, rows, _ in PAGES:
            page.goto(base + path)
            check(f"{path} without JavaScript: heading and rows",
                  page.locator("h1").first.inner_text().strip() == heading and page.locator("table tbody tr").count() >= rows)
        context.close()
        browser.close()


def feeds(office_url, person_url):
    for name, url, at_least in (("office feed", office_url, 10), ("person feed", person_url, 9)):
        status, content_type, body = fetch(url)
        check(f"{name}: 200 text/calendar", status == 200 and content_type.startswith("text/calendar"))
        calendar = icalendar.Calendar.from_ical(body)
        events = list(calendar.walk("VEVENT"))
        check(f"{name}: {at_least}+ events", len(events) >= at_least, f"{len(events)} events")
        uids = [str(e["UID"]) for e in events]
        check(f"{name}: unique UIDs", len(set(uids)) == len(uids))
        all_day = all(type(e.decoded("DTSTART")) is datetime.date and
                      e.decoded("DTEND") == e.decoded("DTSTART") + datetime.timedelta(days=1) for e in events)
        check(f"{name}: all-day events, end the next day", all_day)
        check(f"{name}: SEQUENCE and DTSTAMP on each", all("SEQUENCE" in e and "DTSTAMP" in e for e in events))
        again = list(icalendar.Calendar.from_ical(fetch(url)[2]).walk("VEVENT"))
        check(f"{name}: the same UIDs on the next fetch", [str(e["UID"]) for e in again] == uids)


def downloads(base):
    status, content_type, body = fetch(base + "/terlambat.xlsx")
    check("terlambat.xlsx: 200", status == 200 and "spreadsheetml" in content_type)
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    header = [c.value for c in sheet[1]]
    check("terlambat.xlsx: header", header[:2] == ["Nama", "NIP / id"], repr(header))
    check("terlambat.xlsx: 13 rows", sheet.max_row - 1 == 13, f"{sheet.max_row - 1} rows")
    due = header.index("Batas")
    check("terlambat.xlsx: dates as date cells", all(isinstance(r[due].value, datetime.datetime) for r in sheet.iter_rows(min_row=2)))
    days = header.index("Hari terlambat")
    check("terlambat.xlsx: days as numbers", all(isinstance(r[days].value, int) for r in sheet.iter_rows(min_row=2)))
    status, _, body = fetch(base + "/sekolah.csv?kecamatan=Cibeureum")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    check("sekolah.csv?kecamatan=Cibeureum: 5 schools", len(rows) == 6 and all(r[3] == "Cibeureum" for r in rows[1:]), repr(rows[:2]))


def main():
    base, office_feed, person_feed, out = sys.argv[1:5]
    pages(base, out)
    feeds(office_feed, person_feed)
    downloads(base)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
