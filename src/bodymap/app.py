"""Entry point (placeholder until the app shell lands)."""


def main(argv: list[str] | None = None) -> int:
    return 0
