"""PostgreSQL: `pg_dump --format=custom` of the app's database (or its schema) and `pg_restore` back."""

import os
import re
import shutil
import subprocess
from pathlib import Path

from sqlalchemy.engine import URL

from .errors import BackupFailed

TIMEOUT_S = 3600
_SEARCH_PATH = re.compile(r"search_path\s*=\s*([A-Za-z_][A-Za-z0-9_$]*)")
_COPY = re.compile(r'^COPY ("?[A-Za-z_][A-Za-z0-9_$]*"?)\.alembic_version ')


def schema_of(url: URL) -> str | None:
    """The schema a URL's `options=-csearch_path=...` names (the tests' private schemas), else None."""
    options = url.query.get("options", "")
    found = _SEARCH_PATH.search(options if isinstance(options, str) else " ".join(options))
    return found.group(1) if found else None


def _client_env(url: URL) -> dict[str, str]:
    """libpq's own variables, so no password ever shows in a process list."""
    env = {**os.environ, "PGDATABASE": url.database or "", "PGUSER": url.username or ""}
    if url.host:
        env["PGHOST"] = url.host
    if url.port:
        env["PGPORT"] = str(url.port)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return env


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupFailed(f"{name} is not installed (Debian: apt-get install postgresql-client)")
    return found


def _run(argv: list[str], url: URL, what: str) -> subprocess.CompletedProcess:
    done = subprocess.run(argv, env=_client_env(url), capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    if done.returncode != 0:
        raise BackupFailed(f"{what} failed: {done.stderr.strip()[-500:]}")
    return done


def dump_database(url: URL, schema: str, target: Path) -> None:
    """Dump the app's schema into `target`, then read the archive's table of contents back."""
    argv = [_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", f"--schema={schema}"]
    _run([*argv, f"--file={target}"], url, "pg_dump")
    check_archive(target, url)


def check_archive(path: Path, url: URL) -> None:
    """A custom-format archive whose table of contents pg_restore can read; BackupFailed otherwise."""
    _run([_tool("pg_restore"), "--list", str(path)], url, f"reading {path.name}")


def revision_in(path: Path, url: URL) -> tuple[str | None, str | None]:
    """The schema the archive holds and the Alembic revision inside it (its alembic_version row)."""
    try:
        done = _run([_tool("pg_restore"), "--data-only", "--table=alembic_version", "--file=-", str(path)], url, "")
    except BackupFailed:
        return None, None
    lines = done.stdout.splitlines()
    for index, line in enumerate(lines):
        found = _COPY.match(line)
        if found and index + 1 < len(lines):
            value = lines[index + 1].strip()
            return found.group(1).strip('"'), (None if value == "\\." else value)
    return None, None


def restore_into(path: Path, url: URL, schema: str) -> None:
    """Replace the app's schema with the archive's, in one transaction: all of it or nothing.

    The schema is dropped whole first, so tables a later migration added (the backup being older) go
    too and the upgrade after the restore makes them afresh.
    """
    restore = [_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges", "--file=-", str(path)]
    apply = [_tool("psql"), "--no-psqlrc", "--quiet", "--single-transaction", "-v", "ON_ERROR_STOP=1"]
    apply += ["-c", f'DROP SCHEMA IF EXISTS "{schema}" CASCADE', "-f", "-"]
    env = _client_env(url)
    with subprocess.Popen(restore, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as reader:
        done = subprocess.run(apply, env=env, stdin=reader.stdout, capture_output=True, text=True, timeout=TIMEOUT_S)
        reader.stdout.close()
        reader_error = reader.stderr.read().decode(errors="replace")
    if reader.returncode != 0:
        raise BackupFailed(f"pg_restore failed: {reader_error.strip()[-500:]}")
    if done.returncode != 0:
        raise BackupFailed(f"restoring into {url.database} failed (nothing changed): {done.stderr.strip()[-500:]}")
