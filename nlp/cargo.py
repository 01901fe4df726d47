"""A haulage demand names the truck, not its load: "9.6米高栏 两台，拉建材30吨" wants two trucks, not 30 t of
building material. The load is a weight or volume after the truck on the same line; it is not an item."""

from __future__ import annotations

import re

from nlp.types import Item

# a truck (by body type) or a haulage service, ordered by the truck or the trip
_TRUCK = re.compile(r"(?:货车|高栏车|厢式货车|平板车|高低板|挂车|冷藏车|冷链车|自卸车|飞翼车|运输|专线)$")
_TRUCK_UNITS = frozenset({"台", "辆", "车", "趟", "部"})
_LOAD_UNITS = frozenset({"吨", "t", "T", "方", "立方", "立方米", "m³", "公斤", "kg", "KG", "件", "托"})


def drop_loads(items: list[tuple[int, Item]], text: str) -> list[tuple[int, Item]]:
    """`items` (position, item) without a truck's load: a weight or volume after a truck on the same line."""
    trucks = [pos for pos, it in items if it.unit in _TRUCK_UNITS and _TRUCK.search(it.name)]
    if not trucks:
        return items
    first = min(trucks)
    line_end = text.find("\n", first)
    line_end = len(text) if line_end < 0 else line_end
    return [
        (pos, it) for pos, it in items if not (first < pos < line_end and it.unit in _LOAD_UNITS and pos not in trucks)
    ]
