"""Screenshots 30–33: 密钥与证书 (one certificate near its end, warned about), the form that
changes a key password with a wrong old one told next to it, 设置 with a value refused next to
its field, and the settings in English."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta

from tools.screenshots import PASSWORD, Shots, take


def shoot(s: Shots) -> None:
    from branchcheck.demo import DEMO_CA_PASSWORD
    from branchcheck.records import keys
    from ui import i18n
    from ui.screens import admin_keys, admin_settings

    store, window = s.store, s.window
    # a key issued almost five years ago: twelve days left
    keys.issue_credential(
        store,
        employee_no="E009",
        password=PASSWORD,
        ca_password=DEMO_CA_PASSWORD,
        not_before=datetime.now(UTC) - timedelta(days=1825 - 12),
    )
    s.sign_in()

    # 30 the keys and certificates
    dialog = admin_keys.open_dialog(window)
    dialog.resize(1240, 640)
    s.save(dialog, "30_keys.png")

    # 31 changing a key password: the old one is wrong
    dialog.password_button.click()
    form = dialog.form
    if form is None:
        raise RuntimeError("修改密钥密码 did not open")
    for key, value in {"old": "not-the-old", "new": "new-key-pw", "new2": "new-key-pw"}.items():
        form.set_value(key, value)
    form.confirm()
    s.settle()
    form.adjustSize()
    s.save(form, "31_key_password.png")
    form.reject()
    dialog.close()

    # 32 the settings, a value refused next to its field
    settings = admin_settings.open_dialog(window)
    settings.resize(900, 900)
    s.settle()
    settings.rows["due_days.critical"].show_value(30)
    settings.save()
    s.save(settings, "32_settings.png")

    # 33 the same in English
    i18n.set_language("en")
    s.settle()
    s.save(settings, "33_settings_en.png")
    i18n.set_language("zh")
    settings.close()


if __name__ == "__main__":
    sys.exit(take("python -m tools.screenshots.keys_settings", shoot))
