"""Favourites and tags in the main window: the star and tag actions, the list's Tags column
and scope, and which customers' notices reach the tray."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QDialog

from desktop.qt.tags import FAVOURITES, TAG_PREFIX
from desktop.services.notices import NoticeRules
from desktop.ui.scope import TagsDialog
from desktop.ui.widgets.dialogs import run_dialog

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class TagMarks(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.index = window.tag_index
        self.index.changed.connect(self._tags_changed)
        window.scope_box.scope_changed.connect(
            lambda scope: window.customers.set_scope(self.index.tenants(scope))
        )

    def toggle_favourite(self) -> None:
        customer = self._window.customers.current_customer()
        if customer is None:
            self._window.show_status(
                QCoreApplication.translate("MainWindow", "Choose a customer first."), 4000
            )
            return
        favourite = customer.tenant_id not in self.index.favourites
        self._window.holder.worker.spawn(self.index.set_favourite(customer.tenant_id, favourite))

    async def edit_tags(self) -> None:
        window = self._window
        customer = window.customers.current_customer()
        if customer is None:
            window.show_status(
                QCoreApplication.translate("MainWindow", "Choose a customer first."), 4000
            )
            return
        if not self.index.available:
            window.show_status(
                QCoreApplication.translate(
                    "MainWindow", "Tags are not available: the local store could not open."
                )
            )
            return
        dialog = TagsDialog(
            customer.company_name,
            self.index.tags_of(customer.tenant_id),
            sorted(self.index.by_tag, key=str.casefold),
            window,
        )
        if await run_dialog(dialog) == QDialog.DialogCode.Accepted:
            await self.index.set_tags(customer.tenant_id, dialog.tags())
            if self.index.error:
                window.show_status(
                    QCoreApplication.translate("MainWindow", "Tags not saved: {0}").format(
                        self.index.error
                    )
                )

    def _tags_changed(self) -> None:
        customers = self._window.customers
        customers.set_marks(self.index.marks())
        # Members of the chosen scope may have changed (a customer starred or untagged).
        scope = self._window.scope_box.scope
        if scope:
            customers.set_scope(self.index.tenants(scope))
        self.sync_favourite()

    def sync_favourite(self) -> None:
        # By tenant id: a refilter may have reset the view's current index for a moment.
        tenant = self._window.customers.current_tenant
        action = self._window.actions_by_name["favourite"]
        action.setChecked(tenant is not None and tenant in self.index.favourites)

    def scopes(self) -> list[tuple[str, str]]:
        """Whose notices may reach the tray: the choices, as (words, scope)."""
        return [
            (QCoreApplication.translate("MainWindow", "Every customer"), ""),
            (QCoreApplication.translate("MainWindow", "Favourites"), FAVOURITES),
            *(
                (
                    QCoreApplication.translate("MainWindow", "Tag: {0}").format(name),
                    TAG_PREFIX + name,
                )
                for name in sorted(self.index.by_tag, key=str.casefold)
            ),
            (QCoreApplication.translate("MainWindow", "Nobody (no notices)"), "none"),
        ]

    def notice_rules(self) -> NoticeRules:
        """Which notices reach the tray, from the settings (read at each sweep's start)."""
        settings = self._window.account.settings
        scope = settings.notify_scope
        tenants = set() if scope == "none" else self.index.tenants(scope)
        return NoticeRules(services=set(settings.notify_services) or None, tenants=tenants)
