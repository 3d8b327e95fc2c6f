"""Shared steps of the page tests: logging in through the real form."""

import re

PASSWORD = "correct horse battery"


def log_in(client, username: str) -> str:
    """Log in through the login form; returns the page's CSRF token for later form posts."""
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
    client.post("/login", data={"username": username, "password": PASSWORD, "csrf_token": token})
    return token
