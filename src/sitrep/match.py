"""Are two reports one real-world event? Each check says what it compared and how close it was, so that
`sitrep show` and `sitrep merge --explain` can tell a reader why reports were or were not merged.

A report here is a Mention or an Event: both carry the compared fields under the same names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .extractors.casualties import vague_figure
from .extractors.claims import claimant_side
from .extractors.victim_groups import side_of_the_dead
from .geo.distance import distance_km
from .model import GEO_PRECISION_REGION, GEO_PRECISION_TOWN, TIME_PRECISION_MONTH, Event, Mention, Place

# How far apart two places may be and still be one event's, by the coarser one's geo_precision.
MAX_DISTANCE_KM = {1: 15.0, 2: 40.0, 3: 300.0}
# "Overnight" and reports of "yesterday" blur a date by a day either way.
DATE_SLACK = timedelta(days=1)
# "One soldier killed" is reported every day; a toll of three or more on the same days is distinctive.
DISTINCTIVE_TOLL = 3
# A distinctive toll revised on the same day ("ten killed" / "eleven killed") stays within a fifth of itself.
CLOSE_TOLL_RATIO = 1.2
# A count over this many days or more ("over the past week") is a round-up of several events.
ROUNDUP_DAYS = 3
# Explosions are one family: the same blast is a "missile strike" in one report and "shelling" in another.
WEAPON_AMBIGUOUS_TYPES = {"Explosions/Remote violence"}
# Political violence in which people die is told as a clash by one outlet and an attack by another; such
# reports are one event only when a precise place or a distinctive toll ties them.
LETHAL_FAMILY = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
# What a merge note says of a report that ties an event by a count told again (`_revised_count`): the event
# then takes the count of its best placed report (a town's count is that town's toll, not the country's).
REVISED_COUNT = "its count revised"
# In battles each report may name the other side first; in one-sided violence the perpetrator is the perpetrator.
TWO_SIDED_TYPES = {"Battles"}

Report = Event | Mention


@dataclass(frozen=True)
class Check:
    name: str  # documents | type | date | place | target | actors | toll
    passed: bool
    detail: str
    precise: bool = False  # a place check passed on a town or its surroundings, or a distinctive toll


@dataclass(frozen=True)
class Verdict:
    checks: tuple[Check, ...]

    @property
    def same(self) -> bool:
        return all(c.passed for c in self.checks)

    def reasons(self) -> str:
        """The checks that passed, in a few words: what a merge was based on."""
        return "; ".join(c.detail for c in self.checks if c.passed and c.name != "documents")


def compare(a: Report, b: Report, every_check: bool = False, sole: bool = False) -> Verdict:
    """The checks that decide whether `a` and `b` report one event; they stop at the first that fails
    unless `every_check` (for explaining). With `sole` (`a` is the only event that `b` could be, see
    `may_compete`), the same toll on the very same days ties reports whose places do not tell them apart
    (a town and its region, a region and the country, no place) and reports of different lethal types; and
    only the only event may be told on other days (`_other_days`)."""
    # a report that names no place could be any event of its days, near or far: it is no one's only candidate
    sole = sole and a.place is not None and b.place is not None
    checks: list[Check] = []
    for check in (_documents, _type, _date, _tolls, _where, _target, _actors):
        result = check(a, b)
        if result is None:
            continue
        if result.name == "date" and result.passed and not sole and _other_days(a, b):
            result = Check("date", False, f"{result.detail}, but told of other days: it joins only the one event it could be")
        if result.name == "type" and not result.passed and _same_family(a, b):
            tie = _where(a, b)
            passed = _ties_across_types(tie, a, b) or sole and _same_toll(a, b) and not _two_towns(a, b)
            result = Check("type", passed, f"{result.detail}, both lethal violence")
        if sole and not result.passed and result.name == "place":
            result = _sole_tie(result, a, b)
        checks.append(result)
        if not result.passed and not every_check:
            break
    return Verdict(tuple(checks))


def _other_days(a: Report, b: Report) -> bool:
    """Are two reports, whose dates `_date` lets be one event's, told of other days: a day apart, days that only
    partly overlap ("yesterday" told on Monday and on Tuesday), or one undated? Neither's days hold the other's.
    On a dense front the next day's report from the same town is most often the next day's event ("fighting
    flares in the centre of the city, five dead" and, a day later, "clashes in the city"), so such reports
    join only the one event they could be (issue 15), as does an undated report, which could be any of its
    place's events."""
    if a.event_date is None or b.event_date is None:
        return True
    a_end, b_end = a.event_date_end or a.event_date, b.event_date_end or b.event_date
    a_holds_b = a.event_date <= b.event_date and b_end <= a_end
    return not a_holds_b and not (b.event_date <= a.event_date and a_end <= b_end)


def may_compete(a: Report, b: Report) -> bool:
    """Could `a` be the event `b` reports, by its documents, days and place alone? When only one event of a
    mention's type family could be, a looser tie is enough (`compare`'s `sole`): in a quiet week the one
    death reported twice is one event; on a dense front, with many events a day in one region, it is not."""
    return _documents(a, b).passed and _date(a, b).passed and compatible_places(a, b)


def specific_tie(a: Report, b: Report) -> str | None:
    """What two reports share that could tell them one event (issue 15): the same town, the same stated toll or
    the same target, where their types, days and places leave them free to be one event's. None: nothing more
    than a day and a region, which many events of a front share. `sitrep eval` counts the gold links such a tie
    could make: the recall a merge on specific agreement could reach at best."""
    if family(a.event_type) != family(b.event_type) or not _date(a, b).passed or not compatible_places(a, b):
        return None
    if _same_town(a, b):
        return "the same town"
    if _same_toll(a, b):
        return "the same toll"
    if a.target_class and a.target_class == b.target_class:
        return "the same target"
    return None


def _same_town(a: Report, b: Report) -> bool:
    pa, pb = a.place, b.place
    if pa is None or pb is None or max(pa.geo_precision, pb.geo_precision) >= GEO_PRECISION_REGION:
        return False
    return pa.geonameid is not None and pa.geonameid == pb.geonameid or pa.name.casefold() == pb.name.casefold()


def family(event_type: str) -> str:
    """The types a report of `event_type` may be merged with are all of its family."""
    return "lethal violence" if event_type in LETHAL_FAMILY else event_type


def _same_family(a: Report, b: Report) -> bool:
    return a.event_type in LETHAL_FAMILY and b.event_type in LETHAL_FAMILY


def _ties_across_types(where: Check, a: Report, b: Report) -> bool:
    """Is what ties two reports of different lethal types strong enough? One town (not a region, nor two towns
    near each other: "a woman killed by shelling in Donetsk" and "a booby trap kills a civilian near Maryinka"
    are two events), a distinctive toll, or a small toll on the very same days whose dead are alike
    ("Ukrainian soldier killed in the east" / "Ukrainian soldier killed by shelling")."""
    if not where.passed:
        return False
    if where.name == "toll":
        sides = _sides_of_the_dead(a)
        return where.precise or (bool(sides) and sides == _sides_of_the_dead(b))
    same_town = a.place is not None and b.place is not None and a.place.name.casefold() == b.place.name.casefold()
    # a month's report ("in June, Ukraine pushed Russian forces from the island") shares a town with any strike
    # of that month by chance
    return where.precise and same_town and TIME_PRECISION_MONTH not in (a.time_precision, b.time_precision)


def _sole_tie(failed: Check, a: Report, b: Report) -> Check:
    """The tie of a report to the only event it could be: the same toll on the very same days (daily reports
    of "one militiaman killed" are told every day), places that do not tell them apart, and dead who are not
    of different sides; or, where one of them names only the country, a count of the same days revised
    (`_revised_count`). A report with no toll, or only a guessed one ("dozens killed"), names nothing that
    ties it."""
    if not _same_days(a, b) or not compatible_places(a, b) or _dead_of_different_sides(a, b):
        return failed
    if _same_toll(a, b):
        return Check("place", True, f"{failed.detail}, but the only event of these days there")
    if _revised_count(a, b):
        return Check("place", True, f"{failed.detail}, but the only event of these days there, {REVISED_COUNT}")
    return failed


def _revised_count(a: Report, b: Report) -> bool:
    """Two stated tolls of the very same days, one of a report that names only the country ("three killed as
    a bus hits a mine in the east" / "four killed as a bus hits a mine"; "two reporters killed" once the
    second dies; "four killed in the east" / "ten killed in the city"): of the only event they could be, a
    count told again. Where both name a region or a town, another count is most often another event (a
    governor's daily count is not one strike's), and a guess ("dozens") is no count. The event takes the
    count of the report that places it best (`merge.build_event`)."""
    if told_toll(a) is None or told_toll(b) is None or _vague_toll(a) or _vague_toll(b):
        return False
    return any(report.place is not None and report.place.country_only for report in (a, b))


def told_toll(report: Report) -> int | None:
    """The deaths a report's words tell: an event none of whose reports tells of deaths has 0 (ACLED, and
    gold/CODING.md: nobody reported killed), which ties and parts no reports as a stated count does."""
    if isinstance(report, Event) and all(m.fatalities is None for m in report.mentions):
        return None
    return report.fatalities


def _same_toll(a: Report, b: Report) -> bool:
    """Do both reports give the same count of the dead, and not as a guess ("dozens killed")?"""
    return told_toll(a) is not None and told_toll(a) == told_toll(b) and not _vague_toll(a) and not _vague_toll(b)


def compatible_places(a: Report, b: Report) -> bool:
    """Do the places of two reports leave them free to be one event: no place, a country, or a region holding
    the other's place; two towns only where `_places` finds them one."""
    pa, pb = a.place, b.place
    if pa is None or pb is None:
        return True
    if pa.iso and pb.iso and pa.iso != pb.iso or pa.admin1 and pb.admin1 and pa.admin1 != pb.admin1:
        return False
    if max(pa.geo_precision, pb.geo_precision) < GEO_PRECISION_REGION:
        return _places(pa, pb).passed
    return True


def _two_towns(a: Report, b: Report) -> bool:
    """Are the reports placed in two different towns (however near: "shelling in Donetsk" and "a booby trap
    near Maryinka" are two events)?"""
    places = [r.place for r in (a, b) if r.place is not None and r.place.geo_precision < GEO_PRECISION_REGION]
    return len(places) == 2 and places[0].name.casefold() != places[1].name.casefold()


def _document_ids(report: Report) -> set[str]:
    return set(report.document_ids) if isinstance(report, Event) else {report.document_id}


def _documents(a: Report, b: Report) -> Check:
    shared = _document_ids(a) & _document_ids(b)
    if shared:
        # A document's own reports of one event were merged when it was read; two left apart are two events.
        return Check("documents", False, f"both in document {sorted(shared)[0]}")
    return Check("documents", True, "different documents")


def _type(a: Report, b: Report) -> Check:
    if a.sub_event_type == b.sub_event_type:
        return Check("type", True, f"both {a.sub_event_type}")
    if a.event_type == b.event_type and a.event_type in WEAPON_AMBIGUOUS_TYPES:
        return Check("type", True, f"both {a.event_type}")
    return Check("type", False, f"{a.sub_event_type} vs {b.sub_event_type}")


def _date(a: Report, b: Report) -> Check:
    if a.event_date is None and b.event_date is None:
        return Check("date", False, "both undated: may be years apart")
    if a.event_date is None or b.event_date is None:
        return Check("date", True, "one undated: joins by place and type")
    a_end, b_end = a.event_date_end or a.event_date, b.event_date_end or b.event_date
    if _roundup(a) != _roundup(b):
        # "four militiamen killed in the past week" counts several events; the shelling of one of its days is one
        return Check("date", False, "a count over several days and an event of one of them")
    gap = max((b.event_date - a_end).days, (a.event_date - b_end).days, 0)
    if gap == 0 and _consecutive_periods(a.event_date, a_end, b.event_date, b_end):
        # "over the past week" told on the 9th and again on the 16th: two weeks that share a boundary day
        return Check("date", False, "consecutive periods that share only their boundary day")
    if gap == 0:
        return Check("date", True, "dates overlap")
    # Two single days may be one night told from either side of midnight; a range already holds its doubt.
    single_days = a_end == a.event_date and b_end == b.event_date
    if single_days and gap <= DATE_SLACK.days:
        return Check("date", True, f"{gap} day apart")
    return Check("date", False, f"{gap} days apart")


def _consecutive_periods(a_start: date, a_end: date, b_start: date, b_end: date) -> bool:
    """Two periods of several days (weekly or monthly round-ups) whose only common day is where one ends
    and the other begins."""
    several_days = (a_end - a_start).days >= 2 and (b_end - b_start).days >= 2
    return several_days and (a_end == b_start or b_end == a_start)


def _where(a: Report, b: Report) -> Check:
    """Same place; failing that, the same distinctive toll on the same days where neither is placed precisely.
    An undated report needs the very same place: "killed in Ilovaisk" (2014) is not "near Donetsk airport"
    (2015) just because the two lie 30 km apart."""
    if a.event_date is None or b.event_date is None:
        same = (
            a.place is not None and b.place is not None and a.place.geonameid is not None
            and a.place.geonameid == b.place.geonameid and a.place.geo_precision == b.place.geo_precision
        )
        name = a.place.name if a.place else "no place"
        return Check("place", same, f"both in {name}" if same else "undated: not the very same place", precise=same)
    place = _places(a.place, b.place)
    if place.passed and not place.precise and not _same_region_report(a, b):
        # "Shelling kills one militiaman - DPR" is told most days: a region ties only reports of the very same
        # days and the same dead
        place = Check("place", False, f"{place.detail}, but other days or other dead")
    if place.passed:
        return place
    toll = _same_distinctive_toll(a, b)
    return toll if toll is not None else place


def _places(a: Place | None, b: Place | None) -> Check:
    if a is None or b is None:
        # A report that names no place joins nothing by place: "a drone hit X" stays apart from Y.
        return Check("place", False, "no place named")
    if a.iso and b.iso and a.iso != b.iso:
        return Check("place", False, f"{a.iso} vs {b.iso}")
    coarse = max(a.geo_precision, b.geo_precision)
    if coarse >= GEO_PRECISION_REGION:
        if not a.admin1 or not b.admin1:
            return Check("place", False, "only a country named")
        same = a.admin1 == b.admin1 and a.geo_precision == b.geo_precision
        return Check("place", same, f"both in {a.admin1}" if same else f"{a.name} vs {b.name}")
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return Check("place", True, f"both in {a.name}", precise=True)
    if coarse == GEO_PRECISION_TOWN and a.name.casefold() != b.name.casefold():
        # Two towns named, however near: a strike on one village and a strike on the next are two strikes.
        return Check("place", False, f"{a.name} vs {b.name}")
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return Check("place", False, f"{a.name} vs {b.name}, no coordinates")
    km = distance_km(a.latitude, a.longitude, b.latitude, b.longitude)
    limit = MAX_DISTANCE_KM[coarse]
    return Check("place", km <= limit, f"{a.name} and {b.name} {km:.0f} km apart (limit {limit:.0f})", precise=True)


def _same_distinctive_toll(a: Report, b: Report) -> Check | None:
    """Two dated reports of the same death toll on the same days, neither placed more precisely than a
    region ("Six Ukraine soldiers killed in rebel ambush" / "Six Ukrainian soldiers killed in the east"),
    tell of one event: a specific toll is rarer than a place name. So do two close distinctive tolls of the
    very same days (see `_close_tolls`)."""
    if a.event_date is None or b.event_date is None:
        return None
    toll_a, toll_b = told_toll(a), told_toll(b)
    if toll_a is None or toll_b is None or not _close_tolls(toll_a, toll_b):
        return None
    same_days = _same_days(a, b)
    if (toll_a < DISTINCTIVE_TOLL or toll_a != toll_b) and not same_days:
        return None  # a small toll, or a revised one, ties reports of the very same days only
    if _roundup(a) != _roundup(b):
        return None  # a week's count is a sum of events, not the toll of one of them
    if any(p is not None and p.geo_precision < GEO_PRECISION_REGION for p in (a.place, b.place)):
        return None
    if len({p.iso for p in (a.place, b.place) if p is not None}) > 1:
        return None
    if len({p.admin1 for p in (a.place, b.place) if p is not None and p.admin1}) > 1:
        return None  # one toll in two regions ("one killed" in each of two oblasts) is two deaths
    if _dead_of_different_sides(a, b):
        return None  # "one soldier killed" and "one militiaman killed" on one day are two deaths
    if _vague_toll(a) or _vague_toll(b):
        return None  # "dozens killed" is a guess, not a figure that identifies an event
    # A small toll ties reports of one type on the very same days; only a distinctive one ties across types.
    distinctive = toll_a >= DISTINCTIVE_TOLL
    toll = f"the same toll of {toll_a}" if toll_a == toll_b else f"close tolls of {toll_a} and {toll_b}"
    return Check("toll", True, f"{toll} on the same days, neither placed precisely", distinctive)


def _roundup(report: Report) -> bool:
    """Does the report count over several days ("over the past week")?"""
    end = report.event_date_end or report.event_date
    return report.event_date is not None and end is not None and (end - report.event_date).days >= ROUNDUP_DAYS


def _close_tolls(a: int, b: int) -> bool:
    """The same toll, or a distinctive one counted a little differently ("ten killed" / "eleven killed" when a
    rocket hit a bus): reports revise tolls as the wounded die."""
    return a == b or min(a, b) >= DISTINCTIVE_TOLL and max(a, b) <= CLOSE_TOLL_RATIO * min(a, b)


def _same_region_report(a: Report, b: Report) -> bool:
    """Two reports placed only in one region tell of one event on the very same days with the same dead."""
    different_tolls = told_toll(a) is not None and told_toll(b) is not None and told_toll(a) != told_toll(b)
    return _same_days(a, b) and not different_tolls and not _dead_of_different_sides(a, b)


def _same_days(a: Report, b: Report) -> bool:
    return a.event_date == b.event_date and a.event_date_end == b.event_date_end


def _sides_of_the_dead(report: Report) -> set[str]:
    mentions = report.mentions if isinstance(report, Event) else (report,)
    return {side for m in mentions if (side := _side_of_the_dead(m))}


def _side_of_the_dead(mention: Mention) -> str | None:
    """Who the mention's dead were, by the words of its toll or, when those say only how many ("kills
    one"), by the words naming whom the violence hit ("one militiaman")."""
    if "fatalities" not in mention.evidence:
        return None
    quotes = [mention.evidence[name].quote for name in ("fatalities", "actor2") if name in mention.evidence]
    return next((side for quote in quotes if (side := side_of_the_dead(quote))), None)


def _vague_toll(report: Report) -> bool:
    """Is the report's toll only ever given as a guess ("dozens killed")?"""
    mentions = report.mentions if isinstance(report, Event) else (report,)
    quotes = [m.evidence["fatalities"].quote for m in mentions
              if m.fatalities == told_toll(report) and "fatalities" in m.evidence]
    return bool(quotes) and all(vague_figure(quote) for quote in quotes)


def _dead_of_different_sides(a: Report, b: Report) -> bool:
    sides_a, sides_b = _sides_of_the_dead(a), _sides_of_the_dead(b)
    return bool(sides_a and sides_b and not sides_a & sides_b)


def _tolls(a: Report, b: Report) -> Check | None:
    """Different death tolls on different days are different events ("five killed in Donetsk" on Monday,
    "three killed in Donetsk" on Tuesday); on the same day they are often one event counted twice. An undated
    report with another toll has nothing else to tie it."""
    toll_a, toll_b = told_toll(a), told_toll(b)
    if toll_a is None or toll_b is None or toll_a == toll_b:
        return None
    if a.event_date is not None and a.event_date == b.event_date:
        return None
    if a.event_date is None or b.event_date is None:
        return Check("toll", False, f"{toll_a} vs {toll_b} killed, one report undated")
    return Check("toll", False, f"{toll_a} vs {toll_b} killed, on different days")


def _target(a: Report, b: Report) -> Check | None:
    if a.target_class and b.target_class:
        same = a.target_class == b.target_class
        return Check("target", same, f"both {a.target_class}" if same else f"{a.target_class} vs {b.target_class}")
    return None


def _actors(a: Report, b: Report) -> Check | None:
    if not a.actor1 or not b.actor1:
        return None
    if a.event_type in TWO_SIDED_TYPES and b.event_type in TWO_SIDED_TYPES:
        sides_a = {side for side in (a.actor1, a.actor2) if side is not None}
        sides_b = {side for side in (b.actor1, b.actor2) if side is not None}
        # one side may go unnamed in a report; where both name two, they must be the same two
        same = sides_a == sides_b if len(sides_a) == len(sides_b) == 2 else bool(sides_a & sides_b)
        if len(sides_a) == len(sides_b) == 1 and not same:
            # "30 separatists killed in Slaviansk fighting" and "Ukraine forces suffer casualties in Slaviansk
            # clash" name one side each: the battle's two sides, if they fight on opposite sides of the war.
            same = _opposite_sides(*sides_a, *sides_b)
    else:  # and where both name who was hit, the same
        same = a.actor1 == b.actor1 and (not a.actor2 or not b.actor2 or a.actor2 == b.actor2)
    return Check("actors", same, f"both by {a.actor1}" if same else f"{a.actor1} vs {b.actor1}")


def _opposite_sides(actor_a: str, actor_b: str) -> bool:
    side_a, side_b = claimant_side(actor_a, None), claimant_side(actor_b, None)
    return side_a is not None and side_b is not None and side_a != side_b



