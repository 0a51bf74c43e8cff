"""The command line for curation: incident logs, actor aliases and topic rules (see `briefer.cli`).

`briefer import incidents FILE …`, `briefer actors list|alias|unalias|builtin`, `briefer topics rules [SLUG]`,
`briefer topics rule add|remove SLUG FIELD PATTERN`. Each handler returns the exit status; a user's
mistake raises a `BrieferError`, which `briefer.cli.main` turns into one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from briefer.cli_output import message_lang, print_report
from briefer.core.errors import BrieferError

if TYPE_CHECKING:
    from briefer.core.aliases_data import ActorAlias

INCIDENT_OPTIONS = ("profile", "map", "save_profile", "dataset", "date_order")


def add_incident_options(command: argparse.ArgumentParser) -> None:
    """--profile, --map …, --save-profile, --dataset, --date-order (for `import incidents`)."""
    group = command.add_argument_group("incident log (import incidents only)")
    group.add_argument("--profile", default=None, metavar="NAME", help="a saved column mapping")
    group.add_argument("--map", action="append", default=None, metavar="FIELD=HEADING",
                       help="map a field (date, country, place, admin1, latitude, longitude, coordinates, actor, "
                            "target, act, impact, casualties, killed, injured, description, source, id) to a "
                            "column heading; repeat; replaces the profile's entry")
    group.add_argument("--save-profile", default=None, metavar="NAME", help="save the mapping used under NAME")
    group.add_argument("--dataset", default=None, metavar="NAME", help='the log\'s dataset (default "Incident log")')
    group.add_argument("--date-order", default=None, choices=("dmy", "mdy"),
                       help="how numeric dates are written (default dmy: 31/12/2024)")


def check_incident_options(args: argparse.Namespace) -> None:
    """The incident log options are only for `import incidents`."""
    if args.kind != "incidents":
        for name in INCIDENT_OPTIONS:
            if getattr(args, name) is not None:
                raise BrieferError.of("cli-option-only", option=f"--{name.replace('_', '-')}", kind="incidents")


def import_incidents(args: argparse.Namespace) -> int:
    from briefer.core.importers.incident_import import import_incidents_into
    from briefer.core.importers.profiles import describe_mapping, parse_map_items

    mapping = parse_map_items(args.map or ())
    report, profile, guessed = import_incidents_into(
        args.store, args.file, profile_name=args.profile, mapping=mapping, dataset=args.dataset,
        country=args.country, date_order=args.date_order, save_as=args.save_profile, dry_run=args.dry_run,
        accept_bad_rows=args.accept_bad_rows)
    if guessed:
        print(f"assumed columns (change with --map FIELD=HEADING): {describe_mapping(profile.mapping)}")
    print_report(report.errors, report.rejected, (report.vanished_note(), *report.notes), report.outcome(),
                 refused=report.refused, lang=message_lang(args))
    print(report.summary())
    return 2 if report.refused else 0


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """The actors command."""
    actors = commands.add_parser("actors", help="list, add or remove actor aliases (the names briefings show)")
    actions = actors.add_subparsers(dest="action", required=True, metavar="ACTION")
    _store(actions.add_parser("list", help="list actor aliases, by the name shown"))
    alias = actions.add_parser("alias", help="show actor ALIAS as ACTOR in briefings")
    alias.add_argument("alias", metavar="ALIAS", help="the name as a dataset writes it")
    alias.add_argument("actor", metavar="ACTOR", help="the name briefings show")
    alias.add_argument("--note", default="", help="why they are one actor")
    _store(alias)
    unalias = actions.add_parser("unalias", help="show ALIAS as written again")
    unalias.add_argument("alias", metavar="ALIAS")
    _store(unalias)
    _store(actions.add_parser("builtin", help="add the shipped aliases missing from the store (e.g. one made by an "
                                              "older briefer); your own are kept"))


def add_topic_actions(topics: argparse.ArgumentParser) -> None:
    """`topics rules [SLUG]` and `topics rule add|remove SLUG FIELD PATTERN` under `briefer topics`."""
    actions = topics.add_subparsers(dest="topics_action", required=False, metavar="ACTION")
    rules = actions.add_parser("rules", help="list the rules that tie events to a topic")
    rules.add_argument("slug", nargs="?", default=None, metavar="SLUG")
    _store(rules, required=False)
    rule = actions.add_parser("rule", help="add or remove a topic rule (events are re-tagged)")
    rule.add_argument("change", choices=("add", "remove"))
    rule.add_argument("slug", metavar="SLUG")
    rule.add_argument("field", metavar="FIELD", help="event_type, sub_event_type, actor or keyword")
    rule.add_argument("pattern", metavar="PATTERN")
    _store(rule)


def _store(command: argparse.ArgumentParser, *, required: bool = True) -> None:
    # SUPPRESS: a --store given before the action (`briefer topics --store X rules`) is kept
    command.add_argument("--store", type=Path, required=required, default=argparse.SUPPRESS, metavar="PATH",
                         help="the store file")


def actors(args: argparse.Namespace) -> int:
    from briefer.core import aliases
    from briefer.core.store.db import open_store

    with open_store(args.store, read_only=args.action == "list") as store:
        if args.action == "list":
            return _print_aliases(aliases.actor_aliases(store))
        if args.action == "builtin":
            added, _ = aliases.restore_builtin_aliases(store)
            print(f"added {added} built-in alias(es)")
        elif args.action == "alias":
            changed = aliases.set_actor_alias(store, args.alias, args.actor, args.note)
            print(f"{args.alias!r} is shown as {args.actor!r}; {changed} event(s) changed topics")
        else:
            changed = aliases.remove_actor_alias(store, args.alias)
            print(f"{args.alias!r} is shown as written again; {changed} event(s) changed topics")
    return 0


def _print_aliases(rows: list[ActorAlias]) -> int:
    shown = ""
    for row in rows:
        if row.actor != shown:
            shown = row.actor
            print(shown)
        note = f" — {row.note}" if row.note else ""
        print(f"    {row.alias}  [{row.origin}]{note}")
    if not rows:
        print("no actor aliases; add the shipped ones with `briefer actors builtin --store PATH`, or your own with "
              "`briefer actors alias ALIAS ACTOR --store PATH`")
    return 0


def topics(args: argparse.Namespace) -> int:
    from briefer.core import topicrules
    from briefer.core.store.db import open_store

    if args.topics_action == "rules":
        from briefer.core.pipeline import default_store

        with open_store(getattr(args, "store", None) or default_store(), read_only=True) as store:
            for rule in topicrules.topic_rules(store, args.slug):
                print(f"{rule.topic:<20} {rule.field:<15} {rule.pattern}")
        return 0
    with open_store(args.store) as store:
        if args.change == "add":
            changed = topicrules.add_topic_rule(store, args.slug, args.field, args.pattern)
        else:
            changed = topicrules.remove_topic_rule(store, args.slug, args.field, args.pattern)
    print(f"rule {'added' if args.change == 'add' else 'removed'}; {changed} event(s) changed topics")
    return 0
