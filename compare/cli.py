"""The command line: each command parses its arguments and calls one library function.

No logic lives here. A `UserError` is printed one problem per line and exits 1, without traceback.
"""
from __future__ import annotations

import argparse
import sys
from typing import Optional, Sequence

from compare import __version__
from compare.errors import UserError

DEFAULT_PATHS = ["seeds"]


def _add_rules(p: argparse.ArgumentParser) -> None:
    p.add_argument("--rules", action="append", metavar="DIR_OR_FILE",
                   help="rule files or folders (default: ./rules/ if there is one, else the rules shipped "
                        "with claim-compare); may be repeated")


def _add_corpus(p: argparse.ArgumentParser, engines: bool = True) -> None:
    """Options of the commands that read a corpus: the progress bar, and where extraction runs."""
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar (skipped files are still named)")
    if engines:
        _add_jobs(p)
        p.add_argument("--engine", choices=["local", "dask"], default="local",
                       help="where extraction runs: local processes (-j) or a Dask cluster")
        p.add_argument("--scheduler", metavar="ADDRESS",
                       help="with --engine dask: the scheduler's address (default: a local cluster of -j workers)")


def _add_lang(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=["en", "fr"], help="language of the articles (default: detected per article)")


def _add_jobs(p: argparse.ArgumentParser) -> None:
    p.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                   help="extract articles in N processes (same output, same order; 1 to 4 per CPU)")


def _jobs(text: str) -> int:
    from compare.workers import check_jobs
    try:
        return check_jobs(int(text))
    except (ValueError, UserError) as e:
        raise argparse.ArgumentTypeError(str(e.problems[0].message) if isinstance(e, UserError) else
                                         f"{text!r} is not a number of processes") from None


def _add_format(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    p.add_argument("--csv-raw", action="store_true",
                   help="with --format csv: keep cells that start with = + - @ as they are (by default they get "
                        "a leading ' so that a spreadsheet does not run them as formulas)")


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="claim-compare", description="Numeric claims from news articles, as comparable records.")
    ap.add_argument("--version", action="version", version=f"claim-compare {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("export", help="write the claims workbook (.xlsx) for articles")
    p.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (default: seeds/)")
    _add_rules(p)
    _add_lang(p)
    p.add_argument("--references", action="append", metavar="FILE", help="reference figures (default: those in the rules)")
    p.add_argument("-o", "--output", default="claims.xlsx", metavar="OUT.xlsx", help="workbook to write (default: claims.xlsx)")
    p.add_argument("--now", metavar="YYYY-MM-DD", help="date written into the workbook (default: newest article date)")
    p.add_argument("--force", action="store_true",
                   help="drop sheets or Claims columns added by hand to the workbook at OUT (else the export stops)")
    p.add_argument("--claims", metavar="CLAIMS.jsonl",
                   help="write the workbook from the claims `extract --format jsonl` wrote, without the articles")
    _add_corpus(p)

    p = sub.add_parser("extract", help="print the claims as JSON lines or CSV")
    p.add_argument("paths", nargs="*", metavar="PATH")
    _add_rules(p)
    _add_lang(p)
    _add_format(p)
    _add_corpus(p)

    p = sub.add_parser("compare", help="print the comparisons between claims and references")
    p.add_argument("paths", nargs="*", metavar="PATH")
    _add_rules(p)
    _add_lang(p)
    p.add_argument("--references", action="append", metavar="FILE")
    _add_format(p)
    _add_corpus(p, engines=False)

    p = sub.add_parser("quantities", help="print every quantity mention of each text as one JSON array per line")
    p.add_argument("texts", nargs="*", metavar="TEXT", help="texts to read (default: one per line on standard input)")
    p.add_argument("--lang", choices=["en", "fr"], required=True)

    p = sub.add_parser("explain", help="show which claim each quantity became, or why none")
    p.add_argument("source", metavar="TEXT_OR_FILE")
    _add_rules(p)
    _add_lang(p)

    p = sub.add_parser("evaluate", help="score the extractor against gold sentences or real-press gold")
    p.add_argument("gold", metavar="GOLD.jsonl")
    _add_rules(p)
    p.add_argument("--show", type=int, default=20, metavar="N", help="misses and false positives to list (default 20)")
    p.add_argument("--passages", metavar="FILE",
                   help="passages that real-press gold points into (default: ../shared/press/passages.jsonl)")
    p.add_argument("--split", choices=["dev", "dev-a", "dev-b", "test"],
                   help="score one split of real-press gold (dev-a and dev-b are the halves of dev, by page)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON instead of the report")
    p.add_argument("--unknown-names", action="store_true",
                   help="score as if the rules did not know half of their entities: two runs, each without one half "
                        "(by a checksum of the name), scored with the full rules, counts added")

    p = sub.add_parser("init", help="copy the default rules and references into DIR for editing")
    p.add_argument("folder", nargs="?", default="rules", metavar="DIR", help="where to write them (default: rules/)")

    rp = sub.add_parser("rules", help="check, test or describe rule files")
    rsub = rp.add_subparsers(dest="rules_command", metavar="ACTION")
    p = rsub.add_parser("check", help="validate rule files; exit 1 on errors")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p = rsub.add_parser("test", help="run every example in the rules; exit 1 on a failure")
    p.add_argument("paths", nargs="*", metavar="PATH")
    rsub.add_parser("schema", help="print the JSON Schema of the rule format")

    vp = sub.add_parser("vocab", help="check the vocabulary files (number words, currencies, cue words...)")
    vsub = vp.add_subparsers(dest="vocab_command", metavar="ACTION")
    p = vsub.add_parser("check", help="validate the vocabulary files; exit 1 on errors")
    p.add_argument("folder", nargs="?", metavar="DIR", help="compare/lang or one language's folder (default: the package's)")
    return ap


def run(args: argparse.Namespace) -> int:
    """Dispatch one parsed command to its library function; returns the exit code."""
    out = sys.stdout
    if args.command == "quantities":  # imports the reader alone: no rules, no progress bar, no pydantic
        from compare.quantities import write_mentions
        write_mentions(args.texts or sys.stdin, args.lang, out)
        return 0
    from compare.defaults import rules_paths
    from compare.progress import Report
    rules = rules_paths(args.rules) if hasattr(args, "rules") else []
    report = Report(quiet=getattr(args, "quiet", True))
    engine = {"engine": getattr(args, "engine", "local"), "scheduler": getattr(args, "scheduler", None)}
    if args.command == "export" and args.claims:
        from compare.pipeline import export_claims
        print(export_claims(args.claims, rules, args.output, references=args.references, now=args.now,
                            force=args.force, paths=args.paths))
        return 0
    if args.command == "export":
        from compare.pipeline import export
        print(export(args.paths or DEFAULT_PATHS, rules, args.output, lang=args.lang,
                     references=args.references, now=args.now, jobs=args.jobs, force=args.force, report=report,
                     **engine))
        return report.exit_code
    if args.command == "extract":
        from compare.pipeline import write_claims
        write_claims(args.paths or DEFAULT_PATHS, rules, out, fmt=args.format, lang=args.lang, jobs=args.jobs,
                     report=report, raw=args.csv_raw, **engine)
        return report.exit_code
    if args.command == "compare":
        from compare.pipeline import write_comparisons
        write_comparisons(args.paths or DEFAULT_PATHS, rules, out, fmt=args.format, lang=args.lang,
                          references=args.references, report=report, raw=args.csv_raw)
        return report.exit_code
    if args.command == "init":
        from compare.defaults import init_rules
        for path in init_rules(args.folder):
            print(f"wrote {path}")
        return 0
    if args.command == "explain":
        from compare.explain import explain
        out.write(explain(args.source, rules, lang=args.lang))
        return 0
    if args.command == "evaluate":
        from compare.evaluate import evaluate_file
        out.write(evaluate_file(args.gold, rules, show=args.show, passages=args.passages, split=args.split,
                                as_json=args.json, unknown_names=args.unknown_names))
        return 0
    if args.command == "rules":
        from compare import ruletools
        if args.rules_command == "check":
            return ruletools.check(args.paths or rules_paths(), out)
        if args.rules_command == "test":
            return ruletools.test(args.paths or rules_paths(), out)
        if args.rules_command == "schema":
            out.write(ruletools.schema_json())
            return 0
    if args.command == "vocab" and args.vocab_command == "check":
        from compare import ruletools
        from compare.lang import LANG_DIR
        return ruletools.check_vocab(args.folder or LANG_DIR, out)
    build_parser().print_help(sys.stderr)
    return 2


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return run(args)
    except UserError as e:
        from compare.progress import EXIT_ERROR
        for p in e.problems:
            print(p, file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("claim-compare: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
