#!/usr/bin/python3
"""Validate a JSON document against a JSON Schema (draft 7): validate-json.py SCHEMA DOCUMENT.

Exit 0 when valid; 1 with one line per violation otherwise. Used by the end-to-end tests."""
import json
import sys

import jsonschema


def main() -> int:
    if len(sys.argv) != 3:
        print("usage: validate-json.py SCHEMA DOCUMENT", file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        doc = json.load(f)
    validator = jsonschema.Draft7Validator(schema)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    for e in errors:
        print(f"{'/'.join(str(p) for p in e.path)}: {e.message}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
