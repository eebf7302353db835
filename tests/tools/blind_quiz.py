#!/usr/bin/env python3
"""A blind-reader check of a course's question bank (docs/question-review.md).

`sheet COURSE_DIR OUT.md` writes every question of every module as a learner would see it,
with no answers, no feedback and no lesson text, options shuffled with a fixed seed and
labelled A, B, C... A reader who has NOT read the lessons answers the sheet into a JSON file:

    {"<module-id>/q<N>": "B"}                                single (N: position in the pool)
    {"...": ["A", "C"]}                                      multiple (tick all that apply)
    {"...": true}                                            true_false
    {"...": "some words"}                                    short
    {"...": {"A": "Leadership", "B": "Management"}}          match (item letter -> category)
    {"...": ["C", "A", "B"]}                                 order (item letters, first to last)

`key COURSE_DIR OUT.json` writes the right answers in that form (a check of the grader: graded,
it must pass every module). `grade COURSE_DIR ANSWERS.json` scores it the way the app does (partial credit where the
question allows it) and prints, per module, the score and whether it reaches the pass mark.
"""
import json
import random
import re
import sys
import tomllib
import unicodedata
from pathlib import Path

LETTERS = "ABCDEFGHIJKLMNOP"


def load(course_dir):
    course_dir = Path(course_dir)
    manifest = tomllib.loads((course_dir / "course.toml").read_text())
    course_pass = manifest.get("pass_mark", 70)
    modules = []
    for name in manifest["modules"]:
        module = tomllib.loads((course_dir / name).read_text())
        quiz = module.get("quiz", {})
        modules.append((module, quiz.get("pass_mark", course_pass), quiz.get("questions", [])))
    return modules


def shuffled(seq, key):
    order = list(range(len(seq)))
    random.Random(key).shuffle(order)
    return order


def sheet(course_dir, out):
    lines = ["# Blind quiz sheet", "", "Answer from the wording alone. Keys: module-id/question-number.", ""]
    for module, _, questions in load(course_dir):
        lines += [f"## {module['title']} ({module['id']})", ""]
        for n, q in enumerate(questions, 1):
            key = sheet_key(module, n)
            lines += [f"### {key} [{q['kind']}]", "", q["prompt"].strip(), ""]
            kind = q["kind"]
            if kind in ("single", "multiple"):
                if kind == "multiple":
                    lines.append("(tick all that apply)")
                for label, i in zip(LETTERS, shuffled(q["options"], key)):
                    lines.append(f"- {label}. {q['options'][i]['text']}")
            elif kind == "true_false":
                lines.append("(true or false)")
            elif kind == "short":
                lines.append("(type the answer)")
            elif kind == "match":
                lines.append("Categories: " + "; ".join(q["categories"]))
                for label, i in zip(LETTERS, shuffled(q["items"], key)):
                    lines.append(f"- {label}. {q['items'][i]['text']}")
            elif kind == "order":
                lines.append("(put in order, first to last)")
                for label, i in zip(LETTERS, shuffled(q["items"], key)):
                    lines.append(f"- {label}. {q['items'][i]}")
            lines.append("")
    Path(out).write_text("\n".join(lines))


def sheet_key(module, n):
    """Questions are keyed by position, never by id: an id can name its answer."""
    return f"{module['id']}/q{n}"


def norm(text):
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    return re.sub(r"\s+", " ", text)


def score(q, key, answer):
    """Points in 0..1 for one answer, as the app grades it (docs/authoring.md)."""
    kind = q["kind"]
    partial = q.get("partial_credit", False)
    if answer is None:
        return 0.0
    if kind == "single":
        order = shuffled(q["options"], key)
        picked = order[LETTERS.index(answer)]
        return 1.0 if q["options"][picked].get("correct") else 0.0
    if kind == "multiple":
        order = shuffled(q["options"], key)
        picked = {order[LETTERS.index(a)] for a in answer}
        right = {i for i, o in enumerate(q["options"]) if o.get("correct")}
        if picked == right:
            return 1.0
        if not partial:
            return 0.0
        return max(0.0, (len(picked & right) - len(picked - right)) / len(right))
    if kind == "true_false":
        return 1.0 if bool(answer) == q["answer"] else 0.0
    if kind == "short":
        return 1.0 if norm(answer) in {norm(a) for a in q["accept"]} else 0.0
    if kind == "match":
        order = shuffled(q["items"], key)
        placed = [q["items"][order[LETTERS.index(k)]]["category"] == v for k, v in answer.items()]
        good = sum(placed) if len(placed) == len(q["items"]) else 0
        if good == len(q["items"]):
            return 1.0
        return good / len(q["items"]) if partial else 0.0
    if kind == "order":
        order = shuffled(q["items"], key)
        given = [order[LETTERS.index(a)] for a in answer]
        good = sum(1 for pos, i in enumerate(given) if pos == i)
        if good == len(q["items"]):
            return 1.0
        return good / len(q["items"]) if partial else 0.0
    raise ValueError(f"unknown kind {kind}")


def grade(course_dir, answers_path):
    answers = json.loads(Path(answers_path).read_text())
    passed = total = 0
    print(f"{'module':32} {'right':>6} {'score':>6} {'pass':>5}  verdict")
    for module, pass_mark, questions in load(course_dir):
        if not questions:
            continue
        points = []
        for n, q in enumerate(questions, 1):
            k = sheet_key(module, n)
            if k not in answers and f"{module['id']}/{q['id']}" in answers:
                k = f"{module['id']}/{q['id']}"  # an older sheet, keyed (and shuffled) by id
            points.append(score(q, k, answers.get(k)))
        pct = 100 * sum(points) / len(points)
        ok = pct >= pass_mark
        passed += ok
        total += 1
        right = sum(1 for p in points if p == 1.0)
        print(f"{module['id']:32} {right:>3}/{len(points):<2} {pct:>5.0f}% {pass_mark:>4}%  {'PASS' if ok else 'fail'}")
    print(f"modules passed: {passed} of {total}")


def key(course_dir, out):
    answers = {}
    for module, _, questions in load(course_dir):
        for n, q in enumerate(questions, 1):
            k = sheet_key(module, n)
            kind = q["kind"]
            if kind in ("single", "multiple"):
                order = shuffled(q["options"], k)
                right = [LETTERS[pos] for pos, i in enumerate(order) if q["options"][i].get("correct")]
                answers[k] = right[0] if kind == "single" else right
            elif kind == "true_false":
                answers[k] = q["answer"]
            elif kind == "short":
                answers[k] = q["accept"][0]
            elif kind == "match":
                order = shuffled(q["items"], k)
                answers[k] = {LETTERS[pos]: q["items"][i]["category"] for pos, i in enumerate(order)}
            elif kind == "order":
                order = shuffled(q["items"], k)
                answers[k] = [LETTERS[order.index(i)] for i in range(len(order))]
    Path(out).write_text(json.dumps(answers, indent=1))


if __name__ == "__main__":
    commands = {"sheet": sheet, "key": key, "grade": grade}
    if len(sys.argv) != 4 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](sys.argv[2], sys.argv[3])
