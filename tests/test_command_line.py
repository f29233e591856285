"""The command line: the desktop start is parsed without the verbs' parsers, and gives
what the full parser gives; anything that may name a verb meets the full parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from bodymap.app import build_parser, may_name_a_verb


@pytest.mark.parametrize("argv", [[], ["--demo"], ["--data-dir", "/srv/clinic"],
                                  ["--data-dir=/srv/clinic", "--smoke-test"],
                                  ["--data-dir", "info", "--demo"]])
def test_options_alone_parse_the_same_without_the_verbs(argv: list[str]):
    assert not may_name_a_verb(argv)
    assert vars(build_parser(verbs=False).parse_args(argv)) == \
        vars(build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", [["info"], ["--data-dir", "/d", "verify"], ["-h"],
                                  ["--help"], ["--he"], ["restore", "x.sqlite"],
                                  ["no-such-verb"], ["--data", "/d"]])
def test_anything_that_may_name_a_verb_gets_the_full_parser(argv: list[str]):
    assert may_name_a_verb(argv)


def test_a_mistyped_verb_is_named_in_the_error(capsys):
    with pytest.raises(SystemExit):
        build_parser(verbs=may_name_a_verb(["infoo"])).parse_args(["infoo"])
    assert "invalid choice: 'infoo'" in capsys.readouterr().err


def test_the_data_dir_option_keeps_its_type():
    args = build_parser(verbs=False).parse_args(["--data-dir", "/srv/clinic"])
    assert args.data_dir == Path("/srv/clinic") and args.verb is None
