"""An error as a person reads it: its own words in each language, or the matching half of a
one-line "中文 / English" message; the English hint goes with the English only."""

from branchcheck.errors import AuthError, BranchCheckError, bilingual_halves


def test_a_bilingual_message_is_read_in_the_window_s_language():
    exc = AuthError(
        "张伟（E004） 不能备份：须由网点负责人办理 / E004 cannot back up", hint="sign in"
    )
    assert exc.words("zh") == "张伟（E004） 不能备份：须由网点负责人办理"
    assert exc.words("en") == "E004 cannot back up\n  → sign in"


def test_own_words_win_and_other_messages_stay_whole():
    own = BranchCheckError("x / y", zh="中文", en="English")
    assert (own.words("zh"), own.words("en")) == ("中文", "English")
    plain = BranchCheckError("item 'a': 5 / 2 is not a ratio")
    assert plain.words("zh") == plain.words("en") == "item 'a': 5 / 2 is not a ratio"
    assert bilingual_halves("一 / 二 / three") is None
    assert bilingual_halves("第一行 / first\n第二行") is None
