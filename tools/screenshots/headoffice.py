"""Screenshots headoffice-*: the branch packs its sealed period (打包上报), head office takes the
package in through its window (导入上报包, the results), browses the branch's records and
findings, lists its trusted CAs, and the branch imports head office's receipt (导入总行回执).

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tools.screenshots.headoffice"""

from __future__ import annotations

import sys
from datetime import date

from tools.screenshots import PASSWORD, Shots, take, wait_for

HO_PASSWORD = "ho-secret-1"


def shoot(s: Shots) -> None:
    from branchcheck import inspections
    from branchcheck.headoffice.store import open_headoffice
    from branchcheck.headoffice.trust import trust_add
    from branchcheck.records import keys, pki
    from ui.screens import upload_package
    from ui.screens.headoffice import HeadOfficeWindow

    store, window = s.store, s.window
    sealed = [r for r in inspections.list_records(store) if r.status == "sealed"]
    days = sorted(date.fromisoformat(r.local_date) for r in sealed)
    s.sign_in()

    # the branch: 打包上报
    pack = upload_package.open_package_dialog(window)
    pack.first_edit.setDate(upload_package._qdate(days[0]))
    pack.last_edit.setDate(upload_package._qdate(days[-1]))
    pack.password_edit.setText(PASSWORD)
    pack.make()
    s.settle()
    result = pack.result_value
    assert result is not None, pack.error.text() or pack.errors["password"].text()
    s.save(pack, "headoffice-package.png")
    pack.accept()

    # head office: its key, the branch CA trusted, the window
    ca_key, ca_cert = pki.create_ca("总行 CA", "总行")
    key, cert = pki.issue_signing_cert(
        ca_key, ca_cert, name="总行收件", employee_no="HO001", organization="总行"
    )
    p12 = s.home / "headoffice.p12"
    ho_key = pki.Credential(key, cert, [ca_cert])
    p12.write_bytes(pki.make_p12(ho_key, HO_PASSWORD))
    url = f"sqlite:///{s.home / 'headoffice.sqlite3'}"
    db = open_headoffice(url)
    trust_add(db, keys.export_ca(store, s.home / "branch-ca.pem"), credential=ho_key)
    db.dispose()
    ho = HeadOfficeWindow(url)
    ho.resize(1280, 800)
    ho.show()

    def settle() -> None:
        for _ in range(3):
            wait_for(s.loop, lambda: not ho.tasks.busy, "head office's worker")
            s.pump()

    def save(widget, name: str) -> None:
        settle()
        widget.grab().save(str(s.out / name))
        print(s.out / name)

    try:
        settle()
        dialog = ho.open_ingest()
        assert dialog is not None
        dialog.folder_edit.setText(str(result.folder.parent))
        dialog._folder_changed()
        dialog.key_edit.setText(str(p12))
        dialog.password_edit.setText("not-the-password")
        dialog.start()
        save(dialog, "headoffice-ingest-wrong-password.png")
        dialog.password_edit.setText(HO_PASSWORD)
        dialog.start()
        wait_for(s.loop, lambda: bool(dialog.outcomes), "the ingest")
        save(dialog, "headoffice-ingest.png")
        dialog.accept()
        settle()
        ho.records_table.selectRow(0)
        save(ho, "headoffice-records.png")
        ho.tabs.setCurrentIndex(1)
        save(ho, "headoffice-findings.png")
        ho.tabs.setCurrentIndex(2)
        save(ho, "headoffice-packages.png")
        ho.tabs.setCurrentIndex(0)
        ho.set_language("en")  # from its 语言 / Language menu
        save(ho, "headoffice-records-en.png")
        ho.set_language("zh")
        trust = ho.open_trust()
        assert trust is not None
        settle()
        trust.table.selectRow(0)
        trust.key_edit.setText(str(p12))
        save(trust, "headoffice-trust.png")
        trust.accept()
        signer = ho.open_signer()
        assert signer is not None
        signer.edits["key"].setText(str(p12))
        save(signer, "headoffice-signer.png")
        signer.accept()
        receipt = dialog.outcomes[0].receipt
    finally:
        ho.close()
        ho.tasks.shutdown()
        ho.dispose()

    # the branch: 导入总行回执, head office's CA trusted by an administrator
    keys.trust_ca(store, pem=pki.cert_to_pem(ca_cert), admin_no="E001", admin_password=PASSWORD)
    receipts = upload_package.open_receipt_dialog(window)
    receipts.file_edit.setText(str(receipt))
    receipts.import_receipt()
    s.settle()
    s.save(receipts, "headoffice-receipt.png")


if __name__ == "__main__":
    sys.exit(take("python -m tools.screenshots.headoffice", shoot))
