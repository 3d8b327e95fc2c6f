"""Use cases, one package per capability; each write is one transaction (`core.transactional`).

Packages import each other only through their `__init__` exports, lower layers never import higher
ones (see ARCHITECTURE.md and the contracts in pyproject.toml): scanning and workflows on top;
picking, stocktake, purchasing and stock below them; then tasks and replenishment; catalog;
notifications and accounts; core at the bottom.
"""
