"""Notifications and refresh: how often the health column refreshes, and which notices come.

A partner with thousands of customers does not want a tray message for every advisory of
every tenant: this narrows notices (tray and badge) to some services and to a scope
(favourites or one tag). Issues outside them are still marked seen (`desktop.services.notices`), so
widening the choice later does not bring old news back.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.config.settings import Settings


class NoticeSettingsDialog(QDialog):
    """Edits `refresh_minutes`, `notify_scope`, `notify_services` and `notify_major_days` of
    `settings`."""

    def __init__(
        self,
        settings: Settings,
        services: list[str],
        scopes: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Notifications and refresh"))
        self.refresh = QSpinBox()
        self.refresh.setRange(0, 24 * 60)
        self.refresh.setSingleStep(5)
        self.refresh.setSuffix(self.tr(" min"))
        self.refresh.setSpecialValueText(self.tr("Only by hand"))
        self.refresh.setValue(settings.refresh_minutes)
        self.refresh.setAccessibleName(self.tr("Refresh health every"))
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Notify about"))
        for label, key in scopes:
            self.scope.addItem(label, key)
        found = self.scope.findData(settings.notify_scope)
        self.scope.setCurrentIndex(max(found, 0))
        self.major_days = QSpinBox()
        self.major_days.setRange(0, 365)
        self.major_days.setSuffix(self.tr(" days"))
        self.major_days.setSpecialValueText(self.tr("Never"))
        self.major_days.setValue(settings.notify_major_days)
        self.major_days.setAccessibleName(
            self.tr("Notify about major changes whose action is due within")
        )
        self.major_days.setToolTip(
            self.tr(
                "Message center: one notice per major change whose action date is this close, "
                "naming the customers it concerns."
            )
        )
        self.services = QListWidget()
        self.services.setAccessibleName(self.tr("Services to notify about"))
        self.services.setAccessibleDescription(self.tr("Space checks or unchecks a service."))
        chosen = {s.casefold() for s in settings.notify_services}
        # Services chosen earlier stay listed even when the last sweep did not see them.
        names = sorted({*services, *settings.notify_services}, key=str.casefold)
        for name in names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = not chosen or name.casefold() in chosen
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.services.addItem(item)
        if not names:
            self.services.addItem(self.tr("Services appear here after the first health check."))
            self.services.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.tr("&Refresh health every:"), self.refresh)
        form.addRow(self.tr("&Notify about:"), self.scope)
        form.addRow(self.tr("&Major changes due within:"), self.major_days)
        services_label = QLabel(self.tr("&Services (all checked: every service, new ones too):"))
        services_label.setBuddy(self.services)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        # No service at all is "notify about nobody", which the scope says more plainly.
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.services.itemChanged.connect(lambda _item: ok.setEnabled(self._any_checked()))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(services_label)
        layout.addWidget(self.services, 1)
        layout.addWidget(buttons)
        self.resize(460, 480)

    def _any_checked(self) -> bool:
        items = [self.services.item(i) for i in range(self.services.count())]
        return any(i.checkState() == Qt.CheckState.Checked for i in items)

    def chosen(self) -> Settings:
        items = [self.services.item(i) for i in range(self.services.count())]
        checkable = [i for i in items if i.flags() & Qt.ItemFlag.ItemIsUserCheckable]
        on = [i.text() for i in checkable if i.checkState() == Qt.CheckState.Checked]
        # All checked means "all services", including ones Microsoft adds later.
        services = () if len(on) == len(checkable) else tuple(on)
        return replace(
            self.settings,
            refresh_minutes=self.refresh.value(),
            notify_scope=self.scope.currentData() or "",
            notify_services=services,
            notify_major_days=self.major_days.value(),
        )
