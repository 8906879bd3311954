#!/usr/bin/python3
"""Validates JSON files against meiplan's shipped JSON Schemas with an independent validator (python3-jsonschema).

Usage: check-schemas.py SCHEMA_DIR KIND FILE... where KIND is instance, plan, evaluation, diff or study-spec.
Every schema in SCHEMA_DIR is registered under its $id, so cross-schema references resolve offline.
Prints one line per file; exits 1 when a file does not validate.
"""
import json
import pathlib
import sys

import jsonschema


def main():
    schema_dir = pathlib.Path(sys.argv[1])
    kind = sys.argv[2]
    files = sys.argv[3:]
    schemas = {}
    for path in sorted(schema_dir.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        schemas[path.name[: -len(".schema.json")]] = schema
    schema = schemas[kind]
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    try:
        from referencing import Registry, Resource

        registry = Registry().with_resources(
            (s["$id"], Resource.from_contents(s)) for s in schemas.values())
        validator = cls(schema, registry=registry)
    except ImportError:  # jsonschema < 4.18 (Debian bookworm): a RefResolver with a store
        store = {s["$id"]: s for s in schemas.values()}
        validator = cls(schema, resolver=jsonschema.RefResolver.from_schema(schema, store=store))
    failed = 0
    for name in files:
        document = json.loads(pathlib.Path(name).read_text(encoding="utf-8"))
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        if errors:
            failed += 1
            for error in errors[:10]:
                where = "/" + "/".join(str(p) for p in error.absolute_path)
                print(f"{name}: {where}: {error.message}")
        else:
            print(f"{name}: valid {kind}")
    if failed:
        print(f"{failed} of {len(files)} files do not validate against {kind}.schema.json", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
