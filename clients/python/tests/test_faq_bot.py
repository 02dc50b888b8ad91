"""examples/faq_bot.py run as a user would, against a real needled."""

import os
import subprocess
import sys

from daemon_fixture import repo_root

BOT = os.path.join(repo_root(), "examples", "faq_bot.py")


def ask_bot(socket_path, *questions):
    run = subprocess.run([sys.executable, BOT, "--socket", socket_path], input="\n".join(questions) + "\n",
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    return run.stdout.strip().split("\n\n")


def test_answers_with_passage_source_and_confidence(daemon):
    (answer,) = ask_bot(daemon.socket_path, "how long is skin red after microneedling?")
    passage, source = answer.split("\n")
    assert "redness" in passage.lower() and "days" in passage, passage
    assert source.startswith("Source: Microneedling, section ") and "(confidence 0." in source
    assert "dermatologist" not in answer


def test_not_sure_offers_suggested_articles(daemon):
    (answer,) = ask_bot(daemon.socket_path, "is sunscreen needed at night in winter?")
    assert answer.startswith("I'm not sure. These articles may help: Sunscreen")


def test_personal_concern_gets_the_dermatologist_line(daemon):
    answers = ask_bot(daemon.socket_path, "how long is skin red after microneedling?",
                      "I have redness on my cheeks after microneedling, how long does it last?")
    assert len(answers) == 2
    assert answers[1].endswith("For your own skin, please see a dermatologist.")
    assert "Source: Microneedling" in answers[1]


def test_no_daemon_is_one_line_on_stderr(tmp_path):
    run = subprocess.run([sys.executable, BOT, "--socket", str(tmp_path / "none.sock")], input="acne?\n",
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 1 and run.stdout == ""
    assert run.stderr.startswith("faq_bot: no daemon is listening on")
