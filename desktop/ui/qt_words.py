"""Words of Qt's own dialogs whose Chinese Qt's translation lacks.

qtbase_zh_CN.qm (shipped in PySide6-Essentials) was made for older source texts: Qt's file
dialog now says "&Look in:" and "Files of &type:" where the translation knows "Look in:" and
"Files of type:", so those labels stayed English in the Chinese app. The file dialog's type
column names a folder through QAbstractFileIconProvider, a context the translation lacks
altogether. Named here under Qt's own contexts, they go into the planner's .ts
(scripts/update_translations.py); the planner's translator is installed after Qt's and answers
for them first (Qt asks for "Folder" with a disambiguation; a translator that has none for it
answers with the entry without one).
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_WORDS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
)
