"""UI fixtures: a workspace step page mounted on an in-memory case document."""

import pytest

from desktop.logic.clinical.evaluation import evaluate
from desktop.ui.settings import Settings
from desktop.ui.undo import CaseDocument
from tests.factories import make_case


@pytest.fixture
def mount_step(qtbot, tmp_path):
    """`mount_step(PageClass, case=None)`: the page, re-showing results on every document change."""

    def mount(page_class, case=None):
        document = CaseDocument(case or make_case())
        page = page_class(document, Settings.at(tmp_path / "s.ini"))
        qtbot.addWidget(page)

        def show():
            page.refresh()
            page.show_results(evaluate(document.case))

        document.changed.connect(show)
        show()
        return page

    return mount
