#!/usr/bin/env python3
"""Writes the bad-input corpus: one defect per file, from a small valid questionnaire.

Each case's expected exit status and stderr live in CASE.expected beside it (written by hand
after review; see Tests/SelfscreenCLITests/CorpusTests.swift). Run from this folder."""
import json, os

BASE = """format: 1
id: corpus
version: "1"
language: en
title: Corpus
intro: A small questionnaire for the bad-input corpus.
disclaimer: This is not a diagnosis.
scales:
  - id: yn
    options:
      - {code: "yes", label: "Yes", score: 1}
      - {code: "no", label: "No"}
sections:
  - id: main
    title: Main
    questions:
      - id: gate
        text: Have you used it?
        type: yes_no
        scale: yn
      - id: sign
        text: A sign?
        type: yes_no
        scale: yn
        show_if: {question: gate, equals: "yes"}
scores:
  - {id: signs, label: Signs, kind: count, codes: ["yes"], questions: [sign]}
bands:
  score: signs
  ranges:
    - {id: few, min: 0, max: 0, label: Few signs, guidance: Keep an eye on it.}
    - {id: some, min: 1, label: Some signs, guidance: Talk to someone you trust.}
"""

import yaml
JSON_BASE = json.dumps(yaml.safe_load(BASE), indent=2) + "\n"

def edit(*pairs):
    text = BASE
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text.encode("utf-8")

Q = {
  "empty.yaml": b"",
  "blank.yaml": b"  \n\n",
  "syntax-yaml.yaml": edit(("  - id: main\n", "  - id: main\n   bad: indent\n")),
  "syntax-json.json": b'{"format": 1,\n "id": "corpus"\n "version": "1"}\n',
  "invalid-utf8.yaml": edit(("title: Corpus", "title: Corp\xc3s")) if False else BASE.encode().replace(b"title: Corpus", b"title: Corp\xc3s", 1),
  "bom-utf8.yaml": b"\xef\xbb\xbf" + BASE.encode(),
  "utf16.yaml": b"\xff\xfe" + BASE.encode("utf-16-le"),
  "deep-nesting.yaml": b"[" * 10000 + b"]" * 10000,
  "deep-nesting.json": b"[" * 10000 + b"]" * 10000,
  "not-a-mapping.yaml": b"- one\n- two\n",
  "missing-key.yaml": edit(("title: Corpus\n", "")),
  "unknown-key.yaml": edit(("title: Corpus\n", "title: Corpus\ncolour: blue\n")),
  "wrong-type.yaml": edit(("version: \"1\"\n", "version: [1]\n")),
  "null-value.yaml": edit(("intro: A small questionnaire for the bad-input corpus.", "intro: null")),
  "float-for-integer.yaml": edit(("score: 1}", "score: 1.5}")),
  "huge-exponent.yaml": edit(("score: 1}", "score: 1e999}")),
  "twenty-digits.yaml": edit(("score: 1}", "score: 12345678901234567890}")),
  "duplicate-id.yaml": edit(("      - id: sign\n", "      - {id: gate, text: Again?, type: text}\n      - id: sign\n")),
  "duplicate-key.yaml": edit(("title: Corpus\n", "title: Corpus\ntitle: Again\n")),
  "dangling-show-if.yaml": edit(("show_if: {question: gate,", "show_if: {question: gates,")),
  "forward-show-if.yaml": edit(("      - id: gate\n        text: Have you used it?\n        type: yes_no\n        scale: yn\n",
                                "      - id: gate\n        text: Have you used it?\n        type: yes_no\n        scale: yn\n        show_if: {question: sign, answered: true}\n"),
                               ("        show_if: {question: gate, equals: \"yes\"}\n", "")),
  "cyclic-show-if.yaml": edit(("      - id: gate\n        text: Have you used it?\n        type: yes_no\n        scale: yn\n",
                               "      - id: gate\n        text: Have you used it?\n        type: yes_no\n        scale: yn\n        show_if: {question: sign, equals: \"no\"}\n")),
  "self-loop.yaml": edit(("show_if: {question: gate,", "show_if: {question: sign,")),
  "unreachable.yaml": edit(("show_if: {question: gate, equals: \"yes\"}", "show_if: {all: [{question: gate, equals: \"yes\"}, {question: gate, equals: \"no\"}]}")),
  "no-options.yaml": edit(("        scale: yn\n        show_if", "        show_if")),
  "band-gap.yaml": edit(("{id: some, min: 1,", "{id: some, min: 2,")),
  "band-overlap.yaml": edit(("{id: few, min: 0, max: 0,", "{id: few, min: 0, max: 1,")),
  "esc-in-text.yaml": edit(("text: A sign?", "text: A \x1b[31msign?")),
  "osc52-in-text.yaml": edit(("text: A sign?", "text: A \x1b]52;c;SGVsbG8=\x07sign?")),
  "c1-in-text.yaml": edit(("text: A sign?", "text: A \u009bsign?")),
  "cr-in-text.yaml": edit(("text: A sign?", "text: \"A \\rsign?\"")),
  "backspace-in-text.yaml": edit(("text: A sign?", "text: A \x08sign?")),
  "nul-in-text.yaml": edit(("text: A sign?", "text: A \x00sign?")),
  "bidi-override-in-text.yaml": edit(("text: A sign?", "text: A \u202esign?")),
  "zero-width-in-text.yaml": edit(("text: A sign?", "text: A \u200bsign?")),
  "esc-in-id.yaml": edit(("      - id: sign\n", "      - id: \"si\\egn\"\n")),
  "bidi-in-id.yaml": edit(("      - id: sign\n", "      - id: si\u202egn\n")),
  "long-text.yaml": edit(("text: A sign?", "text: " + "a" * 100000)),
  "long-id.yaml": edit(("id: corpus\n", "id: " + "a" * 10000 + "\n")),
  "alias.yaml": edit(("title: Corpus\n", "title: &t Corpus\naudience: *t\n")),
  "two-documents.yaml": BASE.encode() + b"---\nformat: 1\n",
  "diagnostic-wording.yaml": edit(("guidance: Talk to someone you trust.", "guidance: You are addicted.")),
  "stigmatising-wording.yaml": edit(("label: Some signs,", "label: Addict,")),
  "severity-label.yaml": edit(("label: Few signs,", "label: Mild,")),
  "json-duplicate-key.json": JSON_BASE.replace('"title": "Corpus",', '"title": "Corpus",\n  "title": "Again",', 1).encode(),
  "json-valid.json": JSON_BASE.encode(),
  # Found by fuzzing: a score rule without an id made the validator index past the scores.
  "regression-score-without-id.yaml": edit(("  - {id: signs, label: Signs,", "  - {label: Signs,")),
  "json-lone-surrogate.json": b'{"title": "\\ud800"}\n',
  # Numbers beyond ±1,000,000,000 are refused at load, so scoring cannot overflow.
  "number-max-overflow.yaml": edit(("scores:\n", "      - {id: days, text: How many days?, type: number, max: 9223372036854775807}\nscores:\n")),
  "option-score-overflow.yaml": edit(("score: 1}", "score: 9223372036854775807}")),
  "band-max-overflow.yaml": edit(("{id: some, min: 1,", "{id: some, min: 1, max: 1000000001,")),
  "number-5000-digits.yaml": edit(("score: 1}", "score: " + "9" * 5000 + "}")),
  # Line breaks YAML 1.1 knows and editors do not: refused anywhere, comments included.
  "yaml-line-separator-in-comment.yaml": edit(("title: Corpus\n", "title: Corpus  # note\u2028title: Hidden\n")),
  "yaml-paragraph-separator.yaml": edit(("text: A sign?", "text: A sign?\u2029More")),
  "yaml-next-line.yaml": edit(("intro: A small", "# a comment\u0085intro: A small")),
  # A show_if no answer can meet, given the question's own limits.
  "show-if-beyond-max.yaml": edit(("scores:\n", "      - {id: days, text: How many days?, type: number, min: 0, max: 100}\n"
      "      - {id: many, text: Many days?, type: yes_no, scale: yn, show_if: {question: days, more_than: 1000}}\nscores:\n")),
  "band-negative-min.yaml": edit(("{id: few, min: 0,", "{id: few, min: -5,")),
  # Hundreds of problems: the first 100 are shown, the rest counted.
  "many-unknown-references.yaml": edit(("questions: [sign]}", "questions: [sign, " + ", ".join("q%d" % i for i in range(250)) + "]}")),
}

ANSWERS = {
  "answers-empty.json": b"",
  "answers-syntax.json": b'{"format": 1, "questionnaire": "ketamine"\n "version": "2.0.0"}\n',
  "answers-wrong-version.json": b'{"format": 1, "questionnaire": "ketamine", "version": "0.9.0", "answers": {}}\n',
  "answers-unknown-questionnaire.json": b'{"format": 1, "questionnaire": "other", "version": "1", "answers": {}}\n',
  "answers-unknown-question.json": b'{"format": 1, "questionnaire": "ketamine", "version": "2.0.0", "answers": {"use_past_yaer": "yes"}}\n',
  "answers-bad-code.json": b'{"format": 1, "questionnaire": "ketamine", "version": "2.0.0", "answers": {"used_past_year": "maybe"}}\n',
  "answers-wrong-type.json": b'{"format": 1, "questionnaire": "ketamine", "version": "2.0.0", "answers": {"used_past_year": 3}}\n',
  "answers-null.json": b'{"format": 1, "questionnaire": "ketamine", "version": "2.0.0", "answers": null}\n',
  "answers-list-for-choice.json": b'{"format": 1, "questionnaire": "ketamine", "version": "2.0.0", "answers": {"used_past_year": ["yes"]}}\n',
  "answers-exclusive-conflict.json": b'{"format": 1, "questionnaire": "ketamine", "version": "2.0.0", "answers": {"used_past_year": "yes", "withdrawal_after_stopping": ["anxiety", "none"]}}\n',
  "answers-duplicate.json": b'{"format": 1, "questionnaire": "ketamine", "version": "2.0.0", "answers": {"used_past_year": "yes", "used_past_year": "no"}}\n',
  "answers-esc-in-key.json": b'{"format": 1, "questionnaire": "ketamine", "version": "2.0.0", "answers": {"use\\u001b[2J": "yes"}}\n',
  "answers-bidi-in-value.json": b'{"format": 1, "questionnaire": "ketamine", "version": "2.0.0", "answers": {"used_past_year": "ye\\u202es"}}\n',
  "answers-float-version.json": b'{"format": 1.0, "questionnaire": "ketamine", "version": "2.0.0", "answers": {}}\n',
  "answers-deep.json": b"[" * 10000 + b"]" * 10000,
  "answers-long-number.json": b'{"format": 1, "questionnaire": "ketamine", "version": "2.0.0", "answers": {"used_past_year": ' + b"9" * 5000 + b'}}\n',
  "answers-many-unknown.json": b'{"format": 1, "questionnaire": "ketamine", "version": "2.0.0", "answers": {' + b", ".join(b'"q%d": "yes"' % i for i in range(300)) + b'}}\n',
  "answers-invalid-utf8.json": b'{"format": 1, "questionnaire": "ketamine", "version": "2.0.0", "answers": {"used_past_year": "y\xffs"}}\n',
}

os.makedirs("questionnaires", exist_ok=True)
os.makedirs("answers", exist_ok=True)
for name, data in Q.items():
    open(os.path.join("questionnaires", name), "wb").write(data)
for name, data in ANSWERS.items():
    open(os.path.join("answers", name), "wb").write(data)
print(len(Q), "questionnaire cases,", len(ANSWERS), "answers cases")
