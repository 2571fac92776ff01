"""README examples that users copy must work (issue 10: a pre-commit `rev` that did not exist, a jq
example written for a JSON shape that changed)."""

import json
import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from mtaudit.cli import cli

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block_after(marker: str, fence: str) -> str:
    start = README.index(fence, README.index(marker)) + len(fence)
    return README[start : README.index("```", start)]


def _git(*args):
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)


def test_pre_commit_example_names_a_hook_and_a_rev_that_exist():
    block = _block_after("**pre-commit.**", "```yaml")
    hook_ids = re.findall(r"^- id: (\S+)", (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"), re.M)
    assert re.findall(r"- id: (\S+)", block) == ["mtaudit"] and "mtaudit" in hook_ids
    rev = re.search(r"^\s*rev: (\S+)", block, re.M).group(1)
    if rev.startswith("<") and rev.endswith(">"):
        return  # a placeholder the reader fills in, explained under the example
    # A concrete rev (a tag such as v0.1.0, or a commit) must exist, or pre-commit fails for every user.
    if _git("rev-parse", "--git-dir").returncode != 0:
        pytest.skip("not a git checkout")
    assert _git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").returncode == 0, f"rev {rev} does not exist"


def _check_json(tmp_path) -> dict:
    article = tmp_path / "story.txt"
    article.write_text("Officials in Uncle Sam's country reacted.\n\nThe minister said., reported the agency.")
    result = CliRunner().invoke(cli, ["check", str(article), "--format", "json"])
    assert result.exit_code == 1, result.output
    return json.loads(result.output)


def test_documented_json_shape_is_the_real_one(tmp_path):
    documented = re.search(r'`\{"failed": …, "articles": \[\{([^}]*)\}\]', README).group(1)
    payload = _check_json(tmp_path)
    [article] = payload["articles"]
    assert set(re.findall(r'"(\w+)"', documented)) == set(article)
    assert isinstance(article["article"], str) and article["article"].endswith("story.txt")


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq not installed")
def test_readme_jq_example_prints_one_line_per_finding(tmp_path):
    script = _block_after("**CMS or CI integration.**", "```bash")
    jq_filter = re.search(r"jq -r '(.*?)' \"audit-", script, re.S).group(1)
    (tmp_path / "audit.json").write_text(json.dumps(_check_json(tmp_path)), encoding="utf-8")
    out = subprocess.run(["jq", "-r", jq_filter, str(tmp_path / "audit.json")], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) == 2 and lines[0].split(":")[0].endswith("story.txt")
    assert ":1: MT001 Uncle Sam's country -> the United States:" in lines[0]
