"""Run the launcher: `.venv/bin/python -m webapp.serving` (what scripts/run does after installing)."""

from .launcher import main

raise SystemExit(main())
