#!/usr/bin/env python3
"""Writes EXPECTED.tsv (what PublishedFormsTests checks) and docs/FHIR-FORMS.md (the table) from
what the built `selfscreen validate` says of each form here. Run after `swift build`, from anywhere:

    python3 Tests/PublishedForms/make-expected.py

Then read the diff: a form that stopped running, or a new reason for a refusal, is a change to
explain in the commit."""
import csv, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
binary = os.path.join(root, ".build", "debug", "selfscreen")

# Plain reasons for the table, by what the first error says.
REASONS = [
    ("takes its options from the value set", "a required question whose value set is kept elsewhere (the authors' terminology server)"),
    ("chooses its codes by a filter", "a value set that chooses its codes by a filter"),
    ("has type 'reference'", "a required `reference` item"),
    ("has type 'attachment'", "a required `attachment` item"),
    ("no questions that SelfScreen can ask", "nothing to ask: its only item is an attachment"),
    ("makes a cycle", "an `enableWhen` cycle"),
    ("duplicate linkId", "a duplicate linkId"),
    ("from an answerExpression", "a choice whose options come from an `answerExpression`"),
    ("choice with no answerOption", "a required choice with no options"),
    ("expected a number, found the text", "dates and times given as `answerInteger` in `enableWhen`"),
]


def reason(message):
    for needle, text in REASONS:
        if needle in message:
            return text
    return message


def main():
    origins = {row[0]: row for row in csv.reader(open(os.path.join(here, "ORIGINS.tsv")), delimiter="\t")}
    files = sorted(f for f in os.listdir(here) if f.endswith(".json"))
    expected, rows, runs, in_full = [], [], 0, 0
    for name in files:
        done = subprocess.run([binary, "validate", name], cwd=here, capture_output=True, text=True)
        lines = done.stderr.splitlines()
        errors = [l for l in lines if ": warning: " not in l and not l.startswith("selfscreen:")]
        warnings = sum(": warning: " in l for l in lines)
        # Questions the form asks that SelfScreen shows with a note or leaves out (as the test counts).
        not_asked = sum(
            ": warning: " in l
            and l.endswith("so it is shown with a note and not asked")
            for l in lines)
        origin = origins[name]
        where = f"{origin[1]} `{origin[2].split(' ')[0]}`"
        if done.returncode == 0:
            runs += 1
            in_full += not_asked == 0
            expected.append((name, "runs" if not_asked == 0 else f"runs; {not_asked} not asked"))
            note = f" ({warnings} warning{'s' if warnings != 1 else ''})" if warnings else ""
            shown = f"; {not_asked} question{'s' if not_asked != 1 else ''} not asked" if not_asked else ""
            rows.append(f"| `{name}` | {where} | runs to a result{shown}{note} |")
        else:
            first = errors[0].split(": ", 1)[1] if errors else done.stderr.strip()
            expected.append((name, "refused: " + first[:110]))
            rows.append(f"| `{name}` | {where} | refused: {reason(first)} |")
    with open(os.path.join(here, "EXPECTED.tsv"), "w") as out:
        out.write("file\toutcome\n")
        for name, outcome in expected:
            out.write(f"{name}\t{outcome}\n")
    total = len(files)
    sources = sorted({origins[f][1] for f in files})
    with open(os.path.join(root, "docs", "FHIR-FORMS.md"), "w") as out:
        out.write(f"""# FHIR forms published by others

`Tests/PublishedForms` keeps {total} FHIR R4 Questionnaires as their authors published them, from
{len(sources)} public repositories ({", ".join(sources)}; the commit of each file, and its licence,
are in `ORIGINS.tsv`, and the notices the licences ask for in `NOTICES.md`). They were taken as the
repositories list them, not picked for what SelfScreen reads: test forms for renderers, with every
feature in them, and clinical forms (PHQ-9, hunger vital signs, BMI, CVD risk, vital signs).

`PublishedFormsTests` runs every one on each `swift test`: validate; walk it to its result in line
mode, answering every question plainly (the first option, the lowest number allowed, `2000-01-31`,
`10:30`, "An answer", a one-pixel PNG for a file); export the QuestionnaireResponse and check it against the form (every linkId
is the form's, nested where the form nests it, each value of the item's type, only questions that
were asked and answered, calculated items where they have a value). `EXPECTED.tsv` records the
outcome of each, with the start of the first error for a refused one; a change in any outcome fails
the test. `make-expected.py` writes both that file and this table from what `selfscreen validate`
says.

**{runs} of {total} run to a result ({round(100 * runs / total)}%); {in_full} of them ask every question the form asks.** The issue's
target is 90%.

In the other {runs - in_full} that run, some questions are not asked: the form offers no answers
SelfScreen can show (a value set kept on the authors' terminology server, options worked out by an
`answerExpression` or an LHC-Forms extension, a choice with none), or asks for a record kept on a
server (a `reference`).
Each such question is optional; the person reads its text with a note saying why it is not asked
(as LHC-Forms shows "Unable to load the answer list for this question"), and `validate` names it. A
value set given with `--value-sets FILE` makes the question askable again; this table runs each
form as published, without one.

The {total - runs} refused ones are refused with a located message (file:line:col and FHIR path):
a required question SelfScreen cannot ask (its value set is online, or it is a record looked up on
a server), or a mistake in the form itself (a duplicate linkId, an `enableWhen` cycle, dates given
as `answerInteger`). A standard instrument's question is never left out: a PHQ-9 or GAD-7 whose
question cannot be asked is refused, as its total and safety question would be short.

Why {total - runs} and not fewer: each of them would need SelfScreen either to go online (the two
value sets kept on their authors' servers, the Task records looked up by `x-fhir-query`) or to run a
form that breaks FHIR's own rules (two linkIds used twice, which its rule que-2 forbids and which
leave a response that cannot say which question was answered; an `enableWhen` loop, from a
test file LHC-Forms keeps for loops; `answerInteger` given a date). 90% of {total} is
{-(-9 * total // 10)} forms, so this set cannot reach it without doing one of those.

| file | from | outcome |
| --- | --- | --- |
""")
        out.write("\n".join(rows) + "\n")
    print(f"{runs} of {total} run, {in_full} in full")


if __name__ == "__main__":
    sys.exit(main())
