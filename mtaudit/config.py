"""Configuration from ``[tool.mtaudit]`` in pyproject.toml or from ``mtaudit.toml``.

Looked up from the current directory upwards (the first ``mtaudit.toml``, or the first
``pyproject.toml`` that has a ``[tool.mtaudit]`` table); ``--config`` names a file
explicitly.  Command-line flags win over the file.  Every key is validated: an unknown
key or check code is an error naming the file and the key.  A TOML syntax error in the file
mtaudit reads is an error naming the file and line, whether the file was named or found (a
broken pyproject.toml counts as ours when it mentions ``tool.mtaudit``).  Paths are resolved relative
to the file that names them.  Nothing in a config file is ever evaluated as code.

Example::

    [tool.mtaudit]
    select = ["MT00"]              # codes or prefixes; default: all
    ignore = ["MT007"]
    fail-on = "warning"            # error | warning | info | never
    source-lang = "id"
    format = ["csv", "json", "md", "html"]
    out = "reports"
    lexicons = ["newsroom-lexicons/id"]   # extra lexicon folders, same file names as the bundled ones
    baseline = "mtaudit-baseline.json"
    dask = "tcp://scheduler:8786"  # batches run on this Dask cluster (or: workers = 2, a local one)

    [tool.mtaudit.severity]        # per-check severity, or "off"
    MT005 = "info"
    MT006 = "off"

    [tool.mtaudit.thresholds]
    align = 0.5
    reference-check = 0.5
    reference-facts = 0.78
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .checks import REGISTRY, Thresholds
from .errors import MtauditError
from .model import FAIL_ON, Severity

FORMATS = ("csv", "json", "md", "html")
_KEYS = {
    "select",
    "ignore",
    "severity",
    "fail-on",
    "thresholds",
    "lexicons",
    "baseline",
    "source-lang",
    "format",
    "out",
    "csv-bom",
    "dask",
    "workers",
}
_THRESHOLD_KEYS = {"align": "align", "reference-check": "reference_check", "reference-facts": "reference_facts"}


@dataclass
class Config:
    path: Path | None = None
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity | None] = field(default_factory=dict)  # None = off
    fail_on: str = "error"
    thresholds: Thresholds = field(default_factory=Thresholds)
    lexicons: list[Path] = field(default_factory=list)
    baseline: Path | None = None
    source_lang: str | None = None
    formats: list[str] = field(default_factory=lambda: ["csv", "json", "md", "html"])
    out: Path = Path("reports")
    csv_bom: bool = False
    dask: str | None = None  # scheduler address for batches, e.g. "tcp://scheduler:8786"
    workers: int | None = None  # local Dask worker processes for batches


# A pyproject.toml that mentions a [tool.mtaudit] table (or a dotted ``tool.mtaudit`` key),
# found without parsing the file: a file with a TOML syntax error cannot be parsed.
_MENTIONS_MTAUDIT = re.compile(
    r"""^\s*(?:\[{1,2}\s*tool\s*\.\s*["']?mtaudit\b|(?:tool\s*\.\s*)?["']?mtaudit["']?\s*[.=])""", re.MULTILINE
)


def find_config(start: Path | None = None) -> Path | None:
    """The config file mtaudit reads: searching from ``start`` upwards, the first ``mtaudit.toml``
    or the first ``pyproject.toml`` with a ``[tool.mtaudit]`` table.

    A pyproject.toml that cannot be parsed but mentions ``tool.mtaudit`` is returned, so that its
    syntax error is reported (silently skipping it would drop the newsroom's settings, e.g. a
    stricter fail-on).  A broken pyproject.toml that never mentions mtaudit belongs to some other
    tool and is passed over, as one without the table is.
    """
    directory = (start or Path.cwd()).resolve()
    for folder in (directory, *directory.parents):
        candidate = folder / "mtaudit.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                raw = pyproject.read_bytes().decode("utf-8", errors="replace")
            except OSError:
                continue  # unreadable: not a file anyone meant mtaudit to read
            try:
                tool = tomllib.loads(raw).get("tool", {})
            except tomllib.TOMLDecodeError:
                if _MENTIONS_MTAUDIT.search(raw):
                    return pyproject  # load_config reports the syntax error with its line
                continue
            if isinstance(tool, dict) and "mtaudit" in tool:
                return pyproject
    return None


def _toml_error(path: Path, exc: tomllib.TOMLDecodeError, raw: str) -> MtauditError:
    """``file:line:column: invalid TOML: reason``, on one line."""
    message = str(exc)
    where = re.search(r"\s*\(at line (\d+), column (\d+)\)", message)
    if where:
        return MtauditError(f"{path}:{where[1]}:{where[2]}: invalid TOML: {message[: where.start()]}")
    if "(at end of document)" in message:
        line = raw.count("\n") + (0 if raw.endswith("\n") else 1)
        return MtauditError(f"{path}:{max(line, 1)}: invalid TOML: {message.replace(' (at end of document)', '')}")
    return MtauditError(f"{path}: invalid TOML: {message}")


def _codes(where: str, key: str, value) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise MtauditError(f"{where}: '{key}' must be a list of check codes such as [\"MT001\"]")
    for code in value:
        if not any(c.startswith(code.strip().upper()) for c in REGISTRY):
            raise MtauditError(f"{where}: unknown check code '{code}' in '{key}' (see 'mtaudit rules')")
    return [c.strip().upper() for c in value]


def _expect(where: str, key: str, value, kind, description: str):
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise MtauditError(f"{where}: '{key}' must be {description}, got {value!r}")
    return value


def load_config(path: Path) -> Config:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise MtauditError(f"{path}: cannot read config ({exc})") from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise _toml_error(path, exc, raw) from None
    if path.name == "pyproject.toml":
        where = f"{path} [tool.mtaudit]"
        tool = data.get("tool", {})
        table = tool.get("mtaudit") if isinstance(tool, dict) else None
        if table is None:
            raise MtauditError(f"{path}: no [tool.mtaudit] table")
    else:
        where = str(path)
        tool = data.get("tool")
        table = tool.get("mtaudit", data) if isinstance(tool, dict) else data
    _expect(where, "tool.mtaudit", table, dict, "a table")
    suffix = " [tool.mtaudit]" if path.name == "pyproject.toml" else ""

    def at(key: str) -> str:
        """``file:line`` of ``key`` in the config, so the error points at the line to fix."""
        match = re.search(rf'^\s*"?{re.escape(key)}"?\s*=', raw, re.MULTILINE)
        return f"{path}:{raw.count(chr(10), 0, match.start()) + 1}{suffix}" if match else where

    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise MtauditError(f"{at(unknown[0])}: unknown key '{unknown[0]}' (allowed: {', '.join(sorted(_KEYS))})")
    base = path.parent
    config = Config(path=path)
    if "select" in table:
        config.select = _codes(at("select"), "select", table["select"])
    if "ignore" in table:
        config.ignore = _codes(at("ignore"), "ignore", table["ignore"])
    for code, level in _expect(where, "severity", table.get("severity", {}), dict, "a table").items():
        if code.upper() not in REGISTRY:
            raise MtauditError(f"{at(code)}: unknown check code '{code}' in 'severity'")
        if not isinstance(level, str) or level.lower() not in ("error", "warning", "info", "off"):
            raise MtauditError(f"{at(code)}: severity.{code} must be error, warning, info or off, got {level!r}")
        config.severity[code.upper()] = None if level.lower() == "off" else Severity.parse(level)
    if "fail-on" in table:
        if table["fail-on"] not in FAIL_ON:
            raise MtauditError(
                f"{at('fail-on')}: fail-on must be one of {', '.join(FAIL_ON)}, got {table['fail-on']!r}"
            )
        config.fail_on = table["fail-on"]
    for key, value in _expect(where, "thresholds", table.get("thresholds", {}), dict, "a table").items():
        if key not in _THRESHOLD_KEYS:
            raise MtauditError(f"{at(key)}: unknown key 'thresholds.{key}' (allowed: {', '.join(_THRESHOLD_KEYS)})")
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise MtauditError(f"{at(key)}: thresholds.{key} must be a number between 0 and 1")
        setattr(config.thresholds, _THRESHOLD_KEYS[key], float(value))
    for entry in _expect(where, "lexicons", table.get("lexicons", []), list, "a list of folders"):
        folder = (base / _expect(where, "lexicons", entry, str, "a list of folders")).resolve()
        if not folder.is_dir():
            raise MtauditError(f"{at('lexicons')}: lexicons entry '{entry}' is not a folder ({folder})")
        config.lexicons.append(folder)
    if "baseline" in table:
        config.baseline = (base / _expect(where, "baseline", table["baseline"], str, "a file name")).resolve()
    if "source-lang" in table:
        config.source_lang = _expect(where, "source-lang", table["source-lang"], str, "a language code")
    if "format" in table:
        formats = table["format"] if isinstance(table["format"], list) else [table["format"]]
        bad = [f for f in formats if f not in FORMATS]
        if bad or not formats:
            raise MtauditError(f"{at('format')}: unknown format '{bad[0] if bad else ''}' (use {', '.join(FORMATS)})")
        config.formats = formats
    if "out" in table:
        config.out = (base / _expect(where, "out", table["out"], str, "a folder name")).resolve()
    if "csv-bom" in table:
        config.csv_bom = _expect(where, "csv-bom", table["csv-bom"], bool, "true or false")
    if "dask" in table:
        config.dask = _expect(where, "dask", table["dask"], str, "a scheduler address such as 'tcp://host:8786'")
    if "workers" in table:
        workers = _expect(where, "workers", table["workers"], int, "a number of worker processes")
        if workers < 1:
            raise MtauditError(f"{at('workers')}: workers must be at least 1")
        config.workers = workers
    return config


def resolve_config(explicit: str | None) -> Config:
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise MtauditError(f"--config {explicit}: no such file")
        return load_config(path)
    found = find_config()
    return load_config(found) if found else Config()
