"""The `sitrep` command: thin wrappers over the library's functions, one per sub-command."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__, config
from .errors import SitrepError
from .export import FORMATS, write_events
from .language import LANGUAGES
from .model import to_dict
from .show import event_table, explain_event, explain_merge, explain_reports

if TYPE_CHECKING:
    from .model import Document, Event
    from .store import Store

EXAMPLES = """examples:
  sitrep ingest examples/ --published 2024-12-31
  sitrep ingest news.jsonl telegram_export/result.json
  sitrep events --country Russia --type "Air/drone strike"
  sitrep show ev-1a2b3c4d5e6f
  sitrep merge --explain ev-1a2b3c4d5e6f ev-6f5e4d3c2b1a
  sitrep export --format csv -o events.csv
  sitrep export --format parquet --table mentions -o mentions.parquet
  sitrep watch sources.yaml --once
  sitrep ingest --engine dask --workers 2 archive/
  sitrep gazetteer import UA.zip admin1CodesASCII.txt admin2Codes.txt
  sitrep geocode "A drone hit a depot in Yartsevo district of the Smolensk region"
  sitrep serve --port 8000 --db postgresql://sitrep@localhost/sitrep
"""


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return args.handler(args) or 0
    except SitrepError as error:
        print(f"sitrep: error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitrep",
        description="Conflict news in; a geocoded, source-attributed event database out.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"sitrep {__version__}")
    commands = parser.add_subparsers(metavar="COMMAND")

    ingest = _command(commands, "ingest", "read files into the event database", "sitrep ingest examples/ --published 2024-12-31")
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="text, JSONL, HTML or Telegram export files or folders")
    ingest.add_argument("--published", type=_date, help="publication date of plain-text files (YYYY-MM-DD)")
    ingest.add_argument("--source", help="outlet or channel of plain-text files")
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")
    _engine_options(ingest)
    _db_option(ingest)
    ingest.set_defaults(handler=_ingest)

    events = _command(commands, "events", "list events as a table", "sitrep events --since 2024-12-01 --country RU")
    _filter_options(events)
    _db_option(events)
    events.set_defaults(handler=_events)

    show = _command(commands, "show", "one event with its reports and evidence; or one document's reports, event or not, and why", "sitrep show ev-1a2b3c4d5e6f")
    show.add_argument("event_id", metavar="EVENT_ID|DOCUMENT_ID")
    _db_option(show)
    show.set_defaults(handler=_show)

    merge = _command(commands, "merge", "merge reports not yet in an event; or explain why two events are or are not one", "sitrep merge --explain ev-1a2b3c4d5e6f ev-6f5e4d3c2b1a")
    merge.add_argument("--explain", nargs=2, metavar=("EVENT_A", "EVENT_B"), help="compare two events check by check")
    _db_option(merge)
    merge.set_defaults(handler=_merge)

    export = _command(commands, "export", "write events as JSONL, CSV, GeoJSON or Parquet", "sitrep export --format geojson -o events.geojson")
    export.add_argument("--format", choices=[*FORMATS, "parquet"], default="jsonl")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: standard output; parquet needs one)")
    export.add_argument("--table", choices=["events", "mentions"], default="events", help="with --format parquet: one row an event (default) or a report")
    _filter_options(export)
    _db_option(export)
    export.set_defaults(handler=_export)

    extract = _command(commands, "extract", "print the event mentions of a text, stores nothing", 'sitrep extract "A drone hit a depot in Yartsevo on December 31" --published 2024-12-31')
    extract.add_argument("text")
    extract.add_argument("--published", type=_date)
    extract.add_argument("--explain", action="store_true",
                         help="for people: every report in the text, event or not, and why")
    extract.set_defaults(handler=_extract)

    gazetteer = _command(commands, "gazetteer", "the local gazetteer: import GeoNames files, show what is loaded", "sitrep gazetteer import UA.zip")
    gazetteer_commands = gazetteer.add_subparsers(metavar="ACTION")
    gz_import = _command(gazetteer_commands, "import", "import GeoNames dumps (country zips, allCountries, cities, admin codes, alternate names)", "sitrep gazetteer import UA.zip admin1CodesASCII.txt admin2Codes.txt")
    gz_import.add_argument("files", nargs="+", type=Path, metavar="FILE")
    gz_import.set_defaults(handler=_gazetteer_import)
    gz_info = _command(gazetteer_commands, "info", "what the gazetteer holds", "sitrep gazetteer info")
    gz_info.set_defaults(handler=_gazetteer_info)

    evaluate = _command(commands, "eval", "score the pipeline against human-coded gold JSONL (see ../shared/gold/README.md)", "sitrep eval ../shared/gold/ucdp_ukraine_2014_2021.dev.jsonl --errors 5")
    evaluate.add_argument("gold", nargs="+", type=Path, metavar="GOLD.jsonl")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("--errors", type=int, default=0, metavar="N", help="list N wrong cases per field (per error kind with --task geocode)")
    evaluate.add_argument("--limit", type=int, help="only the first N gold rows of each file")
    evaluate.add_argument("--split", choices=["tune", "check"],
                          help="only one half of the gold rows, split by document id: tune rules looking at 'tune', report 'check'")
    evaluate.add_argument("--since", type=_date, help="only gold rows reported on or after this date (YYYY-MM-DD): score a later period than the rules were tuned on")
    evaluate.add_argument("--until", type=_date, help="only gold rows reported on or before this date (YYYY-MM-DD)")
    evaluate.add_argument("--cv", type=int, metavar="K",
                          help="K-fold cross-validation: each fold read with a sub-event classifier trained on the other folds (for gold the shipped classifier learnt from)")
    evaluate.add_argument("--task", choices=["events", "geocode"], default="events",
                          help="events: the whole pipeline (default); geocode: toponym resolution alone, as `sitrep geocode --jsonl`")
    evaluate.set_defaults(handler=_evaluate)

    geocode = _command(commands, "geocode", "places named in a text, or in each document of a JSONL file", 'sitrep geocode --jsonl docs.jsonl')
    geocode.add_argument("text", nargs="?")
    geocode.add_argument("--jsonl", type=Path, help="documents, one JSON object per line, with id and text")
    geocode.set_defaults(handler=_geocode)

    _add_watch_command(commands)

    from .gate import add_gate_command

    add_gate_command(commands)
    _add_serve_command(commands)
    return parser


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help_text: str, example: str
) -> argparse.ArgumentParser:
    return commands.add_parser(
        name, help=help_text, description=help_text, epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="the event database (default: $SITREP_DB, else events.db in the user's data folder)")


def _filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", type=_date, help="events on or after this date")
    parser.add_argument("--until", type=_date, help="events on or before this date")
    parser.add_argument("--country", help="country name or ISO code")
    parser.add_argument("--type", dest="event_type", help="event type or sub-event type")
    parser.add_argument("--verification", choices=["unverified", "reported", "claimed", "confirmed", "disputed"])
    parser.add_argument("--language", choices=LANGUAGES, help="reported in this language (among others)")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from error


def _open_store(args: argparse.Namespace, create: bool = False) -> Store:
    """The database to read (it must exist) or, with create, to write."""
    from .store import Store

    return Store.open(args.db or config.default_db(), create=create)


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    return dict(
        since=args.since, until=args.until, country=args.country,
        event_type=args.event_type, verification=args.verification, language=args.language,
    )


def _engine_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--engine", choices=["local", "dask"], default="local", help="local: this process (default); dask: partitions on a Dask cluster")
    parser.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="with --engine dask: the cluster's scheduler (default: a local cluster)")
    parser.add_argument("--workers", type=int, metavar="N", help="with --engine dask and no --scheduler: local worker processes (default: one a core)")


def _ingest(args: argparse.Namespace) -> int:
    from .jobs import ingest_paths

    with _open_store(args, create=True) as store:
        if args.engine == "dask":
            from .dask_ingest import ingest_paths_dask

            summary = ingest_paths_dask(args.paths, store, scheduler=args.scheduler, workers=args.workers,
                                        published=args.published, source=args.source, progress=not args.quiet)
        else:
            summary = ingest_paths(args.paths, store, published=args.published, source=args.source, progress=not args.quiet)
        for error in summary.errors:
            print(f"sitrep: {error}", file=sys.stderr)
        for warning in summary.warnings:
            print(f"sitrep: warning: {warning}", file=sys.stderr)
        print(summary)
        print(f"database: {store.path}")
    return 1 if summary.errors else 0


def _events(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        print(event_table(list(store.events(**_filters(args)))))
    return 0


def _show(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        event = store.event(args.event_id)
        if event is not None:
            print(explain_event(event, store.document, color=sys.stdout.isatty()))
            return 0
        document = store.document(args.event_id)
        if document is None:
            raise SitrepError(f"no event or document {args.event_id!r} in {store.path} (see `sitrep events`)")
        return _show_document(store, document)


def _show_document(store: Store, document: Document) -> int:
    """A stored document read again: its reports, the events they joined, and those held back and why."""
    from .pipeline import Pipeline

    result = Pipeline().read(document)
    stored = {mention.key: event_id for mention, event_id in store.mentions_in(document.id)}
    print(explain_reports(document, result.mentions, result.dropped, lambda m: stored.get(m.key)))
    return 0


def _merge(args: argparse.Namespace) -> int:
    from .jobs import merge_new_mentions

    with _open_store(args) as store:
        if not args.explain:
            print(f"{merge_new_mentions(store)} events new or updated")
            return 0
        events = []
        for event_id in args.explain:
            event = store.event(event_id)
            if event is None:
                raise SitrepError(f"no event {event_id!r} in {store.path} (see `sitrep events`)")
            events.append(event)
        print(explain_merge(*events))
    return 0


def _export(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        events = store.events(**_filters(args))
        if args.format == "parquet":
            return _export_parquet(events, args)
        if args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                count = write_events(events, args.format, out)
            print(f"{count} events written to {args.output}", file=sys.stderr)
        else:
            write_events(events, args.format, sys.stdout)
    return 0


def _export_parquet(events: Iterable[Event], args: argparse.Namespace) -> int:
    from .export_parquet import write_parquet

    if not args.output:
        raise SitrepError("--format parquet writes a file: give it with -o FILE.parquet")
    count = write_parquet(events, args.output, table=args.table)
    print(f"{count} {args.table} written to {args.output}", file=sys.stderr)
    return 0


def _extract(args: argparse.Namespace) -> int:
    from .pipeline import read

    result = read(args.text, published=args.published)
    if args.explain:
        print(explain_reports(result.document, result.mentions, result.dropped))
        return 0
    for mention in result.mentions:
        print(json.dumps(to_dict(mention), ensure_ascii=False))
    return 0


def _gazetteer_import(args: argparse.Namespace) -> int:
    from .geo import Gazetteer

    gazetteer = Gazetteer.open()
    gazetteer.import_files(args.files)
    print(json.dumps(gazetteer.info(), indent=2, ensure_ascii=False))
    return 0


def _gazetteer_info(args: argparse.Namespace) -> int:
    from .geo import Gazetteer

    print(json.dumps(Gazetteer.open().info(), indent=2, ensure_ascii=False))
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from .evaluation import evaluate_files, format_report
    from .evaluation.geocode import evaluate_geocode_files

    for path in args.gold:
        if not path.is_file():
            raise SitrepError(f"{path}: no such gold file")
    if args.task == "geocode":
        result = evaluate_geocode_files(args.gold, limit=args.limit, errors_per_kind=args.errors, split=args.split)
    else:
        if args.cv is not None and args.cv < 2:
            raise SitrepError(f"--cv {args.cv}: cross-validation needs 2 folds or more")
        try:
            result = evaluate_files(args.gold, limit=args.limit, errors_per_field=args.errors, split=args.split, cv=args.cv,
                                    since=args.since, until=args.until)
        except ValueError as error:
            raise SitrepError(str(error)) from error
    print(json.dumps(result, indent=2, ensure_ascii=False, default=str) if args.json else format_report(result))
    return 0


def _geocode(args: argparse.Namespace) -> int:
    from .geocoding import geocode_jsonl, geocode_text

    if args.jsonl:
        return geocode_jsonl(args.jsonl, sys.stdout)
    if not args.text:
        raise SitrepError("give a TEXT to geocode or --jsonl DOCS.jsonl")
    return geocode_text(args.text, sys.stdout)


def _add_serve_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = _command(commands, "serve", "the REST API and the web map over the event database", "sitrep serve --port 8000 --tiles 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument("--token", help="bearer token that POST /api/documents requires (default: $SITREP_API_TOKEN; none: read-only)")
    serve.add_argument("--tiles", help="map tile URL template (default: $SITREP_TILES; none: country outlines only)")
    serve.add_argument("--db", help="SQLite file or postgresql:// address (default: $SITREP_DB, else events.db in the user's data folder)")
    serve.add_argument("--workers", type=int, default=1, help="server processes (default: 1); POST ingests are serialised per process only")
    serve.add_argument("--max-body-bytes", type=int, metavar="N", help="largest POST body accepted, in bytes (default: $SITREP_API_MAX_BODY_BYTES, else 10000000)")
    serve.set_defaults(handler=_serve)


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .api import ServeConfig, create_app
    from .api.app import keep_freed_memory

    settings = ServeConfig.from_env(db=args.db or config.default_db(), token=args.token, tiles=args.tiles,
                                    max_body_bytes=args.max_body_bytes)
    app = create_app(settings)  # also checks the database before any worker starts
    print(f"sitrep: serving {app.state.stores.get().path} on http://{args.host}:{args.port}/"
          + ("" if settings.token else " (read-only: no token)"), file=sys.stderr)
    if args.workers <= 1:
        keep_freed_memory()
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
        return 0
    app.state.stores.close()
    # Worker processes build their own app from the environment.
    os.environ.update({"SITREP_DB": settings.db, "SITREP_API_TOKEN": settings.token or "", "SITREP_TILES": settings.tiles or "",
                       "SITREP_API_MAX_BODY_BYTES": str(settings.max_body_bytes)})
    uvicorn.run("sitrep.api.app:app_from_env", factory=True, workers=args.workers, host=args.host, port=args.port, log_level="warning")
    return 0


def _add_watch_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    watch = _command(commands, "watch", "follow feeds and folders listed in a YAML/TOML file; new reports become events at once", "sitrep watch sources.yaml --once")
    watch.add_argument("config", type=Path, metavar="CONFIG", help="YAML or TOML file listing feeds and folders (see README)")
    watch.add_argument("--once", action="store_true", help="one round of every source, then exit (for cron): exit 1 if a source failed")
    _db_option(watch)
    watch.set_defaults(handler=_watch)


def _watch(args: argparse.Namespace) -> int:
    import logging
    import threading

    from .watch import Watcher, check_installed, load_config, stop_on_signals

    config = load_config(args.config)
    check_installed(config)  # before the database is opened (or made)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    with _open_store(args, create=True) as store, stop_on_signals(threading.Event()) as stop:
        summary = Watcher(config, store, stop=stop).run(once=args.once)
    print(summary, file=sys.stderr)
    return 1 if args.once and summary.failed_polls else 0


if __name__ == "__main__":
    sys.exit(main())
