"""A refusal no page handles itself is said in the page's language by its code, never the service's English."""

from flask_babel import force_locale

from webapp.errors import Conflict, InvalidInput, NotFound
from webapp.web.strings import server_message


def test_a_refusal_reaches_a_japanese_page_in_japanese_by_its_code(app):
    with app.test_request_context(), force_locale("ja"):
        assert server_message(NotFound("No such task.")) == "それは存在しません(または削除されました)。"
        assert server_message(InvalidInput("Bad.", code="bad_check_digit")).startswith("チェックデジット")


def test_a_code_no_page_knows_gets_the_general_words_of_its_kind(app):
    with app.test_request_context(), force_locale("ja"):
        said = server_message(Conflict("Order PO-1 is locked by another edit.", code="po_locked"))
        assert said == "ほかの人が同時に変更しました。再読み込みしてからやり直してください。"


def test_words_already_in_japanese_and_any_english_page_keep_the_words_they_were_given(app):
    with app.test_request_context():
        with force_locale("ja"):
            assert (
                server_message(InvalidInput("1 から 9 の整数を入力してください。"))
                == "1 から 9 の整数を入力してください。"
            )
        with force_locale("en"):
            assert server_message(NotFound("No such task.")) == "No such task."
