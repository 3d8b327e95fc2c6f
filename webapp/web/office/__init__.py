"""The office (managers and owners): dashboard, stock list, item pages, suggestions, alerts, unknown codes, CSV import and notification settings."""
