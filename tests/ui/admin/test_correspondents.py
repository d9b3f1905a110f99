"""The correspondents directory: debounced search, paging, masking, editing, merging."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import replace

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app import people
from app.people import CorrespondentInput, create_correspondent
from app.text import skeleton
from models.tables import Correspondent, Document
from tests.app._rules_helpers import reg
from ui.admin import correspondents as module
from ui.admin.correspondents import CorrespondentsDialog, member_items
from ui.keys import type_text


def _open(qtbot, ctx, runner) -> CorrespondentsDialog:  # type: ignore[no-untyped-def]
    dlg = CorrespondentsDialog(ctx, runner)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.ready, timeout=10_000)
    return dlg


def _many(ctx, n: int) -> None:  # type: ignore[no-untyped-def]
    now = dt.datetime(2026, 11, 1)
    with ctx.db.write() as s:
        for i in range(n):
            name = f"ნინო კაპანაძე {i:03d}"
            s.add(
                Correspondent(
                    kind="person",
                    name=name,
                    name_skeleton=skeleton(name),
                    personal_id=f"01{i:09d}",
                    address="",
                    phone="",
                    email="",
                    created_at=now,
                    updated_at=now,
                )
            )


def test_pages_of_fifty_with_masked_numbers_for_a_viewer(qtbot, ctx, runner, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    _many(ctx, 60)
    viewer = replace(ctx, actor=replace(ctx.actor, role="viewer"))
    dlg = _open(qtbot, viewer, runner)
    qtmodeltester.check(dlg.model)
    assert dlg.model.rowCount() == 50
    assert dlg.page_label.text() == "1–50 / 60"
    assert not dlg.prev_button.isEnabled() and dlg.next_button.isEnabled()
    assert dlg.model.row(0).personal_id == "01*******00"
    assert dlg.model.data(dlg.model.index(0, 2)) == "01*******00"
    assert not dlg.save_button.isEnabled()  # a viewer does not edit
    qtbot.mouseClick(dlg.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.page_label.text() == "51–60 / 60", timeout=10_000)
    assert dlg.model.rowCount() == 10
    assert dlg.model.row(0).name == "ნინო კაპანაძე 050"
    assert dlg.prev_button.isEnabled() and not dlg.next_button.isEnabled()
    qtbot.mouseClick(dlg.prev_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.page_label.text() == "1–50 / 60", timeout=10_000)


def test_search_waits_for_typing_to_pause_and_drops_superseded_answers(
    qtbot, ctx, runner, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _many(ctx, 3)
    create_correspondent(ctx.db, ctx.actor, CorrespondentInput(name="გიორგი ბერიძე"))
    calls: list[str] = []
    real = people.search_correspondents

    def spy(db, actor, text, offset, limit):  # type: ignore[no-untyped-def]
        calls.append(text)
        return real(db, actor, text, offset, limit)

    monkeypatch.setattr(module, "search_correspondents", spy)
    dlg = _open(qtbot, ctx, runner)
    assert calls == [""]
    assert dlg.model.rowCount() == 4
    qtbot.keyClicks(dlg.search, "beri")  # Latin finds the Georgian name through the skeleton
    qtbot.waitUntil(lambda: len(calls) == 2 and dlg.ready, timeout=10_000)
    assert calls == ["", "beri"]  # one query for four keystrokes
    assert [r.name for r in dlg.model.rows] == ["გიორგი ბერიძე"]
    assert dlg.page_label.text() == "1–1 / 1"

    # A slow answer to an older query arrives after the newer one: it is dropped.
    release = threading.Event()

    def slow_then_fast(db, actor, text, offset, limit):  # type: ignore[no-untyped-def]
        if text == "ნინო":
            release.wait(10)
        return real(db, actor, text, offset, limit)

    monkeypatch.setattr(module, "search_correspondents", slow_then_fast)
    dlg.search.setText("ნინო")
    dlg.refresh_first_page()
    dlg.search.setText("xyz")
    dlg.refresh_first_page()
    qtbot.waitUntil(lambda: dlg.ready, timeout=10_000)
    assert dlg.model.rowCount() == 0
    assert dlg.page_label.text() == "ვერაფერი მოიძებნა"
    release.set()
    assert runner.wait(10_000)
    qtbot.waitUntil(lambda: not runner.busy())  # the stale answer was delivered, and dropped
    assert dlg.model.rowCount() == 0


def test_edit_shows_errors_under_fields_then_saves(qtbot, ctx, runner) -> None:  # type: ignore[no-untyped-def]
    row = create_correspondent(
        ctx.db, ctx.actor, CorrespondentInput(name="ეკა გოგუაძე", personal_id="01001012345")
    )
    dlg = _open(qtbot, ctx, runner)
    dlg.table.selectRow(0)
    assert dlg.name.text() == "ეკა გოგუაძე"
    assert dlg.personal_id.text() == "01001012345"  # an administrator sees it whole
    dlg.personal_id.clear()
    qtbot.keyClicks(dlg.personal_id, "123")
    qtbot.keyClick(dlg.personal_id, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(dlg.errors.text("personal_id")), timeout=10_000)
    assert "11 ციფრ" in dlg.errors.text("personal_id")
    assert people.get_correspondent(ctx.db, ctx.actor, row.id).personal_id == "01001012345"
    dlg.personal_id.clear()
    qtbot.keyClicks(dlg.personal_id, "01001012346")
    dlg.address.clear()
    type_text(dlg.address, "ლანჩხუთი, რუსთაველის ქ. 5")
    with qtbot.waitSignal(dlg.saved, timeout=10_000) as sig:
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.errors.text("personal_id") == ""
    saved = people.get_correspondent(ctx.db, ctx.actor, row.id)
    assert (saved.personal_id, saved.address) == ("01001012346", "ლანჩხუთი, რუსთაველის ქ. 5")
    assert sig.args[0].version == saved.version
    qtbot.waitUntil(lambda: dlg.ready and dlg.model.row(0).address == saved.address)

    # New: empty name is refused under the name
    qtbot.mouseClick(dlg.new_button, Qt.MouseButton.LeftButton)
    assert dlg.name.text() == "" and dlg.form_title.text() == "ახალი კორესპონდენტი"
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "სავალდებულო" in dlg.errors.text("name"), timeout=10_000)


def test_duplicates_are_listed_and_merged_by_an_administrator(
    qtbot, ctx, runner, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    a = create_correspondent(
        ctx.db, ctx.actor, CorrespondentInput(name="გიორგი ბერიძე", personal_id="01001012345")
    )
    b = create_correspondent(
        ctx.db, ctx.actor, CorrespondentInput(name="Giorgi Beridze", phone="599123456")
    )
    create_correspondent(ctx.db, ctx.actor, CorrespondentInput(name="ნინო ბერიძე"))
    da = reg(ctx.db, ctx.clock, dt.date(2026, 11, 2), "letter", correspondent_id=a.id)
    db_ = reg(ctx.db, ctx.clock, dt.date(2026, 11, 3), "letter", correspondent_id=b.id)
    asked: list[str] = []
    monkeypatch.setattr(module, "confirm", lambda p, t, text: asked.append(text) or True)
    dlg = _open(qtbot, ctx, runner)
    dlg.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: dlg.duplicates_ready, timeout=10_000)
    members = member_items(dlg.tree)
    assert [m.text(0) for m in members] == ["გიორგი ბერიძე", "Giorgi Beridze"]
    assert "მსგავსი დასახელება" in dlg.tree.topLevelItem(0).text(0)
    assert dlg.tree.currentItem() is members[0]  # keep the first, merge the ticked rest
    assert dlg.merge_button.isEnabled()
    members[1].setCheckState(0, Qt.CheckState.Unchecked)
    assert not dlg.merge_button.isEnabled()  # nothing left to merge
    members[1].setCheckState(0, Qt.CheckState.Checked)
    with qtbot.waitSignal(dlg.merged, timeout=10_000) as sig:
        qtbot.mouseClick(dlg.merge_button, Qt.MouseButton.LeftButton)
    assert "Giorgi Beridze" in asked[0]
    result = sig.args[0]
    assert result.kept.id == a.id and result.merged_ids == (b.id,)
    assert result.documents_moved == 1
    with ctx.db.read() as s:
        assert s.scalar(select(func.count(Correspondent.id))) == 2
        owners = {d.id: d.correspondent_id for d in s.scalars(select(Document))}
    assert owners == {da.id: a.id, db_.id: a.id}
    kept = people.get_correspondent(ctx.db, ctx.actor, a.id)
    assert kept.phone == "599123456"  # blank field filled from the merged record
    assert "გადავიდა 1 დოკუმენტი" in dlg.dup_notice.text()
    qtbot.waitUntil(lambda: dlg.duplicates_ready and dlg.tree.topLevelItemCount() == 0)


def test_only_an_administrator_may_merge(qtbot, ctx, runner) -> None:  # type: ignore[no-untyped-def]
    create_correspondent(ctx.db, ctx.actor, CorrespondentInput(name="გიორგი ბერიძე"))
    create_correspondent(ctx.db, ctx.actor, CorrespondentInput(name="Giorgi Beridze"))
    registrar = replace(ctx, actor=replace(ctx.actor, role="registrar"))
    dlg = _open(qtbot, registrar, runner)
    dlg.table.selectRow(0)
    qtbot.mouseClick(dlg.find_duplicates_button, Qt.MouseButton.LeftButton)
    assert dlg.tabs.currentIndex() == 1
    qtbot.waitUntil(lambda: dlg.duplicates_ready, timeout=10_000)
    assert len(member_items(dlg.tree)) == 2
    assert "#" in dlg.dup_scope.text()
    assert not dlg.merge_button.isEnabled()


def test_enter_searches_at_once_and_saves_a_new_correspondent_once(qtbot, ctx, runner) -> None:  # type: ignore[no-untyped-def]
    _many(ctx, 60)
    dlg = _open(qtbot, ctx, runner)
    qtbot.keyClicks(dlg.search, "nino")
    qtbot.keyClick(dlg.search, Qt.Key.Key_Return)  # no waiting for the pause
    assert not dlg._timer.isActive()
    qtbot.waitUntil(lambda: dlg.ready, timeout=10_000)
    assert dlg.page_label.text() == "1–50 / 60"  # Enter pressed no paging button
    qtbot.mouseClick(dlg.new_button, Qt.MouseButton.LeftButton)
    type_text(dlg.name, "შპს „ლანჩხუთის წყალი“")
    dlg.kind.setCurrentIndex(dlg.kind.findData("organisation"))
    qtbot.keyClicks(dlg.org_code, "204567891")
    with qtbot.waitSignal(dlg.saved, timeout=10_000) as sig:
        qtbot.keyClick(dlg.org_code, Qt.Key.Key_Return)
    assert runner.wait(10_000)
    with ctx.db.read() as s:
        names = list(
            s.scalars(select(Correspondent.name).where(Correspondent.org_code == "204567891"))
        )
    assert names == ["შპს „ლანჩხუთის წყალი“"]
    assert sig.args[0].kind == "organisation"
    assert dlg.isVisible()
