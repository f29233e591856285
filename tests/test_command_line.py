"""The command line: the desktop start is parsed without the verbs' parsers, and gives
what the full parser gives; help and every error read exactly as the full parser's."""

from __future__ import annotations

import contextlib
import io
import shlex
from pathlib import Path

import pytest

from bodymap.app import build_parser, may_name_a_verb, parse_command_line


def outcome(parse) -> tuple[object, ...]:
    """(exit code, namespace, stdout, stderr) of one parse."""
    out, err = io.StringIO(), io.StringIO()
    code, namespace = None, None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            namespace = vars(parse())
        except SystemExit as exc:
            code = exc.code
    return code, namespace, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("line", [
    "", "--demo", "--data-dir /srv/clinic", "--data-dir=/srv/clinic --smoke-test",
    "--data-dir info --demo", "--data-dir /x --data-dir /y",
    # help, verbs and mistakes: the messages must not depend on which parser ran first
    "-h", "--help", "--he", "-hx", "--data-dir --help", "--data-dir -h", "info", "infoo",
    "--data-dir /d verify", "--data-dir=/d info", "restore", "--data-dir", "--foo",
    "--demo --foo", "--demo=1", "--data-dir /x -v", "-", "--", "-- --demo", "-- info",
    "--data-dir=x -- -", "--data-dir /x --demo extra", "--data-dir=", "--smoke",
    # words argparse takes for positionals although they start with "-", before --version
    "-1 --version", "--data-dir /tmp/x -5 --vers", "'-x y' --version", "--dem -.5 --v",
    "--version", "--version=1", "-١ --version",
])
def test_the_command_line_reads_as_the_full_parser_reads_it(line: str):
    argv = shlex.split(line)
    assert outcome(lambda: parse_command_line(argv)) == \
        outcome(lambda: build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", [[], ["--demo"], ["--data-dir", "/srv/clinic"],
                                  ["--data-dir=/srv/clinic", "--smoke-test"],
                                  ["--data-dir", "info", "--demo"]])
def test_options_alone_skip_the_verbs(argv: list[str]):
    assert not may_name_a_verb(argv)


@pytest.mark.parametrize("argv", [["info"], ["--data-dir", "/d", "verify"], ["-h"],
                                  ["--help"], ["--he"], ["-hx"], ["-"], ["--"],
                                  ["--version"], ["--v"], ["--vers=1"],
                                  ["no-such-verb"], ["--data", "/d"]])
def test_anything_that_may_name_a_verb_gets_the_full_parser(argv: list[str]):
    assert may_name_a_verb(argv)


def test_the_data_dir_option_keeps_its_type():
    args = parse_command_line(["--data-dir", "/srv/clinic"])
    assert args.data_dir == Path("/srv/clinic") and args.verb is None
