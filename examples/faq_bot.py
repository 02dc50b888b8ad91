#!/usr/bin/env python3
"""A skincare FAQ bot on Needle: one question per line on stdin, an answer with its source on stdout.

    pip install ./clients/python && python examples/faq_bot.py [--socket PATH]
"""

import argparse
import re
import sys

from needle_client import Client, NeedleError

SURE = 0.8  # from 0.8 up, 500 of 508 top answers were right; below, about 6 in 10 (docs/protocol.md)
PERSONAL = re.compile(r"\b(my|me|mine|i'?m|i have|i've got)\b", re.IGNORECASE)


def reply(needle: Client, question: str) -> str:
    result = needle.ask(question, limit=1, min_confidence=SURE)
    lines = []
    if result.answers:
        best = result.answers[0]
        source = best.title + (f", section \"{best.section}\"" if best.section else "")
        lines += [best.text, f"Source: {source} (confidence {best.confidence:.2f})"]
    else:
        titles = ", ".join(article.title for article in result.suggestions[:3])
        lines.append("I'm not sure." + (f" These articles may help: {titles}." if titles else ""))
    if PERSONAL.search(question):
        lines.append("For your own skin, please see a dermatologist.")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--socket", help="the daemon's socket (default: as needled)")
    with Client(parser.parse_args().socket) as needle:
        for question in filter(str.strip, sys.stdin):
            try:
                print(reply(needle, question.strip()) + "\n", flush=True)
            except NeedleError as error:
                print(f"faq_bot: {error}", file=sys.stderr)
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
