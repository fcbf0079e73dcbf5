"""Account dialogs open ready to type: the first field the person fills in has the focus (it
had been the buttons, made first, so typing a name at start went nowhere)."""

from desktop.ui.accounts import first_account_dialog, sign_in_dialog


def test_sign_in_opens_on_the_name(qtbot):
    dialog = sign_in_dialog(lambda name, password: None)
    qtbot.addWidget(dialog)
    assert dialog.focusWidget() is dialog.name


def test_sign_in_with_a_known_name_opens_on_the_password(qtbot):
    dialog = sign_in_dialog(lambda name, password: None, name="Li Ming")
    qtbot.addWidget(dialog)
    assert dialog.focusWidget() is dialog.password


def test_the_first_account_opens_on_the_name(qtbot):
    dialog = first_account_dialog(lambda name, role, password: None)
    qtbot.addWidget(dialog)
    assert dialog.focusWidget() is dialog.name
