"""The launcher `scripts/run` ends in (`python -m webapp.serving`): migrate, demo data, owner account, the
shop's certificates (webapp/tls), the secure and setup addresses printed with QR codes, then gunicorn over
HTTPS beside a plain-HTTP gunicorn that serves only the setup page, both supervised as one. Switches for a
shop's own certificate (TLS_CERT/TLS_KEY) and for a reverse proxy in front (TRUSTED_PROXIES).
"""
