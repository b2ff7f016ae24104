"""The newcomer's entry points stay true: README commands, CI = make test, every error rule documented."""

import ast
import re

from conftest import ROOT


def rules_reported_by_the_tools() -> set[str]:
    """Rule names passed to Problem(...) anywhere in the package; f-string rules as 'prefix-*'."""
    rules = set()
    for path in (ROOT / "scripts" / "kelisim").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Problem":
                rule = node.args[3] if len(node.args) > 3 else next(
                    (k.value for k in node.keywords if k.arg == "rule"), None)
                if isinstance(rule, ast.Constant):
                    rules.add(rule.value)
                elif isinstance(rule, ast.JoinedStr) and isinstance(rule.values[0], ast.Constant):
                    rules.add(rule.values[0].value + "*")
    return rules


def test_every_error_rule_is_explained_in_the_authoring_guide():
    guide = (ROOT / "AUTHORING.md").read_text(encoding="utf-8")
    rules = rules_reported_by_the_tools()
    assert len(rules) > 20
    missing = sorted(r for r in rules if (r.rstrip("*") if r.endswith("*") else f"`{r}`") not in guide)
    assert not missing, f"AUTHORING.md does not explain: {missing}"


def test_readme_shows_the_two_setup_commands_and_the_change_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make serve" in readme and "make test" in readme
    assert "## Where do I change X" in readme


def test_ci_runs_exactly_the_readme_test_command():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in script.splitlines() if line.strip() and not line.startswith(("#", "set ", "cd "))]
    assert commands == ["make test"]


def test_makefile_targets_are_thin_wrappers_around_the_package():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("serve", "build", "check", "bench", "moodle", "handbook", "scorm", "quizzes"):
        assert re.search(rf"^{target}: \$\(READY\)[^\n]*\n\t\$\(BIN\)/python -m kelisim {target}", makefile, re.M), target
    # The release runs its producers first, then packs.
    assert re.search(r"^dist: handbook moodle scorm\n\t\$\(BIN\)/python -m kelisim dist\n", makefile, re.M)
