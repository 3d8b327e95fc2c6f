"""The owner sets up the shop's mail server on the notifications page and sends a test e-mail: the outcome
is shown at once in the owner's language, with the server's own answer; the password is never shown back."""

import html
import io
import re

import pytest
from sqlalchemy import select

from tests.builders import make_user
from tests.services.notifications.secure_smtp import LOGIN, PASSWORD, free_port, mail_server, throwaway_ca
from tests.web.helpers import PASSWORD as OWNER_PASSWORD
from tests.web.helpers import log_in
from webapp.extensions import db
from webapp.models import NotificationSettings

PAGE = "/office/notifications"


@pytest.fixture
def certs(tmp_path):
    return throwaway_ca(tmp_path)


@pytest.fixture
def server(certs):
    with mail_server(certs) as inbox:
        yield inbox


@pytest.fixture
def owner(app, client):
    _id, token = make_user("kobayashi", "owner", OWNER_PASSWORD)
    client.api_token = token
    client.csrf = log_in(client, "kobayashi")
    return client


def save(owner, port, certs=None, lang="en", **fields):
    """Post the mail server form as the owner types it (the CA file uploaded when given)."""
    data = {
        "csrf_token": owner.csrf,
        "smtp_host": "127.0.0.1",
        "smtp_port": str(port),
        "smtp_security": "starttls",
        "smtp_username": LOGIN,
        "smtp_password": PASSWORD,
        "mail_from": LOGIN,
        "mail_from_name": "田中商店 発注係",
    } | fields
    if certs:
        data["smtp_ca"] = (io.BytesIO(certs.ca_pem.encode()), "mail-ca.pem")
    owner.set_cookie("lang", lang)
    return owner.post(f"{PAGE}/mail-server", data=data, content_type="multipart/form-data")


def send_test(owner, address="kobayashi@tanaka-shoten.example.jp", lang="en"):
    owner.set_cookie("lang", lang)
    return owner.post(f"{PAGE}/test-mail", data={"csrf_token": owner.csrf, "address": address})


def outcome(answer) -> str:
    """The text of the test e-mail's outcome box."""
    found = re.search(r'id="test-mail-outcome">(.*?)</div>', answer.get_data(as_text=True), re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(1)))) if found else ""


@pytest.mark.parametrize("lang, said", [("en", "The test e-mail was sent"), ("ja", "テストメールを送信しました")])
def test_the_test_button_sends_through_starttls_and_says_so(owner, server, certs, lang, said):
    assert save(owner, server.port, certs).status_code == 303
    answer = send_test(owner, lang=lang)
    assert answer.status_code == 200 and said in outcome(answer)
    assert server.envelopes == [(LOGIN, ["kobayashi@tanaka-shoten.example.jp"])]
    assert server.messages[0]["From"].addresses[0].display_name == "田中商店 発注係"


@pytest.mark.parametrize(
    "scenario, lang, said, answer_part",
    [
        ("wrong_password", "en", "The server refused the login name or password.", "535"),
        ("wrong_password", "ja", "ログイン名またはパスワードが拒否されました", "535"),
        ("unknown_ca", "en", "The server's certificate is not trusted.", "local issuer certificate"),
        ("unknown_ca", "ja", "サーバーの証明書が信頼できません", "local issuer certificate"),
        ("nobody_listens", "en", "The connection was refused", ""),
        ("nobody_listens", "ja", "接続を拒否されました", ""),
    ],
)
def test_a_failed_test_is_explained_in_the_owners_language(owner, server, certs, scenario, lang, said, answer_part):
    if scenario == "wrong_password":
        save(owner, server.port, certs, smtp_password="wrong-password")
    elif scenario == "unknown_ca":
        save(owner, server.port)
    else:
        save(owner, free_port(), certs)
    answer = send_test(owner, lang=lang)
    text = outcome(answer)
    assert answer.status_code == 200 and said in text and answer_part in text
    assert "wrong-password" not in answer.get_data(as_text=True) and server.messages == []


def test_an_untrusted_server_is_used_once_the_owner_allows_it(owner, server):
    save(owner, server.port, smtp_allow_untrusted="1")
    assert "The test e-mail was sent" in outcome(send_test(owner))


def test_the_password_is_never_in_a_page_nor_an_api_answer_and_can_be_cleared(owner, server, certs):
    save(owner, server.port, certs)
    token = db.session.scalar(select(NotificationSettings.smtp_password_token))
    page = owner.get(PAGE).get_data(as_text=True)
    assert "Password: set" in page and PASSWORD not in page and token not in page
    assert PASSWORD not in outcome(send_test(owner))
    bearer = {"Authorization": f"Bearer {owner.api_token}"}
    for rule in owner.application.url_map.iter_rules():
        if rule.endpoint.startswith("api.") and "GET" in rule.methods and "<" not in rule.rule:
            body = owner.get(rule.rule, headers=bearer).get_data(as_text=True)
            assert PASSWORD not in body and token not in body, rule.rule
    save(owner, server.port, smtp_password="")  # left empty: the stored password stays
    assert "The test e-mail was sent" in outcome(send_test(owner))
    owner.post(f"{PAGE}/mail-server", data={"csrf_token": owner.csrf, "action": "clear_password"})
    assert "Password: not set" in owner.get(PAGE).get_data(as_text=True)
    assert db.session.scalar(select(NotificationSettings.smtp_password_token)) == ""


@pytest.mark.parametrize(
    "field, value, lang, said",
    [
        ("smtp_port", "70000", "en", "Enter a port from 1 to 65535."),
        ("smtp_port", "587a", "ja", "1〜65535のポート番号を入力してください。"),
        ("smtp_host", "smtp server", "en", "Enter a host name such as smtp.example.jp"),
        ("mail_from", "hatchu@", "ja", "hatchu@example.jp のようなメールアドレスを入力してください。"),
        ("smtp_security", "ssl3", "en", "Choose a security setting from the list."),
    ],
)
def test_a_bad_setting_is_a_422_in_the_owners_language_and_saves_nothing(owner, field, value, lang, said):
    answer = save(owner, 2525, lang=lang, **{field: value})
    page = answer.get_data(as_text=True)
    assert answer.status_code == 422 and said in page and PASSWORD not in page
    db.session.remove()
    assert db.session.scalar(select(NotificationSettings.smtp_host)) in (None, "")


@pytest.mark.parametrize("lang, said", [("en", "Enter an e-mail address"), ("ja", "メールアドレスを入力してください")])
def test_a_test_to_a_bad_address_is_a_422(owner, server, certs, lang, said):
    save(owner, server.port, certs)
    answer = send_test(owner, address="kobayashi at example", lang=lang)
    assert answer.status_code == 422 and said in answer.get_data(as_text=True) and server.messages == []


def test_a_worker_or_manager_may_not_change_the_mail_server(app, client):
    make_user("suzuki", "manager", OWNER_PASSWORD)
    csrf = log_in(client, "suzuki")
    answer = client.post(f"{PAGE}/mail-server", data={"csrf_token": csrf, "smtp_host": "smtp.example.jp"})
    assert answer.status_code == 403
    assert client.post(f"{PAGE}/test-mail", data={"csrf_token": csrf, "address": LOGIN}).status_code == 403


@pytest.mark.parametrize(
    "lang, said",
    [
        ("en", "Enter the recipients&#39; e-mail addresses"),
        ("ja", "宛先のメールアドレスをカンマ区切りで入力してください"),
    ],
)
def test_alert_settings_with_a_bad_recipient_are_a_422_in_the_owners_language(owner, lang, said):
    owner.set_cookie("lang", lang)
    form = {"csrf_token": owner.csrf, "email_enabled": "1", "email_mode": "immediate", "recipients": "kobayashi at"}
    answer = owner.post(PAGE, data=form)
    assert answer.status_code == 422 and said in answer.get_data(as_text=True)
    assert db.session.scalar(select(NotificationSettings.recipients)) in (None, "")


def test_a_digest_at_midnight_is_kept_as_hour_zero(owner):
    form = {"csrf_token": owner.csrf, "email_mode": "digest", "recipients": "kobayashi@tanaka-shoten.example.jp"}
    assert owner.post(PAGE, data=form | {"digest_hour": "0"}).status_code == 303
    db.session.remove()
    assert db.session.scalar(select(NotificationSettings.digest_hour)) == 0
