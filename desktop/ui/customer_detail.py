"""The right-hand side of the main window: the chosen customer's name, and its tabs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QTabWidget, QVBoxLayout, QWidget

from desktop.domain.customers import Customer
from desktop.qt.session import SessionHolder
from desktop.qt.text_limits import elide
from desktop.ui.keys import key_text
from desktop.ui.panes.health import HealthPane
from desktop.ui.panes.incidents import IncidentsPane
from desktop.ui.panes.messages import MessagesPane
from desktop.ui.panes.overview import OverviewPane
from desktop.ui.panes.portals import PortalsPane
from desktop.ui.panes.requests import RequestsPane

# Measured, never shown: the height of an accented Latin line with a CJK fallback glyph.
_TALLEST_TEXT = "Ág 京"

Panes = tuple[OverviewPane, HealthPane, IncidentsPane, MessagesPane, PortalsPane, RequestsPane]


class CustomerHeader(QWidget):
    """The customer's name, and its domain and tenant id below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # API text: never HTML
        self.title.setObjectName("customerTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # CJK names come from a taller fallback font: reserve their height so the tabs do not
        # jump a few pixels when the selection moves between scripts.
        self.title.setText(_TALLEST_TEXT)
        self.title.setMinimumHeight(self.title.sizeHint().height())
        self.subtitle = QLabel()
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)  # API text: never HTML
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.title, self.subtitle):
            # A long name is cut at the window's edge (the whole of it in the tooltip), not
            # laid out at full width: that squeezed the customer list beside it.
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)

    def show_customer(self, customer: Customer | None) -> None:
        if customer is None:
            self.title.setText(QCoreApplication.translate("MainWindow", "No customer selected"))
            self.subtitle.setText(
                QCoreApplication.translate("MainWindow", "Find a customer with {0}.").format(
                    key_text("find")
                )
            )
            return
        # Cut first: a label lays its whole text out, and a huge name froze the window.
        self.title.setText(elide(customer.company_name or customer.domain))
        self.title.setToolTip(self.title.text())
        self.subtitle.setText(f"{elide(customer.domain)} · {elide(customer.tenant_id)}")
        self.subtitle.setToolTip(self.subtitle.text())


def customer_tabs(holder: SessionHolder) -> tuple[QTabWidget, Panes]:
    """The six panes of a customer, in their tabs (Alt+letter chooses one where the platform
    has mnemonics; Ctrl+1 … Ctrl+6 everywhere: desktop.ui.menus)."""
    health, incidents = HealthPane(holder), IncidentsPane(holder)
    panes: Panes = (
        OverviewPane(holder),
        health,
        incidents,
        MessagesPane(holder),
        PortalsPane(holder),
        RequestsPane(holder),
    )
    tabs = QTabWidget()
    tabs.setAccessibleName(QCoreApplication.translate("MainWindow", "Customer details"))
    labels = (
        QCoreApplication.translate("MainWindow", "&Overview"),
        QCoreApplication.translate("MainWindow", "Service &health"),
        QCoreApplication.translate("MainWindow", "&Incidents"),
        QCoreApplication.translate("MainWindow", "Planned chan&ges"),
        QCoreApplication.translate("MainWindow", "Admin &portals"),
        # Not "re&quests": an underlined q reads as a g.
        QCoreApplication.translate("MainWindow", "Service reque&sts"),
    )
    for pane, label in zip(panes, labels, strict=True):
        tabs.addTab(pane, label)

    def show_incidents(service: str) -> None:
        """A service opened in the health tab: its issues, in their tab."""
        incidents.show_service(service)
        tabs.setCurrentWidget(incidents)

    health.show_incidents.connect(show_incidents)
    return tabs, panes
