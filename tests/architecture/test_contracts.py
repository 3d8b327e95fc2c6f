"""The layer contracts hold today, and each one fails when a change breaks the rule it states."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture
def copy_of_the_app(tmp_path: Path) -> Path:
    """The app's source, the contracts and their configuration in a scratch folder we may break."""
    shutil.copytree(ROOT / "webapp", tmp_path / "webapp", ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    shutil.copytree(
        ROOT / "tests" / "architecture",
        tmp_path / "tests" / "architecture",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def add_line(root: Path, module: str, line: str) -> None:
    path = root / module
    path.write_text(path.read_text(encoding="utf-8") + "\n" + line + "\n", encoding="utf-8")


def test_every_contract_holds_on_the_code_as_it_is():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("webapp/domain/gtin.py", "import sqlalchemy", "The domain is pure"),
        ("webapp/tls/hosts.py", "from flask import current_app", "The certificates are pure"),
        ("webapp/web/setup.py", "from ..serving import launcher", "Only `python -m webapp.serving`"),
        ("webapp/services/backups/take.py", "from ...scheduling import JOBS", "Only the CLI's `flask scheduler`"),
        ("webapp/scheduling/jobs.py", "from ..web import web_bp", "The scheduled jobs call services"),
        ("webapp/models/stock.py", "from ..services import scanning", "Models import no services"),
        ("webapp/services/catalog/items.py", "from ...api import api_bp", "Services import no API"),
        ("webapp/services/stock/queries.py", "from flask import request", "Services never read the request"),
        (
            "webapp/services/core/ledger.py",
            "from ..scanning import apply_scans",
            "Capability packages depend downwards",
        ),
        ("webapp/services/scanning/apply.py", "from ..core.ledger import post_movements", "used only through"),
        ("webapp/web/office/items.py", "from ...services.stock.report import stock_table", "used only through"),
        ("webapp/services/scanning/context.py", "from . import apply", "No import cycle"),
        ("webapp/api/blueprint.py", "from . import scans", "No import cycle"),
    ],
)
def test_a_change_that_breaks_a_rule_fails_its_contract(copy_of_the_app, module, line, contract):
    add_line(copy_of_the_app, module, line)
    result = lint_imports(copy_of_the_app)
    assert result.returncode != 0
    broken_section = result.stdout.split("Broken contracts", 1)[-1]
    assert contract in broken_section, result.stdout
