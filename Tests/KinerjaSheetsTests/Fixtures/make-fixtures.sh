#!/bin/sh
# Makes the workbooks of this folder, once; they are committed, so that `make test` needs
# neither LibreOffice nor Python. Run from the package root:
#     sh Tests/KinerjaSheetsTests/Fixtures/make-fixtures.sh
# Made with LibreOffice 7.4.7.2 (Debian 12: apt-get install libreoffice-calc-nogui) and
# openpyxl 3.1.5 (pip install openpyxl==3.1.5).
#
# The example CSVs as an office opens them in a spreadsheet and saves them as .xlsx. The
# CSV filter's options: separator (44 comma, 59 semicolon), text delimiter 34 ("), charset
# 76 (UTF-8), from line 1, then column/format pairs: 2 = Text for the columns of NIPs (the
# way an office keeps them; as numbers they lose digits) and of telepon (its leading 0), 5 = date YYYY-MM-DD for tanggal
# (a date cell); the NPSN columns are left Standard, so their NPSNs are number cells. The
# officials' ids and telepon are Text too.
set -eu
out=Tests/KinerjaSheetsTests/Fixtures
soffice --headless --infilter="CSV:44,34,76,1,1/2/8/2/9/2/10/2/15/2" --convert-to xlsx --outdir "$out" config/examples/roster.csv
soffice --headless --infilter="CSV:59,34,76,1,1/2/8/2/9/2/10/2" --convert-to xlsx --outdir "$out" config/examples/roster-semicolon.csv
soffice --headless --infilter="CSV:44,34,76,1,1/2/3/2/6/5/7/2" --convert-to xlsx --outdir "$out" config/examples/progress.csv
soffice --headless --infilter="CSV:44,34,76,1,1/2/5/2" --convert-to xlsx --outdir "$out" config/examples/pejabat.csv
# The hand-checked workbook: as openpyxl writes it (inline strings, formulas without a
# value), then as LibreOffice saves it after opening it (shared strings, cached values).
(cd "$out" && python3 hand-checked.py)
mkdir -p "$out/libreoffice"
soffice --headless --convert-to xlsx --outdir "$out/libreoffice" "$out/hand-checked.xlsx"
mv "$out/libreoffice/hand-checked.xlsx" "$out/hand-checked-libreoffice.xlsx"
rmdir "$out/libreoffice"
