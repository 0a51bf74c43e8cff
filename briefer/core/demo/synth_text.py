"""ACLED-style notes for the synthetic demo events.

Notes are short English sentences built from templates with the
placeholders ``{when} {where} {place} {border} {a1} {a2} {fat} {crowd}
{topic}``.  They never name real individuals.  The generator prefixes each
note with the calibration's ``note_prefix`` ("[SYNTHETIC] ").

Contract: :func:`render` returns a single line without trailing spaces.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

#: Templates per sub-event type.  A key suffixed with "+a2" is used instead
#: of the plain key when the event has an actor2.
TEMPLATES: dict[str, tuple[str, ...]] = {
    "Armed clash": (
        "{when}, {a1} clashed with {a2} {where}{border}. {fat}",
        "{when}, {a1} ambushed {a2} {where}{border}. {fat}",
        "{when}, {a1} attacked a position held by {a2} {where}{border}. {fat}",
        "{when}, fighting broke out between {a1} and {a2} {where}{border}. {fat}",
    ),
    "Government regains territory": (
        "{when}, {a1} regained control of {place} from {a2} after fighting. {fat}",
        "{when}, {a1} retook {place}, which had been held by {a2}. {fat}",
    ),
    "Non-state actor overtakes territory": (
        "{when}, {a1} overran a position of {a2} {where}{border} and took control of the area. {fat}",
        "{when}, {a1} drove {a2} out of {place} after an attack. {fat}",
    ),
    "Remote explosive/landmine/IED": (
        "{when}, a vehicle carrying {a2} struck an IED {where}{border}. The device is attributed to {a1}. {fat}",
        "{when}, {a1} detonated a roadside IED against {a2} {where}{border}. {fat}",
        "{when}, {a2} hit a landmine planted by {a1} {where}. {fat}",
    ),
    "Air/drone strike": (
        "{when}, a drone strike carried out by {a1} hit {a2} {where}{border}. {fat}",
        "{when}, {a1} conducted air strikes that hit {a2} {where}. {fat}",
    ),
    "Shelling/artillery/missile attack": (
        "{when}, {a1} fired mortar shells at {a2} {where}. {fat}",
        "{when}, {a1} fired rockets at a camp of {a2} {where}. {fat}",
    ),
    "Suicide bomb": (
        "{when}, {a1} carried out a suicide car bomb attack against {a2} {where}. {fat}",
    ),
    "Grenade": ("{when}, {a1} threw a grenade at {a2} {where}. {fat}",),
    "Attack": (
        "{when}, {a1} attacked {a2} {where}{border}. {fat}",
        "{when}, {a1} raided a village and opened fire on {a2} {where}{border}. {fat}",
        "{when}, {a1} attacked {a2} travelling on a road {where}. {fat}",
        "{when}, {a1} assaulted {a2} at a weekly market {where}{border}. {fat}",
    ),
    "Abduction/forced disappearance": (
        "{when}, {a1} abducted several {a2} {where}{border}. {fat}",
        "{when}, {a1} kidnapped {a2} travelling {where}. {fat}",
    ),
    "Sexual violence": ("{when}, {a1} committed sexual violence against a woman {where}. {fat}",),
    "Peaceful protest": (
        "{when}, {crowd} demonstrated {where} {topic}.",
        "{when}, {crowd} held a sit-in {where} {topic}.",
        "{when}, {crowd} marched {where} {topic}.",
    ),
    "Protest with intervention": (
        "{when}, {crowd} demonstrated {where} {topic}; {a2} dispersed the crowd with tear gas.",
        "{when}, {a2} broke up a gathering of {crowd} {where} who were protesting {topic}.",
    ),
    "Excessive force against protesters": (
        "{when}, {a1} fired live ammunition to disperse {crowd} demonstrating {where} {topic}. {fat}",
    ),
    "Violent demonstration": (
        "{when}, {crowd} burned tyres and blocked roads {where} {topic}. {fat}",
        "{when}, angry {crowd} ransacked a public building {where} {topic}. {fat}",
    ),
    "Violent demonstration+a2": (
        "{when}, {crowd} threw stones at {a2} {where} {topic}. {fat}",
        "{when}, {crowd} clashed with {a2} {where} {topic}. {fat}",
    ),
    "Mob violence": (
        "{when}, a mob beat a man accused of theft {where}. {fat}",
        "{when}, a crowd attacked a suspected thief {where}. {fat}",
    ),
    "Looting/property destruction": (
        "{when}, {a1} looted shops and seized livestock {where}{border}.",
        "{when}, {a1} set fire to granaries and houses {where}.",
        "{when}, {a1} stole motorcycles and food stocks from {a2} {where}.",
    ),
    "Disrupted weapons use": (
        "{when}, {a1} detected and defused an IED {where}{border}.",
        "{when}, {a1} seized a cache of weapons and explosives {where}.",
    ),
    "Arrests": (
        "{when}, {a1} arrested several people suspected of links with armed groups {where}.",
        "{when}, {a1} arrested a local activist {where}.",
    ),
    "Headquarters or base established": ("{when}, {a1} established a new base {where}.",),
    "Non-violent transfer of territory": (
        "{when}, {a1} took control of {place} without fighting.",
        "{when}, {a1} entered {place} unopposed and took control of the area.",
    ),
    "Change to group/activity": (
        "{when}, {a1} announced new restrictions on movement {where}.",
        "{when}, {a1} ordered the closure of markets and roads {where}.",
    ),
    "Agreement": ("{when}, {a1} and {a2} agreed to a local truce {where}.",),
    "Other": (
        "{when}, {a1} held a meeting with residents {where} and issued warnings.",
        "{when}, {a1} distributed leaflets to residents {where}.",
    ),
}

_FALLBACK = ("{when}, {a1} was involved in an incident {where}. {fat}",)


@dataclass(frozen=True, slots=True)
class DayText:
    """Precomputed strings and numbers for one calendar day."""

    iso: str  # "2023-11-14"
    year: int
    when: tuple[str, str, str, str]  # index = time_precision (0 unused)
    epoch: int  # Unix time of 00:00 UTC


def day_text(day: dt.date) -> DayText:
    """Build the :class:`DayText` of *day*."""
    long = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    when = ("", f"On {long}", f"On or around {long}", f"In {MONTHS[day.month - 1]} {day.year}")
    epoch = (day.toordinal() - dt.date(1970, 1, 1).toordinal()) * 86400
    return DayText(day.isoformat(), day.year, when, epoch)


def templates_for(sub_event: str, has_actor2: bool) -> tuple[str, ...]:
    """Templates for *sub_event* (the "+a2" variant when an actor2 exists)."""
    if has_actor2 and sub_event + "+a2" in TEMPLATES:
        return TEMPLATES[sub_event + "+a2"]
    return TEMPLATES.get(sub_event, _FALLBACK)


def fatality_text(fatalities: int, political: bool) -> str:
    """ "3 fatalities." / "1 fatality." / "No fatalities reported." (political only)."""
    if fatalities > 1:
        return f"{fatalities} fatalities."
    if fatalities == 1:
        return "1 fatality."
    return "No fatalities reported." if political else ""


def render(template: str, **fields: str) -> str:
    """Fill *template*; unused fields are ignored, trailing space is removed."""
    return template.format(**fields).rstrip()
