"""Vectorised helpers and output for :mod:`orggraph.generate`.

Split from ``generate.py`` only to keep files short; nothing here is a public API beyond
:func:`write_tables` and :func:`write_xlsx` (also used by ``tools/datasets``).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

from orggraph.schema import COUNT_COLUMNS, TABLES

KINDS = (
    "agency",
    "institution",
    "soe",
    "enterprise",
    "social_org",
    "property_company",
    "owners_committee",
    "school",
    "hospital",
    "other",
)
KIND_CODE = {k: i for i, k in enumerate(KINDS)}
PAIRING_SOURCE_KINDS = [
    KIND_CODE[k] for k in ("agency", "institution", "soe", "school", "hospital")
]
FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)
PAIRING_KINDS = np.array(["dual_report", "liaison", "contract", "co_building"], dtype=object)

_WORD_TEXT = (
    "和平 幸福 光明 东风 新华 人民 文昌 建设 解放 朝阳 长安 兴隆 富强 民主 团结 胜利 振兴 红旗 "
    "向阳 东湖 西湖 南湖 北辰 金湖 银湖 凤山 龙泉 桂园 江滨 清湾 东岳 南观 名山 城西 城北 大塘 "
    "茂林 仁东 新民 西樵 樵乐 爱国 新田 岭西 民乐 百西 韵家口 八一 东关 清真巷 火车站 周家泉 "
    "林家崖 乐家湾 中庄 富民 康宁 锦绣 翠竹 玉林 南江 城站 五一 星光 春晖 福田 松柏 桃源"
)
WORDS = np.array(_WORD_TEXT.split(), dtype=object)


def pick(rng: np.random.Generator, words: np.ndarray, n: int) -> pd.Series:
    return pd.Series(words[rng.integers(0, len(words), n)], dtype=object)


def num(values: np.ndarray) -> pd.Series:
    return pd.Series(np.asarray(values, dtype=np.int64), dtype=object).astype(str)


def spread(rng: np.random.Generator, parents: int, children: int) -> np.ndarray:
    """Sorted parent index of each child; every parent gets at least one child."""
    extra = rng.integers(0, parents, max(children - parents, 0))
    return np.sort(np.concatenate([np.arange(min(parents, children)), extra]))


def rank(groups: np.ndarray) -> np.ndarray:
    """0-based position of each element within its run of equal (sorted) group values."""
    idx = np.arange(len(groups))
    return idx - np.searchsorted(groups, groups)


def blank(rng: np.random.Generator, values: np.ndarray, share: float) -> np.ndarray:
    out = values.astype(np.float64)
    out[rng.random(len(out)) < share] = np.nan
    return out


def some(rng: np.random.Generator, candidates: np.ndarray, share: float, at_least: int = 1):
    """A deterministic small sample of ``candidates`` (at least ``at_least`` if there are any)."""
    k = min(len(candidates), max(at_least, round(len(candidates) * share)))
    return np.sort(rng.choice(candidates, k, replace=False)) if k else candidates[:0]


class Ids:
    """Global row numbers per table, turned into prefixed string ids at the end."""

    def __init__(self, prefix: str) -> None:
        self.prefix, self.n = prefix, 0

    def take(self, k: int) -> np.ndarray:
        out = np.arange(self.n, self.n + k)
        self.n += k
        return out

    def ids(self, idx: np.ndarray) -> pd.Series:
        """String ids; -1 means no reference (None)."""
        s = self.prefix + num(np.maximum(idx, 0))
        return s.where(np.asarray(idx) >= 0, None)


def finish(t: dict[str, list[pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """One frame per table, contract columns in contract order, counts as nullable integers."""
    out: dict[str, pd.DataFrame] = {}
    for table in TABLES:
        parts = t[table.name]
        df = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
        df = df.reindex(columns=table.column_names)
        for col in COUNT_COLUMNS:
            if col in df:
                df[col] = pd.array(np.round(df[col].to_numpy(dtype=np.float64)), dtype="Int64")
        out[table.name] = df
    return out


def write_tables(
    tables: dict[str, pd.DataFrame], out: Path, fmt: str = "csv", encoding: str = "utf-8"
) -> None:
    """Write ``tables`` as a folder of CSV files or (``fmt="xlsx"``) one workbook."""
    if fmt == "csv":
        out.mkdir(parents=True, exist_ok=True)
        for name, df in tables.items():
            df.to_csv(out / f"{name}.csv", index=False, encoding=encoding, lineterminator="\n")
    elif fmt == "xlsx":
        path = out if out.suffix == ".xlsx" else out / "dataset.xlsx"
        path.parent.mkdir(parents=True, exist_ok=True)
        write_xlsx(tables, path)
    else:
        raise ValueError(f"unknown format {fmt!r}: use 'csv' or 'xlsx'")


def write_xlsx(sheets: dict[str, pd.DataFrame], path: Path) -> None:
    """A workbook with one sheet per frame, byte-for-byte reproducible (fixed timestamps)."""
    import datetime as dt

    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, df in sheets.items():
        ws = wb.create_sheet(name)
        ws.append([str(c) for c in df.columns])
        for row in df.itertuples(index=False):
            ws.append(
                [
                    None
                    if (v is None or v is pd.NA or (isinstance(v, float) and v != v))
                    else (int(v) if isinstance(v, np.integer) else v)
                    for v in row
                ]
            )
    stamp = dt.datetime(*FIXED_ZIP_TIME)
    wb.properties.created = wb.properties.modified = stamp
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" on save
                data = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)",
                    rb"\g<1>2024-01-01T00:00:00Z\g<2>",
                    data,
                )
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, data)
