"""The state of the evidence for one event across all its reports: who reported it (independent sources, a
reprint counted once), when, what each side claims, how verified it is, and the range of death tolls."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .extractors.casualties import revised_toll
from .fingerprint import reprint_pairs
from .model import Claim, DocumentInfo, Mention


def independent_sources(mentions: list[Mention], documents: dict[str, DocumentInfo]) -> int:
    """How many independent sources report the event: documents of one outlet count once, and so do
    reprints or light rewrites of one article carried by several outlets."""
    doc_ids = list(dict.fromkeys(m.document_id for m in mentions))
    parent = list(range(len(doc_ids)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_of_outlet: dict[str, int] = {}
    for i, doc_id in enumerate(doc_ids):
        outlet = (documents.get(doc_id, DocumentInfo()).source or "").casefold()
        if outlet:
            parent[root(i)] = root(first_of_outlet.setdefault(outlet, i))
    for i, j in reprint_pairs([documents.get(d, DocumentInfo()).fingerprint for d in doc_ids]):
        parent[root(i)] = root(j)
    return len({root(i) for i in range(len(doc_ids))})


def report_dates(mentions: list[Mention], documents: dict[str, DocumentInfo]) -> tuple[date | None, date | None]:
    """When the event was first and last reported (the documents' publication dates)."""
    published = sorted(p for m in mentions if (p := documents.get(m.document_id, DocumentInfo()).published))
    return (published[0], published[-1]) if published else (None, None)


def document_languages(mentions: list[Mention], documents: dict[str, DocumentInfo]) -> tuple[str, ...]:
    """The languages the event was reported in, sorted (documents stored before detection have none)."""
    return tuple(sorted({lang for m in mentions if (lang := documents.get(m.document_id, DocumentInfo()).language)}))


def outlets_and_claimants(mentions: list[Mention], documents: dict[str, DocumentInfo]) -> tuple[str, ...]:
    """Who reported it: the outlets of the documents and the claimants they quote, each once."""
    names: list[str] = []
    for m in mentions:
        outlet = documents.get(m.document_id, DocumentInfo()).source
        if outlet:
            names.append(outlet)
        for claim in m.claims:
            if claim.claimant:
                names.append(f"{claim.claimant} ({claim.channel})" if claim.channel else claim.claimant)
    return tuple(dict.fromkeys(names))


def verification(claims: list[Claim] | tuple[Claim, ...], cues: list[str], actor1: str | None) -> str:
    """The verification status of a report, or of an event from all its reports' claims, given the claims and
    the texts' own cues:

    - disputed: someone denies it, or a text says accounts conflict;
    - confirmed: both the perpetrator's side and another side say it happened, or someone confirms it;
    - unverified: a text says the claims could not be verified (and no other side backs them);
    - claimed: only the perpetrator's side says so;
    - reported: the target side, third parties or the media report it.
    """
    stances = {c.stance for c in claims}
    if "denies" in stances or "disputed" in cues:
        return "disputed"
    perpetrator = [c for c in claims if _speaks_for_perpetrator(c, actor1)]
    # another side: a ministry that both claims its strike and reports it is still one side
    others = [c for c in claims if c.claimant_side and c.claimant_side not in {p.claimant_side for p in perpetrator}]
    if perpetrator and others:
        return "confirmed"
    if "unverified" in cues:
        return "unverified"
    if "confirms" in stances or "confirmed" in cues:
        return "confirmed"
    if perpetrator and len(perpetrator) == len(claims):
        return "claimed"
    return "reported"


def _speaks_for_perpetrator(claim: Claim, actor1: str | None) -> bool:
    if claim.stance == "claims responsibility":
        return True
    return bool(claim.claimant_side and actor1 and claim.claimant_side in actor1)


@dataclass(frozen=True)
class TollRange:
    low: int | None = None
    high: int | None = None
    low_source: str | None = None
    high_source: str | None = None
    revised: int | None = None  # the highest count a report gives as a revision ("the death toll rose to 45")

    @property
    def best(self) -> int | None:
        """The event's toll: the latest revision when a report revises the count (the earlier counts were not
        yet complete), else the most conservative figure reported (ACLED)."""
        return self.revised if self.revised is not None else self.low


def toll_range(mentions: list[Mention], documents: dict[str, DocumentInfo]) -> TollRange:
    """The lowest and highest death toll reported, each with the report that gave it (UCDP's low and high)."""
    tolls = [(m.fatalities, m) for m in mentions if m.fatalities is not None]
    if not tolls:
        return TollRange()
    low_toll, low = min(tolls, key=lambda t: t[0])
    high_toll, high = max(tolls, key=lambda t: t[0])
    revisions = [n for n, m in tolls if "fatalities" in m.evidence and revised_toll(m.evidence["fatalities"].quote)]
    return TollRange(low_toll, high_toll, _source_of(low, documents), _source_of(high, documents),
                     max(revisions) if revisions else None)


def _source_of(mention: Mention, documents: dict[str, DocumentInfo]) -> str:
    outlet = documents.get(mention.document_id, DocumentInfo()).source
    claimant = mention.claim.claimant if mention.claim else None
    who = ", ".join(p for p in (claimant, outlet) if p)
    return f"{who} (document {mention.document_id})" if who else f"document {mention.document_id}"
