"""Validate TOML files against a JSON Schema, the way an editor's TOML language server does.

Usage: validate_toml.py SCHEMA.json FILE.toml...
Prints one line per validation message ("FILE: PATH: MESSAGE") and exits 0; exits 3 when
the jsonschema package is missing, 4 when the schema itself is not valid draft-07.
"""
import json
import sys
import tomllib

try:
    from jsonschema import Draft7Validator
except ImportError:
    print("the Python package jsonschema is not installed", file=sys.stderr)
    sys.exit(3)

with open(sys.argv[1], encoding="utf-8") as f:
    schema = json.load(f)
try:
    Draft7Validator.check_schema(schema)
except Exception as e:  # noqa: BLE001 - any schema error is a failure to report
    print(f"invalid schema: {e}", file=sys.stderr)
    sys.exit(4)
validator = Draft7Validator(schema)
for name in sys.argv[2:]:
    with open(name, "rb") as f:
        data = tomllib.load(f)
    for e in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        where = "/".join(map(str, e.absolute_path)) or "(top)"
        print(f"{name}: {where}: {e.message}")
