"""A form's `next` may only lead to a page of this site."""

import pytest

from webapp.domain.redirects import same_site_path


@pytest.mark.parametrize("target", ["/", "/office", "/office/items?q=置時計&page=2", "/workflows/task#12"])
def test_a_path_of_this_site_is_followed(target):
    assert same_site_path(target)


@pytest.mark.parametrize(
    "target",
    [
        None,
        "",
        "https://evil.example/office",
        "//evil.example/office",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "office",
        "/office\r\nSet-Cookie: x=1",
    ],
)
def test_another_site_or_junk_is_not(target):
    assert not same_site_path(target)
