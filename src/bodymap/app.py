"""Entry point: parse arguments, open the data directory, start the window or run a verb.

``bodymap`` with no verb starts the desktop app; the verbs (``info``, ``verify``, ``backup``,
``restore``) work with no screen. Qt is imported only when a window is needed, so verbs and
``--version`` start fast.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path
from typing import NoReturn


class _VersionAction(argparse.Action):
    """--version, looking the version up only when asked."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS,
                 **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        import bodymap

        print(f"bodymap {bodymap.__version__}")
        parser.exit()


class _NeedsTheFullParser(Exception):
    """Raised by the options-only parser instead of printing an error."""


class _OptionsOnlyParser(argparse.ArgumentParser):
    """The command line without the verbs. It never reports an error itself: the full
    parser parses the line again and reports it, so every message reads the same."""

    def error(self, message: str) -> NoReturn:
        raise _NeedsTheFullParser(message)


def build_parser(*, verbs: bool = True) -> argparse.ArgumentParser:
    """The command line. ``verbs=False`` leaves out the verbs' parsers (seven of them,
    about 5 ms to build), for a command line that names none (see parse_command_line)."""
    parser = (argparse.ArgumentParser if verbs else _OptionsOnlyParser)(
        prog="bodymap",
        description="Chart dry needling on muscle-level body diagrams.")
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument("--data-dir", type=Path, metavar="DIR",
                        help="data directory holding bodymap.sqlite and its backups "
                             "(default: the setting, else the platform's user data dir)")
    parser.add_argument("--demo", action="store_true",
                        help="add a few demo patients and visits (marked DEMO) to the data dir")
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    if not verbs:
        parser.set_defaults(verb=None)
        return parser
    verb_parsers = parser.add_subparsers(dest="verb", metavar="VERB")
    _add_admin_verbs(verb_parsers)
    _add_record_verbs(verb_parsers)
    return parser


def _abbreviates(word: str, option: str) -> bool:
    """Whether ``word`` is ``option`` or a prefix argparse would take for it (--he, --v=1)."""
    name = word.split("=", 1)[0]
    return len(name) > 2 and name.startswith("--") and option.startswith(name)


def may_name_a_verb(argv: list[str]) -> bool:
    """Whether ``argv`` may name a verb or ask for help or the version: any word that is
    not an option (or the value of --data-dir), a lone "-" or "--", -h..., --help or
    --version. Help and version end the parse before a stray word is reported, so they go
    to the full parser, which reports that word first."""
    words = iter(argv)
    for word in words:
        if word == "--data-dir":
            next(words, None)
        elif (not word.startswith("-") or word in ("-", "--") or word.startswith("-h")
              or _abbreviates(word, "--help") or _abbreviates(word, "--version")):
            return True
    return False


def parse_command_line(argv: list[str]) -> argparse.Namespace:
    """Parse ``argv``. A line of options alone (the desktop start) is parsed without
    building the verbs' parsers; anything else, and any line that parse finds wrong, meets
    the full parser, so help and errors read the same either way."""
    if not may_name_a_verb(argv):
        try:
            return build_parser(verbs=False).parse_args(argv)
        except _NeedsTheFullParser:
            pass
    return build_parser().parse_args(argv)


def _add_admin_verbs(verbs: argparse._SubParsersAction) -> None:
    verbs.add_parser("info", help="print where the data is and how much of it there is")
    verify = verbs.add_parser("verify", help="check the database's integrity, the audit "
                                             "trail's hash chain and every record against it")
    verify.add_argument("--against", metavar="FILE|CODE",
                        help="also check the trail against an earlier anchor: a backup, a "
                             "JSON export, or the code printed in a PDF footer")
    verbs.add_parser("backup", help="take a backup of the database now")
    restore = verbs.add_parser("restore", help="replace the database with a backup (the "
                                               "current database is kept as a backup first)")
    restore.add_argument("backup_file", type=Path)


def _add_record_verbs(verbs: argparse._SubParsersAction) -> None:
    """print / export / import. Each also takes --data-dir after the verb (``bodymap print
    --data-dir DIR ...``); SUPPRESS keeps a --data-dir given before the verb."""
    where = argparse.ArgumentParser(add_help=False)
    where.add_argument("--data-dir", type=Path, metavar="DIR", default=argparse.SUPPRESS,
                       help="data directory (as before the verb)")
    pr = verbs.add_parser("print", parents=[where],
                          help="write a patient's charts as a PDF (works with no screen)")
    pr.add_argument("--patient", required=True, metavar="CHART_NO", help="chart number")
    pr.add_argument("--visit", default="latest", metavar="latest|all|VISIT_ID",
                    help="which visit(s): the latest (default), all of them, or one id")
    pr.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    pr.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    pr.add_argument("--clinic", metavar="NAME", default=None,
                    help="clinic name in the page header (default: the setting)")
    ex = verbs.add_parser("export", parents=[where],
                          help="write one patient's whole record as JSON, or their visits "
                               "as a FHIR R4 bundle (docs/export-format.md)")
    ex.add_argument("--patient", required=True, metavar="CHART_NO", help="chart number")
    ex.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.json")
    ex.add_argument("--format", choices=("json", "fhir"), default="json",
                    help="json: bodymap's own format, the whole record, for import "
                         "(default); fhir: a FHIR R4 Bundle for other systems")
    ex.add_argument("--visit", default=None, metavar="latest|all|VISIT_ID",
                    help="fhir only: which visit(s), default all")
    ex.add_argument("--drafts", action="store_true",
                    help="fhir only: include unsigned drafts (marked as drafts)")
    im = verbs.add_parser("import", parents=[where],
                          help="add a patient's record from a JSON export (validated first; "
                               "an existing patient is refused)")
    im.add_argument("input", type=Path, metavar="FILE.json")


def resolve_data_dir(arg: Path | None) -> Path:
    from bodymap.paths import default_data_dir
    from bodymap.settings import Settings

    if arg is not None:
        return arg.expanduser().resolve()
    settings = Settings()
    try:
        chosen = settings.get("data_dir")
    finally:
        settings.close()
    return Path(chosen).expanduser() if chosen else default_data_dir()


def main(argv: list[str] | None = None) -> int:
    # Start-up allocates a few hundred thousand objects (Qt's bindings, their enums, the
    # first window) and none of them is garbage: the cyclic collector would scan them again
    # and again for nothing (about 10 ms before the first paint). It is held off until the
    # main window has painted (ui.launch), and is back on however main() ends.
    gc.disable()
    try:
        args = parse_command_line(sys.argv[1:] if argv is None else argv)
        data_dir = resolve_data_dir(args.data_dir)
        if args.verb:
            gc.enable()
            from bodymap.cli import run_verb

            return run_verb(args.verb, args, data_dir)
        # Qt-free modules first: once PySide6 is imported, its import hook reads the source
        # of every module imported after it (about 18 ms of start-up for the model and
        # storage).
        import bodymap.services.records
        import bodymap.services.visits  # noqa: F401
        from bodymap.ui.launch import run_gui

        return run_gui(data_dir, demo=args.demo, smoke_test=args.smoke_test)
    finally:
        gc.enable()


if __name__ == "__main__":
    sys.exit(main())
