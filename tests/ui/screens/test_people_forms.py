"""The shared parts of the people screens: core messages in the window's language, a refusal by
field, a person's form."""

from branchcheck.errors import EntryError, StateError
from ui import i18n
from ui.screens.people_forms import (
    PersonForm,
    RolesPicker,
    field_errors,
    in_language,
    refusal_text,
)


def test_a_bilingual_message_is_shown_in_the_windows_language():
    message = "姓名：不能为空 / name: is required\n第二行 / second line"
    assert in_language(message) == "姓名：不能为空\n第二行"
    i18n.set_language("en")
    try:
        assert in_language(message) == "name: is required\nsecond line"
    finally:
        i18n.set_language("zh")


def test_a_pair_after_a_closing_bracket_and_a_hint():
    message = (
        "岗位：未知岗位 飞行员（可用：柜员）/ roles: unknown 飞行员\n  → 改正后重试 / correct it"
    )
    assert in_language(message) == "岗位：未知岗位 飞行员（可用：柜员）\n  → 改正后重试"
    i18n.set_language("en")
    try:
        assert in_language(message) == "roles: unknown 飞行员\n  → correct it"
        assert in_language("外部：是/否 / external: yes/no") == "external: yes/no"
    finally:
        i18n.set_language("zh")


def test_a_line_that_is_not_one_pair_is_left_whole():
    several = "第 2 行 / row 2，“岗位”列 / column roles"
    assert in_language(several) == several
    assert in_language("E001 only") == "E001 only"


def test_a_refusal_by_field_and_a_plain_one():
    exc = EntryError({"name": "姓名：不能为空 / name: is required"})
    assert field_errors(exc) == {"name": "姓名：不能为空"}
    plain = StateError("不能停用自己 / you cannot deactivate yourself", hint="请另一位管理员办理")
    assert field_errors(plain) == {}
    assert refusal_text(plain).startswith("不能停用自己")
    assert "意外错误" in refusal_text(ValueError("boom"))


def test_the_person_form_collects_what_was_typed(qtbot):
    form = PersonForm()
    qtbot.addWidget(form)
    form.employee_no.setText(" E011 ")
    form.name.setText("黄晓明")
    form.roles.set_roles(["teller", "sorter"])
    person = form.person()
    assert (person.employee_no, person.roles, person.external) == (
        "E011",
        ("teller", "sorter"),
        False,
    )
    assert form.typed_password() is None  # left empty: the person does not sign in
    form.password.setText("abcdefgh")
    form.password_again.setText("abcdefgx")
    assert "不一致" in form.mismatch()["password_again"]
    rest = form.show_errors({"roles": "岗位：至少一个岗位", "on": "日期"})
    assert rest == {"on": "日期"}
    assert not form.errors["roles"].isHidden() and form.errors["name"].isHidden()
    form.clear()
    assert form.employee_no.text() == "" and form.roles.roles() == ()
    assert form.errors["roles"].isHidden()


def test_an_escorts_form_has_an_organisation_and_no_roles_or_password(qtbot):
    form = PersonForm(external=True)
    qtbot.addWidget(form)
    assert not form.roles.isVisibleTo(form) and form.organisation.isVisibleTo(form)
    form.organisation.setText("押运公司")
    form.password.setText("ignored")
    person = form.person()
    assert person.roles == ("escort",) and person.external and person.organisation == "押运公司"
    assert form.typed_password() is None and form.mismatch() == {}


def test_the_roles_follow_the_language(qtbot):
    picker = RolesPicker()
    qtbot.addWidget(picker)
    assert "escort" not in picker.keys
    assert picker.boxes[0].text() == "网点负责人"
    i18n.set_language("en")
    try:
        picker.retranslate()
        assert picker.boxes[0].text() == "Branch head"
    finally:
        i18n.set_language("zh")
