"""Writes hand-checked.xlsx: a workbook with every kind of cell an office's workbook holds,
for KinerjaSheetsTests (each cell is listed there with what it must read as).

openpyxl 3.1.5 writes every text as an inline string (t="inlineStr"), rich text as inline
runs, and formulas without a cached value, as a script that does not calculate does.
make-fixtures.sh then lets LibreOffice open and save it (hand-checked-libreoffice.xlsx):
shared strings, rich text runs in the shared strings, formulas with cached values.

Run from this folder: python3 hand-checked.py (in a venv with openpyxl==3.1.5).
"""
import datetime

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

wb = Workbook()
notes = wb.active
notes.title = "Petunjuk"
notes["A1"] = "Petunjuk pengisian"
notes["A2"] = "Isi lembar Roster (satu baris per jabatan) dan lembar Progres."

roster = wb.create_sheet("Roster")
roster.append(["id", "kepegawaian", "nama", "peran", "jabatan", "npsn", "nama_sekolah",
               "atasan_id", "tim_kinerja", "pejabat_penilai_id", "sekolah_binaan"])
kadis = "196808141994031005"
# Row 2: rich text (a bold run), the NPSN as a number cell, column K left empty.
roster.append(["197002141993032002", "pns",
               CellRichText([TextBlock(InlineFont(b=True), "Hj."), " Siti Nurjanah, S.Pd., M.Pd."]),
               "kepala_sekolah", "definitif", 20571034, "SD Negeri 1 Sukamaju", kadis, "196811021993032004", kadis])
# Row 3: jabatan empty (a gap: E3 is not written), the NPSN and the school's name as formulas.
roster.append(["197107091996031003", "pns", "Bambang Sutrisno, S.Pd.", "kepala_sekolah", None,
               "=20571000+35", '="SD Negeri "&"2 Sukamaju"', kadis, "196811021993032004", kadis])
# Row 4: the NIP typed into a number cell: 18 digits, more than a spreadsheet keeps.
roster.append([197812012005012004, "pns", "Neneng Rohaeni, S.Pd.SD", "kepala_sekolah", "definitif", 20571036,
               "SD Negeri 3 Sukamaju", kadis, "196811021993032004", kadis])
# Row 5: a supervisor, E5 to G5 empty.
roster.append(["196811021993032004", "pns", "Dra. Sri Rahayu Ningsih, M.Pd.", "pengawas_sekolah", None, None, None,
               kadis, "197002111997031004", kadis, "20571034|20571035|20571036"])
# Row 6 stays empty; row 7: a boolean where jabatan goes.
roster.cell(row=7, column=1, value="197410051999031002")
for column, value in enumerate(["pns", "Dadang Suherman, S.Pd.", "kepala_sekolah", True, 20571112,
                                "SD Negeri 1 Cibeureum", kadis, "196811021993032004", kadis], start=2):
    roster.cell(row=7, column=column, value=value)
# Row 8: a formula that gives an error (#DIV/0! once calculated).
roster.append(["NONASN-0001", "non_asn", "Fitri Handayani, S.Pd.I.", "kepala_sekolah", "definitif", "=1/0",
               "SD Islam Terpadu Insan Mulia Sindangjaya", kadis, "197206171998121002", kadis])

progress = wb.create_sheet("Progres")
progress.append(["id", "npsn", "siklus", "langkah", "status", "tanggal", "catatan", "praktik_kinerja"])
# Row 2: a date cell with a custom format, a rich text note, the D3 sub-indicator chosen.
progress.append(["197002141993032002", 20571034, "2026-2", "praktik-kinerja", "selesai", datetime.date(2026, 7, 8),
                 CellRichText(["RHK ", TextBlock(InlineFont(i=True), "disetujui"), " atasan"]), "d3-visi-misi"])
progress["F2"].number_format = "yyyy-mm-dd"
# Row 3: a date shown as an Indonesian office types it; G3 empty.
progress.append(["197107091996031003", 20571035, "2026-2", "praktik-kinerja", "selesai", datetime.date(2026, 7, 14),
                 None, "d3-komunitas-belajar"])
progress["F3"].number_format = "dd/mm/yyyy"
# Row 4: the built-in date format 14, npsn left empty (B4 not written).
progress.append(["196811021993032004", None, "2026-2", "penyusunan", "terblokir", datetime.date(2026, 7, 2),
                 "rhk-atasan"])
progress["F4"].number_format = "mm-dd-yy"
# Row 5: the date as text.
progress.append(["196811021993032004", None, "2026-2", None, "dibuka", "2026-07-10"])
# Row 6: the date's serial number in a cell without a date format.
progress.append(["197410051999031002", 20571112, "2026-2", "praktik-kinerja", "selesai", 46216])
# Row 7: a date from a formula.
progress.append(["197812012005012004", 20571036, "2026-2", "praktik-kinerja", "selesai", "=DATE(2026,7,13)"])
progress["F7"].number_format = "yyyy-mm-dd"

wb.save("hand-checked.xlsx")
