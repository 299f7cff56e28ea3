"""A one-sentence summary of an event in ACLED's style, built from its fields."""

from __future__ import annotations

from .model import Event

_WEAPON_WORDS = {
    "drone": "with drones", "missile": "with missiles", "rocket": "with rockets", "artillery": "with artillery",
    "aircraft": "from the air", "explosive": "with explosives", "grenade": "with a grenade",
    "firearms": "with firearms", "chemical": "with chemical weapons",
}


def summarise(event: Event) -> str:
    when = f"On {event.event_date:%-d %B %Y}" if event.event_date else "On an unreported date"
    if event.event_date and event.event_date_end and event.event_date_end != event.event_date:
        when = f"Between {event.event_date:%-d %B %Y} and {event.event_date_end:%-d %B %Y}"
    who = event.actor1 or "unidentified actors"
    what = event.sub_event_type.lower()
    weapon = _WEAPON_WORDS.get(event.weapon or "", "")
    target = f" on {event.target}" if event.target else ""
    where = ""
    if event.place:
        parts = [event.place.name, event.place.admin1, event.place.country]
        where = " in " + ", ".join(dict.fromkeys(p for p in parts if p))
    toll = (
        "Fatalities unknown" if event.fatalities is None
        else "No fatalities" if event.fatalities == 0
        else f"{event.fatalities} killed"
    )
    first = f"{when}, {who} carried out an {what}" if what[0] in "aeiou" else f"{when}, {who} carried out a {what}"
    sentence = f"{first}{(' ' + weapon) if weapon else ''}{target}{where}. {toll}; {event.verification}."
    return sentence
