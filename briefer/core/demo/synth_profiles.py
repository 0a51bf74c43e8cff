"""Precomputed "profiles" and "places" for the synthetic event generator.

A *profile* flattens one dyad x sub-event x actor combination of a dyad table
into a tuple (names, disorder type, civilian targeting, note templates,
fatality parameters) with the product of the weights, so that the hot loop
in :mod:`briefer.core.demo.synth_events` needs a single weighted draw per
event.  Note templates are rewritten to positional ``str.format`` fields.

Contract: :func:`build_profiles` keeps the joint distribution of the dyad
table exactly (weights multiply); :func:`positional` rejects unknown fields.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from functools import lru_cache
from itertools import product
from statistics import NormalDist
from typing import Any

from briefer.core.demo.synth_model import Admin1, Choice, FatalityParams, Location
from briefer.core.demo.synth_tables import EMPTY, Dyad, EventType, Model
from briefer.core.demo.synth_text import fatality_text, templates_for

#: Placeholders of note templates, in positional order.
FIELDS: tuple[str, ...] = ("when", "where", "place", "border", "a1", "a2", "fat", "crowd", "topic")

Z_SIZE = 8192

# (actor1, assoc1, actor2, assoc2, sub_event, disorder, civilian_targeting, political,
#  templates, actor1_short, actor2_short, p_zero, median, sigma, cap, is_demonstration, event_type,
#  fatality stream key)
Profile = tuple[
    str, str, str, str, str, str, str, bool, tuple[str, ...], str, str,
    float, float, float, int, bool, str, tuple[float, float, float, int],
]  # fmt: skip


# (admin1, location, geo_precision, time_precision, source_scale)
Place = tuple[Admin1, Location, int, int, str]
# (number of events, places, profile cache per admin1 group, cache filler, fatality scale)
Part = tuple[
    int, Choice[Place], dict[str, Choice[Profile]], Callable[[Admin1], Choice[Profile]], float
]


@lru_cache(maxsize=1)
def normal_quantiles() -> tuple[float, ...]:
    """Standard-normal quantiles at the midpoints of ``Z_SIZE`` equal bins."""
    inv = NormalDist().inv_cdf
    return tuple(inv((i + 0.5) / Z_SIZE) for i in range(Z_SIZE))


FAT_TEXTS = 512


@lru_cache(maxsize=1)
def fatality_texts() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Fatality sentences for 0..FAT_TEXTS-1 (political violence, other), with a leading space.

    Templates are rewritten so that ``" {fat}"`` becomes ``"{fat}"``: an empty
    fatality sentence then leaves no trailing space.
    """

    def lead(text: str) -> str:
        return " " + text if text else ""

    return (
        tuple(lead(fatality_text(i, True)) for i in range(FAT_TEXTS)),
        tuple(lead(fatality_text(i, False)) for i in range(FAT_TEXTS)),
    )


@lru_cache(maxsize=512)
def positional(template: str) -> str:
    """Rewrite ``{when}``-style fields as positional ``{0}`` fields (ValueError if unknown).

    ``" {fat}"`` loses its space: fatality sentences carry a leading space.
    """
    template = template.rstrip().replace(" {fat}", "{fat}")
    out = []
    for literal, name, spec, conv in string.Formatter().parse(template):
        out.append(literal.replace("{", "{{").replace("}", "}}"))
        if name is None:
            continue
        if name not in FIELDS or spec or conv:
            raise ValueError(f"note template {template!r}: unsupported field {{{name}}}")
        out.append(f"{{{FIELDS.index(name)}}}")
    return "".join(out)


def _fatality_fields(fat: FatalityParams | int) -> tuple[float, float, float, int]:
    if isinstance(fat, int):
        return (1.0, 0.0, 0.0, 0) if fat <= 0 else (0.0, float(fat), 0.0, fat)
    return fat.p_zero, fat.median, fat.sigma, fat.cap


def build_profiles(
    model: Model,
    etype: EventType,
    table: Choice[Dyad],
    notes: Mapping[str, tuple[str, ...]] | None,
    fat: FatalityParams | int | None,
) -> Choice[Profile]:
    """Flatten a dyad table into weighted :data:`Profile` tuples."""
    pairs: list[tuple[Profile, float]] = []
    prev = 0.0
    for dyad, cum in zip(table.items, table.cum[:-1] + (table.total,)):
        w_dyad, prev = cum - prev, cum
        actors = weights(dyad.a1), weights(dyad.as1), weights(dyad.a2), weights(dyad.as2)
        for sub, w_sub in weights(dyad.subs):
            disorder = model.disorder_overrides.get(sub, etype.disorder)
            political = "Political violence" in disorder
            fields = _fatality_fields(
                fat if fat is not None else model.sub_fatalities.get(sub, etype.fatalities)
            )
            own = (notes.get(sub) or notes.get("*")) if notes else None
            tmpls_for: dict[bool, tuple[str, ...]] = {}  # by "has an actor2"
            for (a1, w1), (as1, w2), (a2, w3), (as2, w4) in product(*actors):
                tmpls = tmpls_for.get(a2 is not EMPTY)
                if tmpls is None:
                    tmpls = tmpls_for[a2 is not EMPTY] = tuple(
                        positional(t) for t in (own or templates_for(sub, a2 is not EMPTY))
                    )
                civ = "Civilian targeting" if political and a2.civilian else ""
                prof: Profile = (
                    a1.name,
                    as1.name,
                    a2.name,
                    as2.name,
                    sub,
                    disorder,
                    civ,
                    political,
                    tmpls,
                    a1.short,
                    a2.short,
                    *fields,
                    etype.demo_geography,
                    etype.name,
                    fields,
                )
                pairs.append((prof, w_dyad * w_sub * w1 * w2 * w3 * w4))
    return Choice.of(pairs, f"profiles of {etype.name}")


def weights(choice: Choice[Any]) -> list[tuple[Any, float]]:
    """Normalised (item, probability) pairs of *choice*."""
    out, prev = [], 0.0
    for item, cum in zip(choice.items, choice.cum[:-1] + (choice.total,)):
        out.append((item, (cum - prev) / choice.total))
        prev = cum
    return out


def meta_choice(raw: dict[str, Any], what: str) -> list[tuple[Any, float]]:
    return weights(Choice.of(((int(k), float(v)) for k, v in raw.items()), what))
