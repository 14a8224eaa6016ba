"""The keys screen's small forms: a core message shown in the window's language."""

from ui import i18n
from ui.screens.key_form import in_language

MESSAGE = "原密钥密码不正确 / the old password is wrong\n  → nothing was changed"


def test_a_message_is_shown_in_the_windows_language(qtbot):
    assert in_language(MESSAGE) == "原密钥密码不正确"
    assert in_language("/tmp/x.p12: 无法读取 / cannot read") == "/tmp/x.p12: 无法读取"
    assert in_language("environment variable X is not set") == "environment variable X is not set"
    try:
        i18n.set_language("en")
        assert in_language(MESSAGE) == "The old password is wrong\n  → nothing was changed"
        assert in_language("/tmp/x.p12: 无法读取 / cannot read") == "/tmp/x.p12: cannot read"
    finally:
        i18n.set_language("zh")
