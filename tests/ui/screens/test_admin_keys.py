"""密钥与证书: the certificates with their validity and warnings, and each action's form."""

from datetime import UTC, datetime, timedelta

from branchcheck.records import keys
from ui.screens import admin_keys

CA_PW = "ca-password-1"


def _fill(form, **values):
    for key, value in values.items():
        form.set_value(key, value)
    form.ok_button.click()


def test_create_the_ca_then_issue_a_key_and_see_it_listed(signed_in, people_store):
    dialog = admin_keys.open_dialog(signed_in)
    assert dialog.table.rowCount() == 0
    assert dialog.ca_button.isEnabled() and not dialog.issue_button.isEnabled()
    assert "王建国 (E001)" in dialog.without.text()

    dialog.ca_button.click()
    form = dialog.form
    _fill(form, ca=CA_PW, ca2="something-else", admin="demo1234")
    assert form.errors["ca2"].text() == "两次输入的密码不一致"
    assert form.errors["ca"].isHidden() and form.isVisible()
    _fill(form, ca2=CA_PW, admin="wrong-password")
    assert "密码不正确" in form.errors["admin"].text()
    assert keys.trusted_cas(people_store) == []
    _fill(form, admin="demo1234")
    assert not form.isVisible() and dialog.status.text() == "已建立网点 CA"
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 2).text() == "本网点 CA"
    assert not dialog.ca_button.isEnabled() and dialog.issue_button.isEnabled()

    dialog.issue_button.click()
    form = dialog.form
    assert form.values()["person"] == "E001"  # the first person without a key
    _fill(
        form, person="E004", key="key-pw-01", key2="key-pw-01", ca="wrong-ca-pw", admin="demo1234"
    )
    assert form.errors["ca"].isVisible() and not keys.has_credential(people_store, "E004")
    _fill(form, ca=CA_PW)
    assert dialog.status.text() == "已签发密钥"
    fp = keys.load_credential(people_store, "E004", "key-pw-01").fingerprint
    row = next(
        r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "E004"
    )
    assert dialog.table.item(row, 7).text() == fp
    assert dialog.table.item(row, 3).text() == "当前"
    assert "张伟 (E004)" not in dialog.without.text()


def test_changing_a_key_password_shows_a_wrong_old_one_next_to_it(signed_in, people_store):
    keys.create_branch_ca(people_store, ca_password=CA_PW)
    keys.issue_credential(people_store, employee_no="E001", password="key-pw-01", ca_password=CA_PW)
    dialog = admin_keys.open_dialog(signed_in)
    dialog.password_button.click()
    form = dialog.form
    assert form.values()["person"] == "E001"  # the signed-in person
    _fill(form, old="not-the-old", new="short", new2="short")
    assert "至少 8 个字符" in form.errors["new"].text()
    _fill(form, new="key-pw-02", new2="key-pw-02")
    assert "原密钥密码不正确" in form.errors["old"].text()
    _fill(form, old="key-pw-01")
    assert dialog.status.text() == "密钥密码已更改"
    keys.load_credential(people_store, "E001", "key-pw-02")


def test_a_certificate_near_its_end_is_warned_about_in_colour(signed_in, people_store):
    keys.create_branch_ca(people_store, ca_password=CA_PW)
    keys.issue_credential(
        people_store,
        employee_no="E003",
        password="key-pw-01",
        ca_password=CA_PW,
        not_before=datetime.now(UTC) - timedelta(days=1825 - 12),
    )
    dialog = admin_keys.open_dialog(signed_in)
    assert dialog.warning.isVisible() and "E003" in dialog.warning.text()
    row = next(
        r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "E003"
    )
    item = dialog.table.item(row, 6)
    assert item.background().color().name() == admin_keys.EXPIRING_BG
    assert not dialog.table.item(row, 0).icon().isNull()
    ca_row = next(
        r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "—"
    )
    assert dialog.table.item(ca_row, 0).icon().isNull()


def test_a_teller_is_refused_trusting_a_ca_and_nothing_changes(
    make_window, people_store, vault, tmp_path
):
    from branchcheck.records import pki

    _key, cert = pki.create_ca("某银行 CA", "某银行")
    pem = tmp_path / "bank-ca.pem"
    pem.write_text(pki.cert_to_pem(cert), encoding="ascii")
    window = make_window()
    vault.sign_in(window, "E004")
    dialog = admin_keys.open_dialog(window)
    dialog.trust_button.click()
    form = dialog.form
    _fill(form, file=str(pem), admin="demo1234")
    assert "E004" in form.errors["admin"].text() and form.isVisible()
    assert keys.trusted_cas(people_store) == []


def test_the_administration_menu_opens_it(signed_in):
    [action] = [a for a, text in signed_in.admin_menu.actions if text == "密钥与证书"]
    action.trigger()
    assert signed_in.findChild(admin_keys.KeysDialog).isVisible()
