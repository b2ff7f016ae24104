from pathlib import Path

from kelisim import yamlio


def load(tmp_path: Path, text: str):
    path = tmp_path / "data.yml"
    path.write_text(text, encoding="utf-8")
    problems = []
    return yamlio.load(path, problems, "data.yml"), problems


def test_duplicate_key_is_reported_with_both_lines(tmp_path):
    data, problems = load(tmp_path, "a: 1\nb: 2\na: 3\n")
    assert [(p.rule, p.line, p.id) for p in problems] == [("duplicate-key", 3, "a")]
    assert "first on line 1" in problems[0].message


def test_syntax_error_names_the_line(tmp_path):
    data, problems = load(tmp_path, "a: 1\nb: [unclosed\nc: 2\n")
    assert data is None
    assert problems[0].rule == "yaml-syntax" and problems[0].line is not None


def test_dates_stay_text_and_lines_are_remembered(tmp_path):
    data, problems = load(tmp_path, "items:\n  - id: x\n    when: 2026-03-18\n")
    assert problems == []
    assert data["items"][0]["when"] == "2026-03-18"
    assert data["items"][0].line_of("when") == 3
    assert data["items"].line_of(0) == 2


def test_schema_error_points_at_the_key_and_nearest_id(tmp_path):
    data, _ = load(tmp_path, "items:\n  - id: first\n    size: big\n")
    schema = {"type": "object", "properties": {"items": {"type": "array", "items": {
        "type": "object", "properties": {"id": {"type": "string"}, "size": {"type": "integer"}}}}}}
    [problem] = yamlio.schema_problems(data, schema, "data.yml")
    assert (problem.file, problem.line, problem.id, problem.rule) == ("data.yml", 3, "first", "schema")
    assert "items/0/size" in problem.message
