"""The command line: the same pipeline as the app, headless.

Exit status: 0 on success; 2 for any user error (one line on stderr, no traceback, no output file
left behind). Commands: demo-store, build, import, countries, topics, templates; quote, figure,
suggest and source (in `briefer.cli_sources`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from briefer import __version__, cli_curation, cli_sources
from briefer.cli_output import add_lang_options, error_line, message_lang, print_report
from briefer.core.domain import LANGUAGES, MARKINGS, TRENDS, BriefingOptions
from briefer.core.errors import BrieferError

USER_ERROR = 2


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {text!r}: use YYYY-MM-DD, e.g. 2023-06-01") from None


def _marking(text: str) -> str:
    value = text.strip().upper()
    value = value if value.startswith("TLP:") else f"TLP:{value}"
    if value not in MARKINGS:
        raise argparse.ArgumentTypeError(f"unknown marking {text!r}; use one of {', '.join(MARKINGS)}")
    return value


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="briefer", description="Offline security briefings (PDF) from a local store.")
    root.add_argument("--version", action="version", version=f"briefer {__version__}")
    commands = root.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = commands.add_parser("demo-store", help="write the built-in demo store to PATH")
    demo.add_argument("path", type=Path, metavar="PATH")
    demo.add_argument("--force", action="store_true", help="replace PATH if it exists")

    build = commands.add_parser("build", help="build a PDF briefing")
    _store_option(build)
    build.add_argument("--country", action="append", required=True, metavar="C",
                       help="ISO3, ISO2, English or French name; repeat for several countries")
    build.add_argument("--from", dest="start", type=_date, required=True, metavar="YYYY-MM-DD")
    build.add_argument("--to", dest="end", type=_date, required=True, metavar="YYYY-MM-DD")
    build.add_argument("--topic", required=True, metavar="SLUG", help="see `briefer topics`")
    build.add_argument("--template", default="country-brief", metavar="NAME", help="see `briefer templates`")
    build.add_argument("--lang", choices=LANGUAGES, default=None,
                       help="language of the briefing and of error messages (default: en)")
    build.add_argument("--marking", type=_marking, default="TLP:AMBER", metavar="TLP:…",
                       help=f"handling marking: {', '.join(MARKINGS)}")
    build.add_argument("--title", default="")
    build.add_argument("--subtitle", default="")
    build.add_argument("--author", default="")
    build.add_argument("--organisation", default="")
    build.add_argument("--date", dest="issued", type=_date, metavar="YYYY-MM-DD", help="date of issue (default: today)")
    build.add_argument("--paper", choices=("a4", "letter"), default=None)
    build.add_argument("--quotations", type=int, default=None, metavar="N", help="number of quotations (default: the template's)")
    build.add_argument("--message", action="append", default=[], metavar="TEXT", help="a key message; repeat for several")
    build.add_argument("--password", default=None, metavar="TEXT",
                       help="encrypt the PDF (AES-256): it opens only with TEXT, prints, but cannot be copied or edited")
    build.add_argument("--redact", action="store_true",
                       help="for wider release: places to region (admin 1) only, no event points on the map, "
                            "protected sources not named")
    build.add_argument("--report-number", default="", metavar="N",
                       help="report number in a weekly update's header (default: the ISO week of --to)")
    build.add_argument("--citation-style", default="", metavar="STYLE",
                       help="numbered, author-date or a CSL style file (FILE.csl); default: the template's")
    build.add_argument("--outlook", default=None, metavar="TEXT", help="the analyst's outlook (a paragraph)")
    build.add_argument("--trend", choices=TRENDS, default=None, help="overall trend, shown on the cover")
    build.add_argument("--risk", action="append", default=[], metavar="THREAT;L;I",
                       help="a threat for the risk matrix with likelihood and impact 1-5; repeat for several")
    build.add_argument("--analyst-input", type=Path, default=None, metavar="FILE.toml",
                       help="outlook, trend, messages and [[risks]] from a TOML file (options given add to it)")
    build.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")

    _import_command(commands)
    cli_sources.add_commands(commands)
    cli_curation.add_commands(commands)

    for name, text in (("countries", "list countries (those with events first)"), ("topics", "list topics"),
                       ("templates", "list briefing templates")):
        _store_option(commands.add_parser(name, help=text))
    cli_curation.add_topic_actions(commands.choices["topics"])
    add_lang_options(root)
    return root


def _import_command(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    command = commands.add_parser("import", help="import an event file (ACLED, UCDP GED, your incident log), a document "
                                                 "or references")
    command.add_argument("kind", choices=("acled", "ucdp", "incidents", "document", "references", "boundaries"),
                         help="what the file is: an event file, a document (web page, PDF, text, Markdown), "
                              "a reference list (RIS, BibTeX, CSL JSON) or region outlines (GeoJSON)")
    command.add_argument("file", type=Path, metavar="FILE")
    command.add_argument("--store", type=Path, required=True, metavar="PATH",
                         help="the store file (created, with reference data, if it does not exist)")
    command.add_argument("--dry-run", action="store_true", help="check the file and count; write nothing")
    command.add_argument("--accept-bad-rows", action="store_true",
                         help="import the good rows (or entries) of a file that has bad ones (default: refuse the file)")
    command.add_argument("--dataset-accessed", type=_date, default=None, metavar="YYYY-MM-DD",
                         help="when the data was downloaded (default: today)")
    cli_sources.add_document_options(command)
    cli_curation.add_incident_options(command)


def _store_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--store", type=Path, default=None, metavar="PATH",
                         help="the store file (default: your store in the user data folder)")


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return {"demo-store": _demo_store, "build": _build, "import": _import, "countries": _countries,
                "topics": _topics, "templates": _templates, "quote": cli_sources.quote, "figure": cli_sources.figure,
                "suggest": cli_sources.suggest, "source": cli_sources.source,
                "actors": cli_curation.actors}[args.command](args)
    except BrieferError as exc:
        print(error_line(exc, message_lang(args)), file=sys.stderr)
        return USER_ERROR
    except KeyboardInterrupt:
        print("briefer: interrupted", file=sys.stderr)
        return 130


def _demo_store(args: argparse.Namespace) -> int:
    from briefer.core.demo.build import build_demo_store

    path = build_demo_store(args.path, overwrite=args.force)
    print(path)
    return 0


def _build(args: argparse.Namespace) -> int:
    from briefer.core.pipeline import BuildRequest, build_pdf

    if args.quotations is not None and args.quotations < 0:
        raise BrieferError.of("cli-quotations")
    if args.password is not None and not args.password:
        raise BrieferError.of("cli-empty-password")
    options = BriefingOptions(
        title=args.title, subtitle=args.subtitle, author=args.author, organisation=args.organisation,
        issued=args.issued, marking=args.marking, language=args.lang or "en", key_messages=tuple(args.message),
        top_quotations=args.quotations, redact=args.redact,
        report_number=args.report_number.strip(),
    )
    options = _with_analyst_input(args, options)
    request = BuildRequest(
        countries=tuple(args.country), start=args.start, end=args.end, topic=args.topic, out=args.out,
        store=args.store, template=args.template, options=options, paper=args.paper,
        password=args.password,
    )
    print(build_pdf(request))
    return 0


def _with_analyst_input(args: argparse.Namespace, options: BriefingOptions) -> BriefingOptions:
    """cite5: citation style and analyst input from the options (and --analyst-input FILE)."""
    from dataclasses import replace

    from briefer.core.analystinput import AnalystInput, parse_risk, read_analyst_file

    given = read_analyst_file(args.analyst_input) if args.analyst_input else AnalystInput()
    return replace(
        options, citation_style=args.citation_style,
        key_messages=given.messages + options.key_messages,
        outlook=args.outlook if args.outlook is not None else given.outlook,
        overall_trend=args.trend or given.trend,
        risks=given.risks + tuple(parse_risk(text) for text in args.risk),
    )


def _import(args: argparse.Namespace) -> int:
    from briefer.core.importers import import_into

    cli_sources.check_import_options(args)
    cli_curation.check_incident_options(args)
    if args.kind == "incidents":
        return cli_curation.import_incidents(args)
    if args.kind == "document":
        return cli_sources.import_document(args)
    if args.kind == "references":
        return cli_sources.import_references(args)
    if args.kind == "boundaries":
        return cli_sources.import_boundaries(args)

    report = import_into(args.store, args.kind, args.file, dry_run=args.dry_run,
                         accept_bad_rows=args.accept_bad_rows, accessed=args.dataset_accessed)
    print_report(report.errors, report.rejected, (report.vanished_note(), *report.notes), report.outcome(),
                 refused=report.refused, lang=message_lang(args))
    print(report.summary())
    return USER_ERROR if report.refused else 0


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from briefer.core.pipeline import default_store
    from briefer.core.store.db import open_store

    return open_store(args.store or default_store(), read_only=True)


def _countries(args: argparse.Namespace) -> int:
    from briefer.core.store import reads

    with _open(args) as store:
        counts = reads.countries_with_events(store)
        rows = sorted(reads.countries(store), key=lambda c: (-counts.get(c.iso3, 0), c.name_en))
    for c in rows:
        events = f"{counts[c.iso3]:>8} events" if c.iso3 in counts else ""
        print(f"{c.iso3}  {c.iso2}  {c.name_en:<40} {c.name_fr:<40} {events}".rstrip())
    return 0


def _topics(args: argparse.Namespace) -> int:
    from briefer.core.store import reads

    if args.topics_action:
        return cli_curation.topics(args)

    with _open(args) as store:
        for t in reads.topics(store):
            print(f"{t.slug:<20} {t.label_en} / {t.label_fr}\n{'':<20} {t.description_en}")
    return 0


def _templates(args: argparse.Namespace) -> int:
    from briefer.core.templates import load_templates

    for name, template in sorted(load_templates().items()):
        print(f"{name:<20} {template.description_en}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
