"""Events for people to read: a table of many, and one event with the text behind each field."""

from __future__ import annotations

from collections.abc import Callable

from .match import compare
from .model import Document, Event, Mention

_BOLD, _RESET = "\033[1;33m", "\033[0m"
_COLUMNS = [("id", 15), ("date", 10), ("sub-event type", 32), ("location", 34), ("actor1", 28), ("dead", 4), ("verification", 12)]


def event_table(events: list[Event]) -> str:
    if not events:
        return "no events (ingest some documents with `sitrep ingest PATH`)"
    lines = ["  ".join(name.ljust(width) for name, width in _COLUMNS)]
    for event in events:
        place = event.place
        location = ", ".join(dict.fromkeys(p for p in (place.name, place.admin1, place.iso) if p)) if place else ""
        cells = [
            event.id,
            event.event_date.isoformat() if event.event_date else "",
            event.sub_event_type,
            location,
            event.actor1 or "",
            "" if event.fatalities is None else str(event.fatalities),
            event.verification,
        ]
        lines.append("  ".join(_fit(cell, width) for cell, (_, width) in zip(cells, _COLUMNS)))
    lines.append(f"{len(events)} events")
    return "\n".join(lines)


def explain_event(event: Event, document_of: Callable[[str], Document | None], color: bool = False) -> str:
    """An event's fields, then each report with its sentence and the words behind each field marked."""
    place = event.place
    out = [
        f"{event.id}: {event.event_type} / {event.sub_event_type}",
        f"  date:         {event.event_date or 'unknown'}"
        + (f" to {event.event_date_end}" if event.event_date_end and event.event_date_end != event.event_date else "")
        + (f" (time_precision {event.time_precision})" if event.time_precision else ""),
        f"  place:        {_place_text(event)}",
        f"  actor1:       {event.actor1 or '-'}",
        f"  actor2:       {event.actor2 or '-'}",
        f"  target:       {event.target or '-'}" + (f" [{event.target_class}]" if event.target_class else ""),
        f"  weapon:       {event.weapon or '-'}",
        f"  fatalities:   {'unknown' if event.fatalities is None else event.fatalities}"
        + (f", injured {event.injuries}" if event.injuries is not None else ""),
        *_toll_range(event),
        f"  verification: {event.verification}",
        f"  sources:      {'; '.join(event.sources) or '-'}",
        f"  corroborated: {event.source_count} independent source{'s' if event.source_count != 1 else ''}"
        + (f", reported {event.first_reported} to {event.last_reported}" if event.first_reported else ""),
        f"  claims:       {_claims_by_side(event)}",
        f"  notes:        {event.notes}",
    ]
    if event.merge_notes:
        out.append("  merged:")
        out.extend(f"    {note}" for note in event.merge_notes)
    if place and place.geonameid:
        out.insert(3, f"  geonameid:    {place.geonameid} ({place.latitude}, {place.longitude}), geo_precision {place.geo_precision}")
    for mention in event.mentions:
        out.append("")
        out.extend(_explain_mention(mention, document_of(mention.document_id), color))
    return "\n".join(out)


def _claims_by_side(event: Event) -> str:
    """What each side says: "Ukraine: claims responsibility; Russia: denies; unattributed: reports"."""
    stances: dict[str, list[str]] = {}
    for mention in event.mentions:
        for claim in mention.claims:
            side = stances.setdefault(claim.claimant_side or "side unknown", [])
            if claim.stance not in side:
                side.append(claim.stance)
    return "; ".join(f"{side}: {', '.join(said)}" for side, said in stances.items()) or "-"


def _toll_range(event: Event) -> list[str]:
    if event.fatalities_low is None or event.fatalities_low == event.fatalities_high:
        return []
    return [
        f"  toll range:   {event.fatalities_low} ({event.fatalities_low_source})"
        f" to {event.fatalities_high} ({event.fatalities_high_source})"
    ]


def explain_merge(a: Event, b: Event) -> str:
    """Why two events are, or are not, one: each check with what it compared."""
    verdict = compare(a, b, every_check=True)
    lines = [f"{a.id} and {b.id}: {'one event' if verdict.same else 'not one event'}"]
    for check in verdict.checks:
        lines.append(f"  {check.name:<10} {'ok     ' if check.passed else 'differs'}  {check.detail}")
    return "\n".join(lines)


def _explain_mention(mention: Mention, document: Document | None, color: bool) -> list[str]:
    lines = [f"report in document {mention.document_id}" + (f" ({document.source})" if document and document.source else "")]
    for claim in mention.claims:
        lines.append(f"  claim: {claim.claimant} via {claim.channel or 'unstated channel'}, {claim.stance}")
    for name, evidence in sorted(mention.evidence.items(), key=lambda item: item[1].start):
        lines.append(f"  {name:<13} «{evidence.quote}» [{evidence.start}:{evidence.end}]")
    if len(mention.references) > 1:
        words = ", ".join(f"«{r.quote}» [{r.start}]" for r in mention.references)
        lines.append(f"  {'named as':<13} {words}")
    if document is not None:
        lines.append("  text: " + _highlight(document.text, mention, color))
    return lines


def _highlight(text: str, mention: Mention, color: bool) -> str:
    """The passage from the first to the last evidence span, each span marked."""
    spans = sorted({(e.start, e.end) for e in mention.evidence.values()})
    start, end = passage_bounds(mention)
    open_mark, close_mark = (_BOLD, _RESET) if color else ("[", "]")
    pieces, cursor = [], start
    for s, e in spans:
        if s < cursor:
            continue  # overlapping spans: the first one marked wins
        pieces += [text[cursor:s], open_mark, text[s:e], close_mark]
        cursor = e
    pieces.append(text[cursor:end])
    return "".join(pieces).replace("\n", " ")


def passage_bounds(mention: Mention) -> tuple[int, int]:
    """The passage of a report to show: its sentence, widened to every evidence span."""
    spans = [(e.start, e.end) for e in mention.evidence.values()]
    start = min([mention.sentence_start, *(s for s, _ in spans)])
    end = max([mention.sentence_end, *(e for _, e in spans)])
    return start, end


def _place_text(event: Event) -> str:
    place = event.place
    if place is None:
        return "unknown"
    parts = [place.name, place.admin2, place.admin1, place.country]
    text = ", ".join(dict.fromkeys(p for p in parts if p))
    return text + (" (the country only: no point on the map)" if place.latitude is None and not place.admin1 else "")


def _fit(cell: str, width: int) -> str:
    return (cell[: width - 1] + "…") if len(cell) > width else cell.ljust(width)


def explain_reports(document: Document, events: list[Mention], held: list[Mention],
                    event_of: Callable[[Mention], str | None] = lambda m: None) -> str:
    """Every report a document gives, in text order: those that are events (with the event each joined) and
    those held back, each with the words it came from and why it is, or is not, an event."""
    reports = sorted([(m, True) for m in events] + [(m, False) for m in held], key=lambda r: r[0].sentence_start)
    if not reports:
        return f"{document.id}: no sentence of it reports violence, a protest or a strategic development"
    lines = [f"{document.id}: {len(events)} event reports, {len(held)} held back"]
    for mention, is_event in reports:
        event_id = event_of(mention) if is_event else None
        verdict = ("event" + (f" {event_id}" if event_id else "")) if is_event else "not an event"
        place = ", ".join(p for p in (mention.place.name, mention.place.admin1) if p) if mention.place else "no place"
        when = mention.event_date.isoformat() if mention.event_date else "undated"
        if mention.event_date_end and mention.event_date_end != mention.event_date:
            when += f" to {mention.event_date_end}"
        toll = "" if mention.fatalities is None else f", {mention.fatalities} dead"
        lines += [
            "",
            f"[{verdict}] {mention.sub_event_type} at {place}, {when}{toll}",
            f"  text: {document.text[mention.sentence_start:mention.sentence_end]}",
        ]
        lines += [f"  why:  {reason}" for reason in mention.why]
    return "\n".join(lines)
