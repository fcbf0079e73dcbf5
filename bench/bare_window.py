"""The reference for start-up: a bare PySide6 main window with a 200 x 8 table, nothing else.

Run by the same python as `mdt-planner` and timed the same way (until its window is mapped).
"""

import sys

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

TITLE = "Bare table window"

app = QApplication(sys.argv)
model = QStandardItemModel(200, 8)
for row in range(200):
    for column in range(8):
        model.setItem(row, column, QStandardItem(str(row * column)))
window = QMainWindow()
window.setWindowTitle(TITLE)
table = QTableView()
table.setModel(model)
window.setCentralWidget(table)
window.resize(1280, 800)
window.show()
sys.exit(app.exec())
