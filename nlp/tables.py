"""Structured procurement lists: "品名：… 规格：… 数量：… 单价：…" blocks and tables with a header row."""

from __future__ import annotations

import re
from decimal import Decimal

from nlp.itemscan import find_prices, strip_specs
from nlp.naming import extend
from nlp.numbers import NUMBER_RE, split_quantity
from nlp.types import Item
from nlp.vocab import ascii_lower, lexicon, match_names

__all__ = ["kv_and_table_items"]

_NAME_K = (
    r"品名|产品名称|物料名称|料号|药材名称|商品名称|名称|产品|品种|货品|物料|药材|商品|采购品种|采购产品|采购品名|设备名称|设备|货物|物品|材料名称|材料"
    r"|Item|Product|Name"
)
_SPEC_K = r"规格型号|规格要求|质量要求|规格|等级|型号|品级|要求|包装|Spec|Specification"
_QTY_K = r"采购数量|需求数量|采购量|需求量|数量|用量|重量|总量|Qty|Quantity"
_UNIT_K = r"计量单位|单位"
_PRICE_K = r"参考价格|参考价|目标价|到店价|到厂价|出厂价|含税价|单价上限|单价|价格|报价|预算|Price"
_OTHER_K = (
    r"序号|编号|产地|产区|备注|交货期|交期|交货时间|到货时间|联系人|电话|地址|租期|租赁期|期限|用途|送货地点|交货地点"
)
_KEY = rf"(?:{_NAME_K}|{_SPEC_K}|{_QTY_K}|{_UNIT_K}|{_PRICE_K}|{_OTHER_K})"
_KV = re.compile(
    rf"(?<![\u4e00-\u9fff])(?P<k>{_KEY})\s*[:：]\s*(?P<v>.*?)\s*(?=[，,；;|\t\n]|\s{_KEY}\s*[:：]|{_KEY}\s*[:：]|$)"
)
_HAS_KV_NAME = re.compile(rf"(?<![\u4e00-\u9fff])(?:{_NAME_K})\s*[:：]")
_HAS_NAME_WORD = re.compile(_NAME_K)
_HAS_KV_QTY = re.compile(rf"(?:^|\n)\s*(?:{_QTY_K})\s*[:：]")  # a 数量： line (the name may sit above the block)
_BARE = re.compile(r"^\s*\d+\s*$")  # a count with no unit, as a 数量 column often holds
_QTY_CELL = re.compile(rf"^\s*(?:{NUMBER_RE})\s*[^\d\s:：]{{0,3}}\s*$")
_HEADER_CELL = re.compile(rf"^(?:{_KEY})(?:[(（](?P<u>[^)）]+)[)）])?$")


def _field(k: str) -> str:
    for name, pat in (("name", _NAME_K), ("spec", _SPEC_K), ("qty", _QTY_K), ("unit", _UNIT_K), ("price", _PRICE_K)):
        if re.fullmatch(pat, k):
            return name
    return "other"


_APPROX = re.compile(
    r"^\s*(?:约|大约|大概|预计|共|一共|总共|合计|共计|需要|需|要|每月|每周|每天|每日|每年|月需|年需|月用量|年用量)+\s*"
)
_BRACKETED = re.compile(r"[（(][^）)]*[）)]")  # 食用盐（加碘）: a note on the product, not its name


def _canonical(simp_value: str) -> str | None:
    """The product a cell or line names, as the buyer wrote it, without notes and spec words."""
    simp_value = _BRACKETED.sub("", simp_value).strip() or simp_value
    key = ascii_lower(simp_value)
    found = match_names(key)
    core = strip_specs(key)
    if found:
        a, b, canonical = found[0]
        name = extend(key, simp_value, a, b, canonical)[0]  # 塑料周转筐, 马铃薯全粉: as the buyer wrote it
        i = key.find(core)
        if (
            lexicon().kind.get(canonical) != "herb"
            and len(name) < len(core) <= 8
            and core.endswith(key[a:b])
            and i >= 0
        ):
            return simp_value[i : i + len(core)]  # 收缩膜标签: the whole word the known name ends
        return name
    if not core:
        return None
    i = key.find(core)
    return simp_value[i : i + len(core)] if i >= 0 else core


def _lead_unit(rest: str) -> str | None:
    """The unit a quantity cell goes on with: 吨 of "吨/月，长期" (a per-period amount or a note after it)."""
    low = rest.lower()
    for u in lexicon().units:  # longest first
        if low.startswith(u) and (len(u) == len(low) or not low[len(u)].isalnum()):
            return rest[: len(u)]
    return None


def _make(rec: dict[str, tuple[str, str]], header_units: dict[str, str]) -> Item | None:
    if "name" not in rec:
        return None
    name = _canonical(rec["name"][1])
    if not name:
        return None
    qty = unit = None
    if "qty" in rec:
        value, rest = split_quantity(_APPROX.sub("", rec["qty"][0]))  # 约800箱
        qty = value
        rest = rest.strip()
        if rest:
            unit = _lead_unit(rest)
    if "unit" in rec and rec["unit"][0].strip():
        unit = rec["unit"][0].strip()
    if unit is None and "qty" in header_units:
        unit = header_units["qty"]
    price = punit = None
    if "price" in rec:
        raw, raw_s = rec["price"]
        ps = find_prices(raw_s.lower(), raw)
        if ps:
            price, punit = ps[0].value, ps[0].unit
        else:
            value, _ = split_quantity(raw)
            price = value
            punit = header_units.get("price")
    spec = rec["spec"][0].strip() if "spec" in rec and rec["spec"][0].strip() else None
    return Item(name, spec, qty, unit, price if isinstance(price, Decimal) else None, punit)


def _kv(orig: str, simp: str) -> tuple[list[tuple[int, Item]], list[tuple[int, int]]]:
    items: list[tuple[int, Item]] = []
    consumed: list[tuple[int, int]] = []
    rec: dict[str, tuple[str, str]] = {}
    pos = 0
    for m in _KV.finditer(simp):
        f = _field(m.group("k"))
        if f == "other":
            continue
        if f == "name" and "name" in rec:
            item = _make(rec, {})
            if item:
                items.append((pos, item))
            rec = {}
        if f == "name":
            pos = m.start()
        a, b = m.span("v")
        rec.setdefault(f, (orig[a:b], simp[a:b]))
        consumed.append(m.span())
    if rec and "name" not in rec and "qty" in rec and consumed:
        # "求购辣椒\n规格：…\n数量：10吨": the product is named above the block, without a 品名 key
        head = match_names(simp[: consumed[0][0]].lower())
        if head:
            a, b, _ = head[0]  # the nearest: match_names gives the rightmost first
            rec["name"] = (orig[a:b], simp[a:b])
            pos = a
    item = _make(rec, {})
    if item:
        items.append((pos, item))
    return items, consumed


_SEPS = ("|", "｜", "\t", "，", ",")
_WIDE_GAP = re.compile(r"\s{2,}")


def _split_cells(line: str, seps: tuple[str, ...] = _SEPS) -> list[str]:
    line = line.strip()
    for sep in seps:
        if sep in line:
            if sep == "|" and line.startswith("|"):
                line = line[1:-1] if line.endswith("|") and len(line) > 1 else line[1:]
            return [c.strip() for c in line.split(sep)]
    if "  " in line:  # columns aligned with runs of blanks: a single blank stays inside a cell (食品级 25kg/袋)
        return _WIDE_GAP.split(line)
    return line.split()


def _table(orig: str, simp: str) -> tuple[list[tuple[int, Item]], list[tuple[int, int]]]:
    items: list[tuple[int, Item]] = []
    consumed: list[tuple[int, int]] = []
    header: list[str] | None = None
    narrow = False
    units: dict[str, str] = {}
    row_sep: str | None = None
    offset = 0
    seps = _SEPS
    for line in simp.split("\n"):
        start, offset = offset, offset + len(line) + 1
        cells = _split_cells(line, seps)
        if header is None and "/" in line and "|" not in line:  # 品名/规格/数量/单价: rows split on "/" too
            slash = _split_cells(line, ("/",))
            if len(slash) >= 3 and all(map(_HEADER_CELL.match, slash)):
                cells, seps = slash, ("/",)
        heads = [_HEADER_CELL.match(c) for c in cells]
        if len(cells) >= 3 and all(heads) and any(_field(h.group(0).split("(")[0]) == "name" for h in heads if h):
            fields = [_field(re.sub(r"[(（].*", "", c)) for c in cells]
            if "qty" in fields:
                header, narrow = fields, "  " not in line.strip()  # narrow: columns split by single blanks
                row_sep = next((s for s in ("|", "｜", "\t") if s in line), None)
                units = {f: h.group("u") for f, h in zip(fields, heads, strict=True) if h and h.group("u")}
                consumed.append((start, start + len(line)))
                continue
        if header is None:
            continue
        if row_sep is not None and row_sep not in line:
            header, seps = None, _SEPS  # a line of text after a table with cell marks: the table ended
            continue
        if set(line.strip()) <= set("|-: \t"):
            consumed.append((start, start + len(line)))
            continue
        if not line.strip():
            header, seps = None, _SEPS
            continue
        fields = header
        if fields[0] == "other" and (len(cells) < len(fields) or line[:1] == " "):
            fields = fields[1:]  # the 序号 column was a list marker (blanked before the table is read)
        if len(cells) < len(fields) and fields[-1] == "other":
            fields = fields[:-1]  # an empty 备注 column at the end of the row
        ocells = _split_cells(orig[start : start + len(line)], seps)
        if len(cells) > len(fields) and seps == ("/",) and fields[-1] == "price":  # 18元/kg: a slash in the price
            cut = len(fields) - 1
            cells, ocells = [*cells[:cut], "/".join(cells[cut:])], [*ocells[:cut], "/".join(ocells[cut:])]
        if len(cells) > len(fields) and narrow and seps is _SEPS and row_sep is None and fields.count("spec") == 1:
            cells, ocells = _spec_takes_extra(cells, fields), _spec_takes_extra(ocells, fields)  # 甘草 片 内蒙 1吨
        if len(cells) != len(fields):
            continue
        rec = {f: (oc, sc) for f, oc, sc in zip(fields, ocells, cells, strict=False) if f != "other"}
        item = _make(rec, units)
        qty_cell = rec.get("qty", ("", ""))[1]
        if item and item.quantity is not None and (item.unit or _BARE.match(qty_cell)) and _QTY_CELL.match(qty_cell):
            items.append((start, item))
            consumed.append((start, start + len(line)))
    return items, consumed


def _spec_takes_extra(cells: list[str], fields: list[str]) -> list[str]:
    """A row split on blanks with more words than columns: the words the 规格 column cannot hold alone are its
    own (序号 品名 规格 数量 over "4 甘草 片 内蒙 1吨": 规格 is "片 内蒙")."""
    i, extra = fields.index("spec"), len(cells) - len(fields)
    return [*cells[:i], " ".join(cells[i : i + extra + 1]), *cells[i + extra + 1 :]]


# a list line that ends in a count with no unit: "KTP700 触摸屏 ×5", "PLC 西门子 S7-1200 ×5"
_TIMES_LINE = re.compile(r"(?m)^(?P<head>[^\n×✕]{2,80}?)\s*[×✕]\s*(?P<n>\d{1,6})\s*$")


def _times_items(simp: str) -> tuple[list[tuple[int, Item]], list[tuple[int, int]]]:
    items: list[tuple[int, Item]] = []
    consumed: list[tuple[int, int]] = []
    for m in _TIMES_LINE.finditer(simp):
        if not match_names(ascii_lower(m.group("head"))):
            continue  # no known product on the line
        name = _canonical(m.group("head"))
        if name:
            items.append((m.start(), Item(name, None, Decimal(m.group("n")), None, None, None)))
            consumed.append(m.span())
    return items, consumed


def kv_and_table_items(orig: str, simp: str, key: str) -> tuple[list[tuple[int, Item]], list[tuple[int, int]]]:
    """Items from key-value blocks, header tables and count-only list lines (触摸屏 ×5) with their positions, and
    the spans they consumed."""
    if "×" in simp or "✕" in simp:
        times = _times_items(simp)
        if times[0]:
            rest, spans = _kv_or_table(orig, simp)
            return [*rest, *times[0]], [*spans, *times[1]]
    return _kv_or_table(orig, simp)


def _kv_or_table(orig: str, simp: str) -> tuple[list[tuple[int, Item]], list[tuple[int, int]]]:
    # a 品名： key holds a name word, and every quantity key holds 量 or starts with Q: the cheap tests first
    named = _HAS_NAME_WORD.search(simp) is not None
    if (":" in simp or "：" in simp) and (
        (named and _HAS_KV_NAME.search(simp)) or (("量" in simp or "Q" in simp) and _HAS_KV_QTY.search(simp))
    ):
        items, consumed = _kv(orig, simp)
        if any(item.quantity is not None for _, item in items):
            return items, consumed
    if not named:
        return [], []  # a table needs a 品名/名称/… header cell
    return _table(orig, simp)
