"""The corpus: every messy workbook of issues 7 and 8, with what a planner expects of it.

Three outcomes (``outcomes.py``), given to each case here and checked by ``test_corpus.py``:

``Same``
    Read exactly as the clean dataset it was made from: the same contract cells in every table,
    the same findings (rule, subject, severity, message) and the same rates; where the reader
    had to decide something (a sheet taken under another name, an ignored or hidden sheet,
    skipped rows), ``orggraph validate`` says so; extra columns (备注) are kept.
``Refused``
    ``DatasetError``, with one problem located where the planner must look (``where`` in its
    file/sheet, ``row`` as the spreadsheet numbers it, ``column`` under any of its names) whose
    text matches every pattern of ``says`` (regular expressions, case-insensitive, English
    messages: stable fragments such as a value, never a whole sentence); ``orggraph validate``
    exits 3 with no traceback.
``Unknown``
    An optional column the planner never had reads as unknown (NaN), never as 0.

``bounded`` cases run in a child process whose time and memory the test measures (issue 8:
under 30 s and 1 GB).
"""

from __future__ import annotations

from . import forms as F
from . import grid as G
from . import hostile as H
from . import layouts as L
from .files import write_xlsx_shared
from .layouts import build, each, only
from .outcomes import Case, Refused, Same, Unknown

SAME = Same()
BOOK = L.WORKBOOK
MEMBERS = ("members", "党员数")
SIZE = r"GB|MB|bytes|large|long|size|limit"
XML = r"XML|DTD|entit|syntax|damaged|corrupt|truncat"
# The sheet 党组织 (not the header 上级党组织) and the word "hidden" on one line of the report.
_SHEET_党组织 = r"(?<![\u4e00-\u9fff])党组织(?![\u4e00-\u9fff])"
HIDDEN_COPY = rf"{_SHEET_党组织}.*hidden|hidden.*{_SHEET_党组织}"

# Headers that are not contract names but name a field (issue 7 §1): (table, header in the
# clean sheet, header as typed).  Each is mapped to its field, never kept as an extra column
# while the field reads empty.
HEADER_SYNONYMS = [
    ("orgs", "党员数", "党员人数"),
    ("orgs", "党员数", "党员数(人)"),
    ("orgs", "党员数", "党员数（人）"),
    ("units", "党员数", "党员人数"),
    ("sites", "面积", "面积（㎡）"),
    ("sites", "面积", "面积(平方米)"),
    ("areas", "户数", "户数（户）"),
    ("orgs", "上级党组织", "上级\n党组织"),
    ("orgs", "上级党组织", "parent"),
    ("areas", "上级编号", "parent"),
    ("orgs", "党员数", "member_count"),
    ("areas", "上级编号", "上级区域编号"),
    ("orgs", "负责区域", "负责区域编号"),
    ("pairings", "报到党员数", "报到党员人数"),
    # Two-character headers spaced out to line up (名　　称), and stray spaces.
    ("orgs", "名称", "名　　称"),
    ("areas", "编号", " 编号 "),
]
# Case ids show a header's line break and spaces.
VISIBLE = str.maketrans({"\n": "⏎", " ": "␠", "\u3000": "□"})
# Sheet names that are not table names but name a table (结对共建 is orggraph's own label).
SHEET_NAMES = [("pairings", "结对共建"), ("unit_coverage", "联建覆盖"), ("units", "单位名单")]

CASES: list[Case] = [
    # Controls: the clean tables written by this corpus's own writers read as the bundled CSV.
    Case("control-xlsx", build(), SAME),
    Case("control-xls", F.legacy_xls(), SAME),
    Case("control-csv", F.csv_folder(), SAME),
    Case("control-xlsx-shared-strings", build(writer=write_xlsx_shared), SAME),
    Case("control-xiqiao", build(base="xiqiao", name="西樵镇.xlsx"), Same(base="xiqiao")),
    # Header position (issue 7 §2).
    Case("title-row", build(each(L.title_rows)), SAME),
    Case("fill-in-rows", build(each(L.fill_in_rows)), SAME),
    Case("notes-above-header", build(each(L.notes_above)), SAME),
    Case("header-at-B3", build(each(L.at_b3)), SAME),
    Case("header-at-B3-csv", F.csv_folder(each(L.at_b3)), SAME),
    Case("two-row-header", build(L.main_sheets(L.two_row_header)), SAME),
    Case(
        "two-row-header-with-serial",
        build(only("orgs", L.serial), only("orgs", L.two_row_header("orgs"))),
        SAME,
    ),
    # Extra columns.
    Case("serial-column", build(each(L.serial)), SAME),
    Case("reordered-columns", build(each(L.reordered)), SAME),
    Case("remarks-column", build(each(L.remarks)), Same(kept=("备注",))),
    Case("separator-columns", build(each(L.separators)), SAME),
    # Merged cells down data rows: the value belongs to every row of the merge.
    Case("merged-down", build(L.main_sheets(L.merged_down)), SAME),
    # Total and blank rows.
    Case("total-rows", build(L.totals), Same(reported=("total",))),
    Case("merged-total-label", build(L.merged_total_label), SAME),
    Case("blank-rows", build(each(L.blank_rows)), SAME),
    # Two blocks pasted one under the other, the header repeated: skipped, and said so.
    Case("header-again-below", build(L.main_sheets(lambda _: L.second_block)), SAME),
    Case("header-again-below-csv", F.csv_folder(L.main_sheets(lambda _: L.second_block)), SAME),
    Case("blank-rows-csv", F.csv_folder(each(L.blank_rows)), SAME),
    # Character and number forms.
    Case("numeric-area-codes", build(L.numeric_codes), SAME),
    Case("numeric-area-codes-xls", F.legacy_xls(L.numeric_codes), SAME),
    Case("full-width", build(L.full_width_ids_and_numbers), SAME),
    # Ids and references with a stray space or a full-width space (　) before or after.
    Case(
        "padded-ids",
        build(
            only("orgs", lambda g: G.map_column(g, "编号", lambda v: f"{v} ")),
            only("orgs", lambda g: G.map_column(g, "上级党组织", lambda v: f"\u3000{v}")),
        ),
        SAME,
    ),
    Case("numbers-with-units", build(L.with_units), SAME),
    Case("thousands-separator", build(L.thousands), SAME),
    Case("thousands-separator-csv", F.csv_folder(L.thousands), SAME),
    Case("everything-at-once", build(L.everything), Same(kept=("备注",))),
    Case(
        "everything-at-once-shared-strings",
        build(L.everything, writer=write_xlsx_shared),
        Same(kept=("备注",)),
    ),
    # The same sheets saved as CSV from Excel (merges cannot survive CSV, so none here): the
    # title, 填报单位 and note lines, 序号, 备注, blank and 合计 rows all in the text.
    Case(
        "everything-as-csv",
        F.csv_folder(
            L.habits("totals", "blank-rows", "remarks", "serial", "fill-in-rows", "notes-above")
        ),
        Same(kept=("备注",)),
    ),
    # A second dataset (towns and villages, a big units sheet), the habits that move cells most.
    Case(
        "xiqiao-everything-at-once",
        build(L.everything, base="xiqiao", name="西樵镇.xlsx"),
        Same(kept=("备注",), base="xiqiao"),
    ),
    Case(
        "xiqiao-merged-titled-xls",
        F.legacy_xls(L.merged_in_xls, base="xiqiao", name="西樵镇.xls"),
        Same(base="xiqiao"),
    ),
    # Group headings saved as CSV: 序号 and 备注, merged down both header rows in the workbook,
    # are now only on the upper line, the lower one blank there (as Excel's CSV export writes a
    # merge).  Still the header of those columns.
    Case(
        "two-row-header-as-csv",
        F.csv_folder(L.habits("serial", "remarks", "two-row-header")),
        SAME,
    ),
    # Headers that are not contract names but name a field (issue 7 §1).
    *(
        Case(f"header-{table}-{new.translate(VISIBLE)}", F.header(table, old, new), SAME)
        for table, old, new in HEADER_SYNONYMS
    ),
    *(Case(f"sheet-{title}", F.sheet_name(table, title), SAME) for table, title in SHEET_NAMES),
    # A title, not a table name, on the required areas sheet.  Issue 7 allows mapping it or
    # refusing it; never silently "no areas".  Mapped, the account of what was read names it.
    Case(
        "sheet-城北街道区域情况统计表",
        F.sheet_name("areas", "城北街道区域情况统计表"),
        Same(reported=("城北街道区域情况统计表",)),
    ),
    Case("chinese-sheet-names", build(L.chinese_sheet_names), SAME),
    Case("english-headers", build(L.english_headers), SAME),
    Case("instructions-sheet", build(L.instructions_sheet), Same(reported=("填表说明",))),
    # Hidden sheets: a visible one wins over an older hidden copy, and the copy is reported.
    Case("hidden-old-copy", build(L.hidden_copy("hidden")), Same(reported=(HIDDEN_COPY,))),
    Case("very-hidden-old-copy", build(L.hidden_copy("veryHidden")), Same(reported=(HIDDEN_COPY,))),
    Case(
        "legacy-xls-hidden-old-copy",
        F.legacy_xls(L.hidden_copy("hidden")),
        Same(reported=(HIDDEN_COPY,)),
    ),
    Case("empty-default-sheets", build(L.empty_default_sheets), SAME),
    # A hidden sheet alone is not read silently: the planner is told it is hidden.
    Case(
        "hidden-sheet-alone",
        build(only("orgs", lambda g: setattr(g, "state", "hidden"))),
        Refused("orgs", says=("hidden",)),
    ),
    # A formula openpyxl wrote has no saved value: row 5 is the 4th org (header on row 1).
    Case(
        "formula-without-value",
        build(H.cell("orgs", 5, "党员数", "=SUM(100,111)")),
        Refused("orgs", row=5, column=(*MEMBERS, "G"), says=("formula", "Excel|WPS")),
    ),
    # The same cell as Excel saves it, with the value it computed: read as that value.
    Case("formula-with-saved-value", H.SAVED_FORMULA, SAME),
    # File forms to read.
    Case("tab-separated-csv", F.csv_folder(delimiter="\t"), SAME),
    # Excel's "Unicode text": UTF-16 with a BOM, tab-separated, renamed .csv.
    Case("utf-16-tab-csv", F.csv_folder(delimiter="\t", encoding="utf-16"), SAME),
    Case("folder-of-xlsx", F.folder_of_workbooks(), SAME),
    Case(
        "folder-of-xlsx-chinese-names",
        F.folder_of_workbooks({"areas": "区域", "orgs": "党组织", "pairings": "结对共建"}),
        SAME,
    ),
    Case("legacy-xls-merged-titled", F.legacy_xls(L.merged_in_xls), SAME),
    Case(
        "csv-file-结对共建",
        F.csv_folder(lambda gs: setattr(gs["pairings"], "title", "结对共建")),
        SAME,
    ),
    # File forms to refuse, saying what the file really is and to save it as .xlsx.
    Case("wps-et", F.legacy_xls(name="城东区.et"), Refused("城东区.et", says=("WPS", r"\.xlsx"))),
    Case("html-as-xls", H.html_as_xls, Refused("城东区.xls", says=("HTML", r"\.xlsx"))),
    Case(
        "xls-renamed-xlsx",
        F.legacy_xls(name="城东区.xlsx"),
        Refused("城东区.xlsx", says=(r"\.xls\b", r"\.xlsx")),
    ),
    # A workbook with an open password: say so (not "a renamed .xls"), and to remove it.
    Case(
        "password-protected-xlsx",
        H.password_protected,
        Refused("城东区.xlsx", says=("password|encrypt",)),
    ),
    Case(
        "csv-renamed-xlsx",
        lambda out: (F.csv_folder()(out) / "orgs.csv").rename(out / "城东区.xlsx"),
        Refused("城东区.xlsx", says=(r"CSV|text|not a workbook", r"\.xlsx")),
    ),
    # Excel showed 630102001001 as 6.30102E+11 and saved that: the digits are gone.  Row 4 is
    # the first 12-digit code (district, street, then the first community).
    Case(
        "scientific-notation-codes",
        F.csv_folder(text=H.scientific),
        Refused("areas.csv", row=4, column=("id", "编号"), says=(r"6\.30102E\+11", "Excel")),
    ),
    # The same codes pasted into a workbook as text.
    Case(
        "scientific-notation-codes-xlsx",
        build(only("areas", lambda g: G.map_column(g, "编号", H.scientific_code))),
        Refused("areas", row=4, column=("id", "编号", "A"), says=(r"6\.30102E\+11", "Excel")),
    ),
    # The two crashes of issue 7 §3: both files are ordinary, and read.
    Case(
        "csv-title-without-padding",
        F.csv_folder(
            text=lambda stem, t: f"{stem}情况统计表\r\n{t}" if stem in ("areas", "orgs") else t
        ),
        SAME,
    ),
    Case(
        "csv-trailing-comma",
        F.csv_folder(
            text=lambda stem, t: (
                t.replace("\r\n", ",\r\n").replace(",\r\n", "\r\n", 1) if stem == "orgs" else t
            )
        ),
        SAME,
    ),
    # Issue 8: quietly wrong data.
    Case("latin-1-csv", H.latin1, Refused("areas.csv", says=("UTF-?8", "GB ?(18030|K)"))),
    Case(
        "members-1e400",
        H.tiny_csv(H.cell("orgs", 3, "members", "1e400")),
        Refused("orgs.csv", row=3, column=("members",), says=("1e400",)),
    ),
    Case(
        "members-reported-1e999",
        H.tiny_csv(H.cell("pairings", 2, "members_reported", "1e999")),
        Refused("pairings.csv", row=2, column=("members_reported",), says=("1e999",)),
    ),
    Case(
        "user-column-_row",
        H.tiny_csv(only("areas", lambda g: G.insert_column(g, 2, "_row", [7, 8, 9, 10]))),
        Refused("areas.csv", column=("_row",), says=("_row",)),
    ),
    # The quote opens on spreadsheet row 4 and never closes.
    Case(
        "unbalanced-quote",
        H.tiny_csv(text={"orgs": lambda t: t.replace("P3,北门", 'P3,"北门', 1)}),
        Refused("orgs.csv", row=4, says=("quote",)),
    ),
    # Issue 8: list every problem, or say how many more there are (the full list is in
    # validate --format json).  The 1000th dangling id is on row 1003 (header, two good
    # pairings, then 1000 bad ones); listed 200 at a time, 800 are left to count.
    Case(
        "dangling-1000",
        H.tiny_csv(H.dangling(1000)),
        Refused(
            "pairings.csv",
            row=1003,
            column=("area_id",),
            says=("C9",),
            or_else=Refused("pairings.csv", column=("area_id",), says=(r"\b800\b",)),
        ),
    ),
    Case("wide-header", H.wide_header, Refused("areas.csv", says=("column",)), bounded=True),
    # A 10 MB name (Excel itself stops at 32,767 characters a cell): a mistake, refused where it is.
    Case(
        "csv-ten-megabyte-cell",
        H.tiny_csv(H.cell("areas", 3, "name", "街" * 10_000_000)),
        Refused("areas.csv", row=3, column=("name",), says=(SIZE + "|characters",)),
        bounded=True,
    ),
    # Hostile workbooks: refused before parsing, in bounded time and memory.
    Case("zip-bomb", H.ZIP_BOMB, Refused(H.TINY_BOOK, says=(SIZE,)), bounded=True),
    Case("one-gigabyte-cell", H.HUGE_CELL, Refused(H.TINY_BOOK, says=(SIZE,)), bounded=True),
    Case("billion-laughs", H.BILLION_LAUGHS, Refused("orgs", says=(XML,)), bounded=True),
    Case(
        "xxe",
        H.XXE,
        Refused("orgs", says=(XML,), never_says=("root:",)),
        bounded=True,
    ),
    Case(
        "xxe-in-shared-strings",
        H.xxe_in_shared_strings,
        Refused(H.TINY_BOOK, says=(XML,), never_says=("root:",)),
        bounded=True,
    ),
    Case("truncated-xml", H.TRUNCATED, Refused("orgs", says=(XML,)), bounded=True),
    # Dimension tags: read the cells that are there.
    Case("dimension-whole-sheet", H.dimension("orgs", "A1:XFD1048576"), SAME),
    Case("dimension-stale", H.dimension("areas", "A1:H6"), SAME),
    # One stray "x" typed at the sheet's very last cell: refused, saying where it is (never a
    # table of a million rows and 16,384 columns allocated, never a crash).
    Case(
        "stray-cell-at-XFD1048576",
        H.STRAY_CELL,
        Refused("orgs", says=(r"XFD|1048576",)),
        bounded=True,
    ),
    # Two bold, filled, empty cells right of the header: an ordinary workbook.
    Case(
        "styled-empty-header-cells",
        build(each(lambda g: g.styled.extend([(0, g.width), (0, g.width + 1)]))),
        SAME,
    ),
    # Absent optional columns read as unknown, never 0.
    Case(
        "absent-members",
        F.no_column("orgs", "党员数"),
        Unknown("orgs", "members", no_rule="org-size"),
    ),
    Case(
        "absent-party-members",
        F.no_column("units", "党员数"),
        Unknown("units", "party_members", no_rule="unit-should-establish"),
    ),
    Case("absent-floor-area", F.no_column("sites", "面积"), Unknown("sites", "floor_area_m2")),
    # A column that is there but was never filled in: unknown too.
    Case(
        "empty-members-column",
        build(only("orgs", lambda g: G.map_column(g, "党员数", lambda _: None))),
        Unknown("orgs", "members", no_rule="org-size"),
    ),
    Case(
        "absent-members-reported",
        F.no_column("pairings", "报到党员数"),
        Unknown("pairings", "members_reported", rate="members_reported"),
    ),
]

assert len({c.id for c in CASES}) == len(CASES), "case ids are unique"
