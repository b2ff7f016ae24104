"""YAML loading that remembers line numbers and rejects duplicate keys.

Mappings load as `Node` (a dict that knows the line of each key), sequences as
`NodeList` (a list that knows the line of each item). Dates stay strings, so that
what authors typed is what the schema and the pages see.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from .problems import Problem, raise_if_any, rel


class Node(dict):
    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class NodeList(list):
    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class _Loader(yaml.SafeLoader):
    """SafeLoader with line-aware containers, no timestamp conversion, duplicate-key reports."""

    def __init__(self, stream, duplicates: list):
        super().__init__(stream)
        self.duplicates = duplicates


# Keep dates as text: a schema checks their format.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Node:
    result = Node()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in result:
            loader.duplicates.append((key, line, result.key_lines[key]))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> NodeList:
    result = NodeList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load(path: Path, problems: list[Problem], name: str):
    """Load a YAML file; syntax errors and duplicate keys become problems (returns None on syntax error).

    `name` is the file as authors see it (relative to the course root), for those problems.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(Problem(name, None, None, "file-missing", "the file does not exist", f"create {name}"))
        return None
    return load_text(text, problems, name)


def load_text(text: str, problems: list[Problem], name: str):
    """`load` for text already read (e.g. a page's front matter, blank lines keeping the line numbers)."""
    duplicates: list = []
    loader = _Loader(text, duplicates)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        reason = getattr(exc, "problem", None) or str(exc)
        problems.append(Problem(name, line, None, "yaml-syntax", f"YAML syntax error: {reason}",
                                "check indentation, colons and quotes on this line (quote text containing ': ' or '#')"))
        return None
    finally:
        loader.dispose()
    for key, line, first in duplicates:
        problems.append(Problem(name, line, str(key), "duplicate-key",
                                f"key '{key}' appears twice in one mapping (first on line {first})",
                                "keep one of them; YAML would silently drop the first"))
    return data


def language_texts(path: Path, lang: str, root: Path):
    """(text, line) for every string under a `lang` key (or inside a mapping under it) in a YAML file."""
    problems: list[Problem] = []
    data = load(path, problems, rel(path, root))
    found = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == lang and isinstance(value, str):
                    found.append((value, node.line_of(key)))
                elif key == lang and isinstance(value, dict):
                    found.extend((v, value.line_of(k)) for k, v in value.items() if isinstance(v, str))
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(data)
    return found


def load_checked(root: Path, relative: str, schema: str) -> tuple[object, str]:
    """Load root/relative and validate it against root/<schema>; raise CourseError on any problem.

    Returns the data and the file name as authors see it.
    """
    path = root / relative
    name = rel(path, root)
    problems: list[Problem] = []
    data = load(path, problems, name)
    raise_if_any(problems)
    problems += schema_problems(data, json.loads((root / schema).read_text(encoding="utf-8")), name)
    raise_if_any(problems)
    return data, name


def duplicate_ids(items, file: str, what: str, fix: str, key: str = "id") -> list[Problem]:
    """A problem for each mapping in `items` whose `key` repeats an earlier one's, naming both lines.

    `what` names the id in the rule (`duplicate-<what>`) and the message ("module-slug" -> "module slug").
    """
    problems, seen = [], {}
    for item in items:
        value = item[key]
        if value in seen:
            problems.append(Problem(file, item.line_of(key), value, f"duplicate-{what}",
                                    f"{what.replace('-', ' ')} '{value}' is used twice (first on line {seen[value]})",
                                    fix))
        else:
            seen[value] = item.line_of(key)
    return problems


def schema_errors(data, schema: dict) -> list:
    """Every jsonschema ValidationError of `data` against a JSON Schema (formats such as dates included)."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return list(validator.iter_errors(data))


def schema_problems(data, schema: dict, file: str) -> list[Problem]:
    """Validate against a JSON Schema; each error points at the line of the offending key."""
    return error_problems(data, schema_errors(data, schema), file)


def error_problems(data, errors: list, file: str) -> list[Problem]:
    """Schema errors (from schema_errors) as problems, each at the line of the offending key."""
    problems = []
    for error in errors:
        line, ident = _locate(data, list(error.absolute_path))
        if error.validator == "additionalProperties" and isinstance(error.instance, Node):
            # Point at the unexpected key itself, not at the start of its mapping.
            extra = [key for key in error.instance if key not in error.schema.get("properties", {})]
            line = error.instance.line_of(extra[0]) if extra else line
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        problems.append(Problem(file, line, ident, "schema", f"{where}: {error.message}",
                                "compare with the schema next to this file; editors with yaml-language-server show it inline"))
    return problems


def _locate(data, path: list) -> tuple[int | None, str | None]:
    """Line of the deepest node on `path`, and the nearest enclosing `id`."""
    line, ident, node = getattr(data, "line", None), None, data
    for step in path:
        if isinstance(node, Node):
            ident = node.get("id", ident) if isinstance(node.get("id"), str) else ident
            line = node.line_of(step)
        elif isinstance(node, NodeList) and isinstance(step, int):
            line = node.line_of(step)
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    if isinstance(node, Node) and isinstance(node.get("id"), str):
        ident = node["id"]
    return line, ident
