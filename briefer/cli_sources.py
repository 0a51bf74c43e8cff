"""The command line for documents, references, quotations and figures (see `briefer.cli`).

`briefer import document|references`, `briefer quote add`, `briefer figure add`, `briefer suggest`,
`briefer source show|edit`. Each handler returns the exit status; a user's mistake raises a
`BrieferError`, which `briefer.cli.main` turns into one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from briefer.cli_output import message_lang, print_report
from briefer.core.errors import BrieferError
from briefer.core.messages import localise, msg

DOCUMENT_OPTIONS = ("title", "author", "publisher", "date", "url", "language")


def add_document_options(command: argparse.ArgumentParser) -> None:
    """--title, --author …, --publisher, --date, --url, --language (for `import document`)."""
    group = command.add_argument_group("document details (import document only; override what the file says)")
    group.add_argument("--title", default=None)
    group.add_argument("--author", action="append", default=None, metavar="A", help="repeat for several authors")
    group.add_argument("--publisher", default=None)
    group.add_argument("--date", default=None, metavar="YYYY[-MM[-DD]]", help="publication date")
    group.add_argument("--url", default=None)
    group.add_argument("--language", default=None, choices=("en", "fr"))
    command.add_argument("--country", default=None, metavar="C",
                         help="the country whose regions the file outlines (import boundaries only)")


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """The quote, figure, suggest and source commands."""
    quote = commands.add_parser("quote", help="add a quotation checked against its source")
    add = quote.add_subparsers(dest="action", required=True, metavar="ACTION").add_parser(
        "add", help="add a verbatim quotation (or a paraphrase) from a stored source")
    _store(add)
    _source(add)
    add.add_argument("--text", required=True, help="the words, exactly as in the source")
    add.add_argument("--speaker", default="")
    add.add_argument("--locator", default="", metavar="L", help='e.g. "p. 4" (default: computed from the text)')
    add.add_argument("--country", action="append", default=[], metavar="C", help="repeat for several")
    add.add_argument("--topic", action="append", default=[], metavar="SLUG", help="repeat for several")
    add.add_argument("--paraphrase", action="store_true", help="not the source's own words: skip the verbatim check")

    figure = commands.add_parser("figure", help="add a key figure checked against its source")
    fig = figure.add_subparsers(dest="action", required=True, metavar="ACTION").add_parser(
        "add", help="add a key figure stated in a stored source")
    _store(fig)
    _source(fig)
    fig.add_argument("--sentence", required=True, help="the sentence stating it, exactly as in the source")
    fig.add_argument("--label", required=True, help='e.g. "People displaced by the conflict, Mali"')
    fig.add_argument("--label-fr", default="", metavar="L")
    fig.add_argument("--value", required=True, metavar="V", help="375000, 375,000, 6 000 or 1.5")
    fig.add_argument("--unit", required=True, metavar="U", help="people, deaths, attacks, percent…")
    fig.add_argument("--qualifier", default="", metavar="Q", help="over, about, nearly, at least, up to, less than")
    fig.add_argument("--as-of", default="", metavar="YYYY[-MM[-DD]]")
    fig.add_argument("--country", default="", metavar="C", help="default: the one country the sentence names")
    fig.add_argument("--topic", default="", metavar="SLUG")
    fig.add_argument("--locator", default="", metavar="L")

    suggest = commands.add_parser("suggest", help="propose quotations and figures from a stored document")
    _store(suggest)
    _source(suggest)
    suggest.add_argument("--limit", type=int, default=20, metavar="N")

    source = commands.add_parser("source", help="show or edit a source's details")
    actions = source.add_subparsers(dest="action", required=True, metavar="ACTION")
    show = actions.add_parser("show", help="print a source's details")
    edit = actions.add_parser("edit", help="change a source's details")
    for command in (show, edit):
        command.add_argument("id", type=int, metavar="ID")
        _store(command)
    for name in ("title", "publisher", "container", "date", "url", "accessed", "language", "kind", "note"):
        edit.add_argument(f"--{name}", default=None)
    edit.add_argument("--author", action="append", default=None, metavar="A", help="replaces the authors; repeat")


def _store(command: argparse.ArgumentParser) -> None:
    command.add_argument("--store", type=Path, required=True, metavar="PATH", help="the store file")


def _source(command: argparse.ArgumentParser) -> None:
    command.add_argument("--source", type=int, required=True, metavar="ID", help="the source's id")


def check_import_options(args: argparse.Namespace) -> None:
    """Document options are only for documents; --dataset-accessed only for event files;
    --country always for boundaries, and otherwise only for incident logs (a default country)."""
    if args.kind == "boundaries" and args.country is None:
        raise BrieferError.of("cli-country-needed")
    if args.country is not None and args.kind not in ("boundaries", "incidents"):
        raise BrieferError.of("cli-country-only")
    if args.kind != "document":
        for name in DOCUMENT_OPTIONS:
            if getattr(args, name) is not None:
                raise BrieferError.of("cli-option-only", option=f"--{name}", kind="document")
    if args.kind not in ("acled", "ucdp") and args.dataset_accessed is not None:
        raise BrieferError.of("cli-accessed-only")
    if args.kind == "document" and args.accept_bad_rows:
        raise BrieferError.of("cli-accept-bad-rows")


def import_document(args: argparse.Namespace) -> int:
    from briefer.core.importers.documents import Overrides, import_document_into, preview

    overrides = Overrides(title=args.title or "", authors=tuple(args.author or ()), publisher=args.publisher or "",
                          date=args.date or "", url=args.url or "", language=args.language or "")
    result = import_document_into(args.store, args.file, overrides=overrides, dry_run=args.dry_run)
    if args.dry_run:
        print("\n".join(preview(result)))
    for note in result.notes:
        print(localise(note, message_lang(args)))
    if args.dry_run:
        print("dry run: nothing was written" + ("" if result.duplicate else "; an import would add a new source"))
        if result.source_id is None:
            return 0
    print(f"source {result.source_id}")
    return 0


def import_boundaries(args: argparse.Namespace) -> int:
    from briefer.core.importers.boundaries import import_boundaries_into

    report = import_boundaries_into(args.store, args.file, args.country, dry_run=args.dry_run,
                                    accept_bad_rows=args.accept_bad_rows)
    outcome = (msg("cli-refused-features", count=report.rejected, file=report.file) if report.refused
               else msg("imp-dry-run") if report.dry_run else "")
    print_report(report.errors, report.rejected, report.notes, outcome, refused=report.refused,
                 lang=message_lang(args), more="cli-more-features")
    print(report.summary())
    return 2 if report.refused else 0


def import_references(args: argparse.Namespace) -> int:
    from briefer.core.importers.references import import_references_into, outcome, summary

    report = import_references_into(args.store, args.file, dry_run=args.dry_run, accept_bad_rows=args.accept_bad_rows)
    print_report(report.errors, report.rejected, report.notes, outcome(report), refused=report.refused,
                 lang=message_lang(args), more="cli-more-entries")
    print(summary(report))
    return 2 if report.refused else 0


def _writable(path: Path, *, read_only: bool = False):  # type: ignore[no-untyped-def]
    from briefer.core.store.db import open_store

    return open_store(path, read_only=read_only)


def quote(args: argparse.Namespace) -> int:
    from briefer.core.importers.capture import capture_quotation

    with _writable(args.store) as store:
        qid = capture_quotation(store, args.source, args.text, speaker=args.speaker, locator_text=args.locator,
                                countries=args.country, topics=args.topic, paraphrase=args.paraphrase)
        row = store.db.execute("SELECT locator FROM quotations WHERE id = ?", [qid]).fetchone()
    print(f"locator: {row[0] or '—'}")
    print(f"quotation {qid}")
    return 0


def figure(args: argparse.Namespace) -> int:
    from briefer.core.importers.capture import FigureInput, capture_figure

    given = FigureInput(sentence=args.sentence, label=args.label, value=args.value, unit=args.unit,
                        qualifier=args.qualifier, as_of=args.as_of, country=args.country, topic=args.topic,
                        label_fr=args.label_fr, locator=args.locator)
    with _writable(args.store) as store:
        fid = capture_figure(store, args.source, given)
        row = store.db.execute("SELECT locator, country_iso3 FROM figures WHERE id = ?", [fid]).fetchone()
    print(f"locator: {row[0] or '—'}, country: {row[1]}")
    print(f"figure {fid}")
    return 0


def suggest(args: argparse.Namespace) -> int:
    from briefer.core.importers.capture import source_candidates
    from briefer.core.store.db import open_store

    if args.limit < 1:
        raise BrieferError.of("cli-limit")
    with open_store(args.store, read_only=True) as store:
        found = source_candidates(store, args.source, args.limit)
    for rank, (c, where) in enumerate(found, start=1):
        tags = " · ".join((*c.countries, *c.topics))
        if c.kind == "figure":
            what = f"figure {c.qualifier + ' ' if c.qualifier else ''}{c.number} {c.unit or '(unit?)'} (value {c.value:g})"
        else:
            what = "quotation" + (f" ({c.speaker})" if c.speaker else "") + f" [{', '.join(c.reasons)}]"
        print(f"{rank}. {what}  {where.text}  {tags}".rstrip())
        print(f"   {c.text}")
    if not found:
        print("no candidates found in this source")
    return 0


def source(args: argparse.Namespace) -> int:
    from briefer.core.importers.sourcemeta import language_code, optional_date
    from briefer.core.store import reads, writes

    with _writable(args.store, read_only=args.action == "show") as store:
        if args.action == "edit":
            fields = {k: getattr(args, k) for k in ("title", "publisher", "container", "url", "kind", "note")
                      if getattr(args, k) is not None}
            try:
                if args.date is not None:
                    fields["published"] = optional_date(args.date)
                if args.language is not None:
                    fields["language"] = language_code(args.language)
            except ValueError as exc:
                raise BrieferError(exc.args[0]) from None
            if args.accessed is not None:
                fields["accessed"] = args.accessed or None
            if args.author is not None:
                fields["authors"] = [a for a in args.author if a.strip()]
            with store.db.atomic():
                writes.update_source(store, args.id, **fields)
        found = reads.source_full_text(store, args.id)
    if found is None:
        raise BrieferError.of("cli-no-source", id=args.id)
    s, text = found
    for name, value in (("title", s.title), ("authors", "; ".join(s.authors)), ("publisher", s.publisher),
                        ("container", s.container), ("published", s.published.iso if s.published else ""),
                        ("url", s.url), ("accessed", s.accessed.isoformat() if s.accessed else ""),
                        ("language", s.language), ("kind", s.kind), ("note", s.note),
                        ("text", f"{len(text.split()):,} words" if text else "none (a reference only)")):
        print(f"{name}: {value or '—'}")
    print(f"source {s.id}")
    return 0
