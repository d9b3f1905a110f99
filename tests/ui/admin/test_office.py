"""Letterhead and mail server settings from the administration menu."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app import mail, office
from ui.admin.office import OfficeDialog
from ui.keys import type_text


def test_signer_and_mail_server_are_saved_and_a_bad_address_is_refused(qtbot, ctx, runner) -> None:  # type: ignore[no-untyped-def]
    dlg = OfficeDialog(ctx, runner)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.ready, timeout=10_000)
    assert dlg.fields["office_name"].text() == office.office_settings(ctx.db).name
    dlg.fields["email"].clear()
    type_text(dlg.fields["email"], "არა-მისამართი")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dlg.errors.text("email")), timeout=10_000)
    assert office.office_settings(ctx.db).email != "არა-მისამართი"
    dlg.fields["email"].clear()
    type_text(dlg.fields["email"], "info@kutaisi.gov.ge")
    type_text(dlg.fields["signer_name"], "ივანე ბერიძე")
    type_text(dlg.fields["smtp_host"], "mail.kutaisi.gov.ge")
    dlg.port.setValue(587)
    dlg.starttls.setChecked(True)
    with qtbot.waitSignal(dlg.saved, timeout=10_000):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert office.office_settings(ctx.db).signer_name == "ივანე ბერიძე"
    m = mail.smtp_settings(ctx.db)
    assert (m.host, m.port, m.starttls) == ("mail.kutaisi.gov.ge", 587, True)
