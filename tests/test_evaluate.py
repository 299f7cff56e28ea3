"""Evaluation against gold: matching and every field scorer on hand-made events, and one small real run."""

from __future__ import annotations

import json
from datetime import date

import pytest

from sitrep.evaluation import (
    GoldRow,
    admin1_same,
    errors,
    evaluate_files,
    field_outcomes,
    format_report,
    match,
    score,
)
from sitrep.model import Document, Event, Mention, Place


def gold_event(**fields) -> dict:
    base = dict.fromkeys(
        ["event_type", "sub_event_type", "date_start", "date_end", "admin1", "latitude", "longitude",
         "fatalities_low", "fatalities_best", "fatalities_high"]
    )
    return {**base, **fields}


def row(rid: str, doc_ids: list[str], event: dict | None, dataset: str = "d", where_prec: int | None = None,
        published: date | None = date(2015, 1, 10)) -> GoldRow:
    docs = tuple(Document(id=d, text=f"text of {d}", published=published) for d in doc_ids)
    ucdp = {"where_prec": where_prec} if where_prec is not None else None
    return GoldRow(rid, dataset, docs, event, ucdp)


def event(eid: str, doc_ids: list[str], sub: str = "Armed clash", etype: str = "Battles", place: Place | None = None,
          start: date | None = None, end: date | None = None, fatalities: int | None = None) -> Event:
    mentions = tuple(Mention(document_id=d, event_type=etype, sub_event_type=sub, sentence_start=0, sentence_end=5)
                     for d in doc_ids)
    return Event(id=eid, event_type=etype, sub_event_type=sub, mentions=mentions, place=place, event_date=start,
                 event_date_end=end, fatalities=fatalities)


# ---------------------------------------------------------------- matching


def test_match_prefers_greatest_jaccard_and_is_one_to_one():
    rows = [row("g1", ["a", "b"], gold_event()), row("g2", ["b"], gold_event())]
    events = [event("p1", ["a", "b"]), event("p2", ["b", "c", "d"])]
    matched = match(rows, events)
    assert matched[0].id == "p1"  # jaccard 1.0
    assert matched[1].id == "p2"  # p1 is taken; p2 overlaps g2 at 1/3
    only_one = match(rows, events[:1])
    assert list(only_one) == [0]  # extra gold events get nothing from an already used event


def test_match_breaks_ties_on_field_agreement():
    place_a = Place("A", admin1="Donetsk Oblast", latitude=48.0, longitude=37.8)
    place_b = Place("B", admin1="Luhansk Oblast", latitude=48.56, longitude=39.3)
    rows = [row("ga", ["x"], gold_event(admin1="Donetsk oblast")), row("gb", ["x"], gold_event(admin1="Luhansk oblast"))]
    events = [event("pb", ["x"], place=place_b), event("pa", ["x"], place=place_a)]
    matched = match(rows, events)
    assert matched[0].id == "pa" and matched[1].id == "pb"


def test_no_event_rows_are_never_matched():
    rows = [row("n", ["x"], None)]
    assert match(rows, [event("p", ["x"])]) == {}


# ---------------------------------------------------------------- field scorers


def test_types_and_subtypes():
    r = row("g", ["a"], gold_event(event_type="Battles", sub_event_type="Armed clash"))
    assert field_outcomes(r, event("p", ["a"])) == {"event_type": True, "sub_event_type": True}
    assert field_outcomes(r, event("p", ["a"], sub="Attack", etype="Violence against civilians")) == {
        "event_type": False, "sub_event_type": False}
    assert field_outcomes(r, None) == {"event_type": False, "sub_event_type": False}


@pytest.mark.parametrize(
    ("start", "end", "right"),
    [
        (date(2015, 1, 5), None, True),
        (date(2015, 1, 4), None, True),  # one day before the gold range
        (date(2015, 1, 3), None, False),
        (date(2015, 1, 7), date(2015, 1, 8), True),  # overlaps
        (date(2015, 1, 1), date(2015, 1, 8), False),  # too wide: 7 days > 2 + 2
        (date(2015, 1, 3), date(2015, 1, 7), True),  # 4 days wide = gold width + 2
        (None, None, False),
    ],
)
def test_date(start, end, right):
    r = row("g", ["a"], gold_event(date_start="2015-01-05", date_end="2015-01-07"))
    assert field_outcomes(r, event("p", ["a"], start=start, end=end)) == {"date": right}


def test_date_needs_a_published_document():
    r = row("g", ["a"], gold_event(date_start="2015-01-05", date_end="2015-01-05"), published=None)
    assert field_outcomes(r, event("p", ["a"], start=date(2015, 1, 5))) == {}


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [
        ("Kyiv City", "Kiev Special Republican city", True),
        ("Kyiv", "Kiev Special Republican city", True),
        ("Kyiv Oblast", "Kyiv", True),
        ("Kyiv Oblast", "Kiev Special Republican city", False),
        ("Donetsk Oblast", "Donetsk oblast", True),
        ("Donetska oblast", "Donetsk Oblast", True),
        ("Luhansk Oblast", "Lugansk region", True),
        ("Zaporizhzhia Oblast", "Zaporozhye", True),
        ("Odesa Oblast", "Odessa oblast", True),
        ("Mykolaiv Oblast", "Nikolaev oblast", True),
        ("Dnipropetrovsk Oblast", "Dnepropetrovsk oblast", True),
        ("Zakarpattia Oblast", "Transcarpathia", True),
        ("Kharkiv Oblast", "Kharkov oblast", True),
        ("Donetsk Oblast", "Luhansk oblast", False),
        (None, "Donetsk oblast", False),
    ],
)
def test_admin1_names(predicted, gold, same):
    assert admin1_same(predicted, gold) is same


def test_point_radius_depends_on_where_prec():
    gold = gold_event(latitude=48.0, longitude=37.8)
    near = Place("P", latitude=48.3, longitude=37.8)  # about 33 km north
    assert field_outcomes(row("g", ["a"], gold, where_prec=1), event("p", ["a"], place=near)) == {"point": False}
    assert field_outcomes(row("g", ["a"], gold, where_prec=2), event("p", ["a"], place=near)) == {"point": True}
    assert field_outcomes(row("g", ["a"], gold, where_prec=4), event("p", ["a"], place=near)) == {}
    assert field_outcomes(row("g", ["a"], gold), event("p", ["a"], place=near)) == {}  # not UCDP


@pytest.mark.parametrize(("predicted", "right"), [(2, True), (4, True), (5, False), (1, False), (None, False)])
def test_fatalities_within_low_high(predicted, right):
    r = row("g", ["a"], gold_event(fatalities_low=2, fatalities_best=3, fatalities_high=4))
    assert field_outcomes(r, event("p", ["a"], fatalities=predicted)) == {"fatalities": right}


# ---------------------------------------------------------------- aggregate scores


def test_score_counts_over_every_gold_event():
    rows = [
        row("g1", ["a"], gold_event(event_type="Battles", sub_event_type="Armed clash")),
        row("g2", ["b"], gold_event(event_type="Protests", sub_event_type="Peaceful protest")),
        row("n1", ["c"], None),
        row("n2", ["d"], None),
    ]
    events = [event("p1", ["a"]), event("p2", ["a"], sub="Attack"), event("p3", ["c"], sub="Attack")]
    s = score(rows, events)["datasets"]["d"]
    assert s["found"] == {"score": 0.5, "n": 2}
    assert s["event_precision"] == {"score": 1 / 3, "n": 3}
    assert s["events_per_doc"] == 3 / 4
    assert s["no_event"] == {"score": 0.5, "n": 2}
    assert s["sub_event_type"] == {"score": 0.5, "n": 2}
    assert s["sub_event_type_if_found"] == {"score": 1.0, "n": 1}
    assert s["confusion"] == {"Armed clash": {"Armed clash": 1}, "Peaceful protest": {"none": 1},
                              "none": {"Attack": 1, "none": 1}}
    # F1: Armed clash 1.0, Peaceful protest 0.0, none 2*1/(2+1+1) = 0.5
    assert s["sub_event_macro_f1"] == pytest.approx(0.5)


def test_grouping_pairs_restricted_to_gold_documents():
    rows = [row("g1", ["a", "b", "c"], gold_event()), row("g2", ["d"], gold_event())]
    events = [event("p1", ["a", "b", "x"]), event("p2", ["c", "d"])]
    s = score(rows, events)["datasets"]["d"]
    # gold pairs ab ac bc; predicted pairs ab cd (x is not a gold document)
    assert s["group_link_p"] == 0.5
    assert s["group_link_r"] == pytest.approx(1 / 3)
    assert s["group_link_f1"] == pytest.approx(0.4)
    assert s["group_link_r_ceiling"] == 1.0  # every gold document yields an event
    assert score(rows, [event("p1", ["a", "b"])])["datasets"]["d"]["group_link_r_ceiling"] == pytest.approx(1 / 3)


def test_grouping_counts_the_gold_links_a_specific_tie_could_make():
    from dataclasses import replace

    day = date(2019, 5, 6)
    town = Place("Avdiivka", "Ukraine", "UA", "Donetsk Oblast", None, 48.14, 37.74, 713174, geo_precision=1)

    def report(doc: str, place: Place | None = None, toll: int | None = None) -> Mention:
        return Mention(doc, "Battles", "Armed clash", 0, 5, day, day, 1, place=place, fatalities=toll)

    # gold: one event told by four reports; sitrep read each as its own event
    rows = [row("g1", ["a", "b", "c", "d"], gold_event())]
    reports = [report("a", town), report("b", town), report("c", toll=2), report("d", toll=2)]
    events = [replace(event(f"p{m.document_id}", []), mentions=(m,)) for m in reports]
    s = score(rows, events)["datasets"]["d"]
    # of six gold links, two are tied by something specific: the same town (ab) and the same toll (cd); the
    # rest share only the day ("fighting near Avdiivka" / "two killed in the east")
    assert s["group_link_r"] == 0.0
    assert s["group_link_r_tied"] == pytest.approx(2 / 6)


def test_score_per_dataset_and_overall_and_errors():
    rows = [row("g1", ["a"], gold_event(fatalities_best=3), dataset="one"),
            row("g2", ["b"], gold_event(fatalities_best=1), dataset="two")]
    events = [event("p1", ["a"], fatalities=3), event("p2", ["b"], fatalities=2)]
    result = score(rows, events)
    assert set(result["datasets"]) == {"one", "two", "overall"}
    assert result["datasets"]["overall"]["fatalities"] == {"score": 0.5, "n": 2}
    wrong = errors(rows, events, 5)
    assert wrong["fatalities"] == [{"id": "g2", "gold": [None, 1, None], "predicted": 2, "found": True,
                                    "text": "text of b"}]
    assert "fatalities" in format_report(result)


# ---------------------------------------------------------------- a real run


def test_evaluate_files_end_to_end(tmp_path, embedded_gazetteer):
    from sitrep.pipeline import Pipeline

    gold_rows = [
        {"id": "u1", "dataset": "ucdp-test", "ucdp": {"where_prec": 1},
         "documents": [{"id": "d1", "published": "2015-01-20", "source": "AFP",
                        "text": "Three civilians were killed when shells hit a bus stop in Donetsk on Tuesday."},
                       {"id": "d2", "published": "2015-01-20", "source": "Reuters",
                        "text": "Shelling of Donetsk kills three civilians at a bus stop."}],
         "event": gold_event(date_start="2015-01-20", date_end="2015-01-20", admin1="Donetsk oblast",
                             latitude=48.023, longitude=37.80224, fatalities_low=3, fatalities_best=3,
                             fatalities_high=3)},
        {"id": "c1", "dataset": "case-test",
         "documents": [{"id": "d3", "published": None, "source": "x",
                        "text": "Thousands of students marched peacefully through the capital to protest fee increases."}],
         "event": gold_event(event_type="Protests", sub_event_type="Peaceful protest")},
        {"id": "c2", "dataset": "case-test",
         "documents": [{"id": "d4", "published": None, "source": "x",
                        "text": "The central bank kept interest rates unchanged on Thursday."}],
         "event": None},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in gold_rows) + "\n", encoding="utf-8")
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"something": "else"}) + "\n", encoding="utf-8")

    result = evaluate_files([path, other], Pipeline(embedded_gazetteer), errors_per_field=3)
    datasets = result["datasets"]
    assert set(datasets) == {"ucdp-test", "case-test", "overall"}
    assert datasets["ucdp-test"]["names_place"] == {"score": 1.0, "n": 1}
    assert datasets["case-test"]["no_event"]["n"] == 1
    assert 0 <= datasets["overall"]["found"]["score"] <= 1
    assert any("other.jsonl" in note for note in result["notes"])
    report = format_report(result)
    assert "ucdp-test" in report and "found" in report



# ---------------------------------------------------------------- whole articles (gold/README.md's full-article rule)


def article_row(rid, doc_id, event_fields, published=date(2022, 7, 20)):
    doc = Document(id=doc_id, text=f"text of {doc_id}", published=published)
    return GoldRow(rid, "fullarticle", (doc,), event_fields)


KHARKIV = Place("Kharkiv", admin1="Kharkiv Oblast", latitude=49.98, longitude=36.25, geo_precision=1)
LVIV = Place("Lviv", admin1="Lviv Oblast", latitude=49.84, longitude=24.03, geo_precision=1)


def strike_gold(**overrides):
    return gold_event(**{
        "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
        "date_start": "2022-07-19", "date_end": "2022-07-19", "admin1": "Kharkiv", "latitude": 49.98,
        "longitude": 36.25, "geo_precision": 1, "fatalities_best": 3, **overrides})


def test_an_article_event_counts_only_when_two_of_type_date_and_place_agree():
    rows = [article_row("g", "a", strike_gold())]
    shelling, remote = "Shelling/artillery/missile attack", "Explosions/Remote violence"
    right_type_and_day = event("p", ["a"], sub=shelling, etype=remote, place=LVIV, start=date(2022, 7, 19))
    right_place_only = event("q", ["a"], sub="Arrests", etype="Strategic developments", place=KHARKIV,
                             start=date(2022, 5, 1))
    assert match(rows, [right_type_and_day]) == {0: right_type_and_day}
    assert match(rows, [right_place_only]) == {}
    # the same pair in a dataset without the rule is matched on documents alone
    other = [GoldRow("g", "d", rows[0].documents, rows[0].event)]
    assert match(other, [right_place_only]) == {0: right_place_only}


def test_articles_report_the_deaths_summed_and_the_events_on_articles_with_none():
    rows = [article_row("g", "a", strike_gold()), article_row("n", "b", None)]
    events = [
        event("p", ["a"], sub="Shelling/artillery/missile attack", etype="Explosions/Remote violence",
              place=KHARKIV, start=date(2022, 7, 19), fatalities=3),
        event("q", ["b"], fatalities=37000),  # a war-long total read as a toll, on an article with no event
        event("r", ["b"]),
    ]
    s = score(rows, events)["datasets"]["fullarticle"]
    assert s["fatalities_sum_gold"] == 3 and s["fatalities_sum_pred"] == 37003
    assert s["events_on_no_event_docs"] == 2
    assert s["event_precision"] == {"score": 1 / 3, "n": 3}
    assert "events_on_no_event_docs" in format_report({"datasets": {"fullarticle": s}})


def test_articles_score_the_sides_and_the_verification_the_coder_stated():
    from dataclasses import replace

    russia = "Military Forces of Russia (2000-)"
    rows = [article_row("g", "a", strike_gold(actor1=russia, actor2=None, verification="claimed"))]
    found = event("p", ["a"], sub="Shelling/artillery/missile attack", etype="Explosions/Remote violence",
                  place=KHARKIV, start=date(2022, 7, 19))
    right = replace(found, actor1=russia, verification="unverified")  # a hedge of sitrep's is the coder's "claimed"
    s = score(rows, [right])["datasets"]["fullarticle"]
    assert s["actor1"] == {"score": 1.0, "n": 1} and s["verification"] == {"score": 1.0, "n": 1}
    assert "actor2" not in s  # the coder found no side acted upon: nothing to score
    s = score(rows, [replace(found, actor1=None, verification="confirmed")])["datasets"]["fullarticle"]
    assert s["actor1"]["score"] == 0.0 and s["verification"]["score"] == 0.0


def test_the_split_halves_are_disjoint_whole_articles_and_cover_the_file():
    from sitrep.evaluation.gold import in_split, split_of

    rows = [article_row(f"g{i}-{k}", f"article-{i}", strike_gold()) for i in range(40) for k in range(2)]
    tune, check = in_split(rows, "tune"), in_split(rows, "check")
    assert len(tune) + len(check) == len(rows) and tune and check
    for i in range(40):
        assert len({split_of(r) for r in rows if r.documents[0].id == f"article-{i}"}) == 1
    with pytest.raises(ValueError):
        in_split(rows, "test")


@pytest.mark.parametrize("dataset", ["fullarticle", "viina-ru-uk"])
def test_datasets_coded_per_document_are_each_read_on_their_own(tmp_path, embedded_gazetteer, dataset):
    """Whole articles (gold/CODING.md) and VIINA's reports (one gold event per report) code one strike told by
    two documents in each of them: the scorer must not merge them."""
    from sitrep.pipeline import Pipeline

    story = ("Russian missiles hit an industrial area of Kharkiv on Tuesday, killing three people, the regional "
             "governor said.\n\nGrain prices rose in Chicago on Monday.\n\nThe council will meet next week.\n\n"
             "Schools reopen in September.")
    rows = [{"id": f"fa-{n}", "dataset": dataset,
             "documents": [{"id": n, "published": "2022-07-20", "source": n, "text": story.replace("Chicago", n)}],
             "event": strike_gold()} for n in ("one", "two")]
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    s = evaluate_files([path], Pipeline(embedded_gazetteer))["datasets"][dataset]
    assert s["found"] == {"score": 1.0, "n": 2} and s["predicted_events"] == 2


def test_cross_validation_scores_each_fold_with_a_model_that_never_saw_it(tmp_path, embedded_gazetteer, monkeypatch):
    """`sitrep eval --cv K`: the shipped classifier learnt from the dev gold, so its figures there are training
    figures; each fold must be read by a model trained on the other folds only."""
    from sitrep.evaluation import crossval
    from sitrep.extractors import classifier_training
    from sitrep.pipeline import Pipeline

    texts = [f"Hundreds of teachers rallied outside the town hall of Lviv over unpaid wages in week {i}." for i in range(6)]
    texts += [f"The central bank left its interest rate unchanged at meeting number {i}." for i in range(6)]
    rows = [{"id": f"r{i}", "dataset": "case2021-task2",
             "documents": [{"id": f"d{i}", "published": "2022-07-20", "text": text}],
             "event": {"event_type": "Protests", "sub_event_type": "Peaceful protest"} if i < 6 else None}
            for i, text in enumerate(texts)]
    path = tmp_path / "short.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    trained_on, fit = [], classifier_training.fit_examples

    def recording_fit(examples, labels):
        trained_on.append(set(examples))
        return fit(examples, labels)

    monkeypatch.setattr(classifier_training, "fit_examples", recording_fit)
    result = evaluate_files([path], Pipeline(embedded_gazetteer), cv=3)
    from sitrep.evaluation.gold import load_gold

    folds = {i: crossval.fold_of(row, 3) for i, row in enumerate(load_gold([path])[0])}
    assert len(trained_on) == len(set(folds.values())) >= 2
    for seen, fold in zip(trained_on, sorted(set(folds.values()))):
        assert seen == {texts[i] for i, f in folds.items() if f != fold}  # every other fold, and none of its own
    assert result["datasets"]["case2021-task2"]["found"]["n"] == 6
    with pytest.raises(ValueError):
        evaluate_files([path], Pipeline(embedded_gazetteer), cv=1)


def test_a_period_keeps_the_rows_reported_in_it():
    from sitrep.evaluation.gold import in_period

    def row(name, published, start=None):
        document = Document(id=name, text="...", published=published)
        return GoldRow(name, "ucdp", (document,), {"date_start": start} if start else None)

    rows = [row("old", date(2017, 5, 1)), row("new", date(2020, 2, 3)), row("undated-event", None, "2019-06-01"),
            row("undated", None)]
    assert [r.id for r in in_period(rows, since=date(2019, 1, 1))] == ["new", "undated-event"]
    assert [r.id for r in in_period(rows, until=date(2018, 12, 31))] == ["old"]
    assert in_period(rows) == rows  # no period: every row, the undated too


def test_merge_stress_is_what_merging_loses():
    """Two clashes on one front told by two reports: merged into one event, one of them is lost."""
    from sitrep.evaluation.run import _add_merge_stress

    rows = [row("g1", ["a"], gold_event(event_type="Battles", sub_event_type="Armed clash")),
            row("g2", ["b"], gold_event(event_type="Battles", sub_event_type="Armed clash"))]
    merged = [event("p1", ["a", "b"])]
    result = score(rows, merged)
    _add_merge_stress(result, rows, merged)
    assert result["datasets"]["d"]["found"]["score"] == 0.5
    assert result["datasets"]["d"]["merge_stress"] == pytest.approx(0.5)
    apart = [event("p1", ["a"]), event("p2", ["b"])]
    result = score(rows, apart)
    _add_merge_stress(result, rows, apart)
    assert result["datasets"]["d"]["merge_stress"] == 0


def test_dense_fronts_are_events_with_another_close_in_place_and_time():
    from sitrep.evaluation.density import dense_rows

    def at(name, lat, lon, day):
        return row(name, [name], gold_event(latitude=lat, longitude=lon, date_start=day))

    rows = [at("a", 48.00, 37.80, "2015-01-10"), at("b", 48.05, 37.85, "2015-01-11"),  # 7 km and a day apart
            at("c", 48.00, 37.80, "2015-01-14"), at("d", 50.45, 30.52, "2015-01-10")]  # days later; Kyiv
    assert dense_rows(rows, list(range(4))) == {0, 1}
    scores = score(rows, [event("p1", ["a"]), event("p2", ["c"])])["datasets"]["d"]
    assert scores["found_dense"] == {"score": 0.5, "n": 2}


def test_reports_in_each_language_are_scored_apart():
    kharkiv_gold = strike_gold(admin1="Kharkiv Oblast")
    docs = [Document(id=d, text=f"text of {d}", published=date(2022, 7, 20)) for d in ("u1", "u2", "r1", "b1")]
    rows = [GoldRow("u1", "viina", (docs[0],), kharkiv_gold, lang="uk"),
            GoldRow("u2", "viina", (docs[1],), kharkiv_gold, lang="uk"),
            GoldRow("r1", "viina", (docs[2],), kharkiv_gold, lang="ru"),
            GoldRow("b1", "viina", (docs[3],), kharkiv_gold, lang="ru|uk")]
    found = [event(d, [d], sub="Shelling/artillery/missile attack", etype="Explosions/Remote violence",
                   place=KHARKIV, start=date(2022, 7, 19)) for d in ("u1", "r1", "b1")]
    s = score(rows, found)["datasets"]["viina"]
    assert s["found_uk"] == {"score": 0.5, "n": 2} and s["found_ru"] == {"score": 1.0, "n": 1}
    assert s["admin1_uk"]["n"] == 2 and s["found"]["n"] == 4  # a text of either language counts in neither slice
