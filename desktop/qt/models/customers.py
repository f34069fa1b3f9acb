"""The customer list: tens of thousands of tenants, filtered as the user types, with health.

Typing must stay under a frame at 50,000 customers. Each customer gets one search key up front
(its name and domains folded by `desktop.domain.search`) and its tenant id in lower case; a
keystroke that extends the previous text only narrows the rows already visible, and anything
else scans the key list once per word. Health arrives in batches from background fetches and
touches only the Health cells of the affected rows. Names sort by the user's language
(`desktop.qt.collation`): "Bäckerei" with the B's, not after Z. A list comes with its names
ranked off the GUI thread (`rank_names`, `NameRanks`), and the Name column sorts by those ints;
a list without them, or with names they lack, is ranked here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Final

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt

from desktop.domain.customer_health import HealthSummary
from desktop.domain.customers import Customer
from desktop.domain.enums import Severity
from desktop.domain.gdap import GdapRelationship, GdapState
from desktop.domain.search import (
    FIELD_SEPARATOR,
    fold,
    is_tenant_id_word,
    query_words,
    search_key,
)
from desktop.qt.collation import NameRanks, collation_name, name_collator
from desktop.qt.models.customer_cells import (
    GDAP_NONE,
    GDAP_NOT_LOADED,
    GdapCell,
    gdap_cell_state,
    gdap_text,
    gdap_tooltip,
    health_tooltip,
)
from desktop.qt.models.table import (
    QT_TRANSLATE_NOOP,
    Column,
    RecordTableModel,
    SortRole,
    StatusRole,
    labelled,
    text_column,
)
from desktop.qt.text_limits import NAME_CHARS, elide
from desktop.qt.words import health_count_word

NAME, DOMAIN, RELATIONSHIP, TENANT, HEALTH, GDAP, TAGS = range(7)

_CONTEXT: Final = "CustomerTableModel"
FAVOURITE: Final = "★"
_HEALTH_ROLES: Final = (
    int(Qt.ItemDataRole.DisplayRole),
    int(Qt.ItemDataRole.ToolTipRole),
    int(Qt.ItemDataRole.AccessibleTextRole),
    SortRole,
    StatusRole,
)


def _searchable(customer: Customer, domains: Iterable[str] = ()) -> str:
    """What the filter finds a customer by, besides its tenant id: its name and every domain
    known for it (names cut to `NAME_CHARS`: folding a huge name took the GUI thread with it,
    and no one types past what is shown)."""
    name, domain = elide(customer.company_name), elide(customer.domain)
    if not domains and name.isascii() and domain.isascii():
        # Most rows: one form per field, and lower() is casefold for ASCII (a third of the
        # time of the general path at 50,000 customers).
        return f"{name}{FIELD_SEPARATOR}{domain}".lower()
    return search_key(name, domain, *(elide(d) for d in domains))


def sort_name(customer: Customer) -> str:
    """The name as the Name column sorts it (as shown: cut to `NAME_CHARS`)."""
    return elide(customer.company_name, NAME_CHARS)


def rank_names(customers: Iterable[Customer], locale: QLocale) -> NameRanks:
    """The customers' names ranked for the Name column by `locale`'s collation (blocks: run it
    on the worker while a list loads, with the GUI thread's `QLocale()`; give it to `set_rows`).
    """
    return NameRanks.of(map(sort_name, customers), locale)


def _tenant_key(customer: Customer) -> str:
    return elide(customer.tenant_id).lower()


def _widens(words: tuple[str, ...], previous: tuple[str, ...]) -> bool:
    """Whether a word typed further now also looks in tenant ids ("abc" became "abcd"), so it
    can match rows the shorter one did not."""
    return any(
        is_tenant_id_word(w) and not is_tenant_id_word(p) and w.startswith(p)
        for w in words
        if w not in previous
        for p in previous
    )


relationship_label = labelled(
    {
        "reseller": QT_TRANSLATE_NOOP("CustomerTableModel", "Reseller"),
        "advisor": QT_TRANSLATE_NOOP("CustomerTableModel", "Advisor"),
        "syndication": QT_TRANSLATE_NOOP("CustomerTableModel", "Syndication"),
        "microsoft_support": QT_TRANSLATE_NOOP("CustomerTableModel", "Microsoft support"),
        "none": QT_TRANSLATE_NOOP("CustomerTableModel", "None"),
        "unknown": QT_TRANSLATE_NOOP("CustomerTableModel", "Unknown"),
    },
    _CONTEXT,
)


def _severity(summary: HealthSummary | None) -> Severity | None:
    return None if summary is None else summary.severity


def _gdap_severity(cell: GdapCell) -> Severity | None:
    return Severity.DEGRADED if gdap_cell_state(cell) == GdapState.ENDING else None


def _marks_sort_key(text: str) -> tuple[bool, str] | None:
    return (not text.startswith(FAVOURITE), text.casefold()) if text else None


def _health_sort_key(summary: HealthSummary | None) -> Severity | None:
    """Known health by severity; not loaded and not known sort last."""
    return None if summary is None or summary.failure is not None else summary.worst


class CustomerTableModel(RecordTableModel[Customer]):
    """Customers with a type-ahead filter and a Health column.

    Roles: `RecordRole` gives the Customer; `StatusRole` the `Severity` a cell's badge shows:
    on the Health column the worst service's (UNKNOWN when not known, None when not loaded),
    on the GDAP column DEGRADED for a relationship ending soon. `SortRole` on Health is the
    worst severity, None when not loaded or not known; on GDAP the `GdapState`.
    Health is kept by tenant id across `set_rows`, so a refreshed list keeps what was loaded.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        self._health: dict[str, HealthSummary] = {}
        # Folded search text per record, built at the first search (`prepare_search`): work
        # the window's first paint need not wait for.
        self._search: list[str] | None = None
        self._tenant_keys: list[str] = []  # lower-case tenant id per record, with `_search`
        # Domains learnt beyond the list's own (the custom domains of a customer's profile,
        # read when it was opened), by tenant id: searched like the list's domain.
        self._domains: dict[str, tuple[str, ...]] = {}
        self._words: tuple[str, ...] = ()
        self._folded = ""
        self._narrowable = True  # the visible rows are exactly those matching `_words`

        self._gdap: dict[str, GdapRelationship] | None = None  # None: not loaded
        self._badges: dict[Severity, object] = {}
        self._marks: Mapping[str, str] = {}  # tenant id -> "★ tag, tag" (local, desktop.store.tags)

        # The Name column's ranks, and the collator that makes them here when a list comes
        # without (`set_rows`) or with names they lack (`_rank`).
        self._collator = name_collator()
        self._collation = collation_name()
        self._ranks = NameRanks(self._collation, [], {})
        self._offered: NameRanks | None = None  # handed over with the list `set_rows` sets

        def known_domains(c: Customer) -> list[str]:
            learnt = self._domains.get(c.tenant_id, ())
            return [elide(d) for d in dict.fromkeys((c.domain, *learnt))]

        def summary(c: Customer) -> HealthSummary | None:
            return self._health.get(c.tenant_id)

        def gdap(c: Customer) -> GdapCell:
            if self._gdap is None:
                return GDAP_NOT_LOADED
            return self._gdap.get(c.tenant_id.lower(), GDAP_NONE)

        columns: list[Column[Customer]] = [
            Column(
                QT_TRANSLATE_NOOP("RecordTableModel", "Name"),
                sort_name,
                # By the user's language, as a phone book: "Bäckerei" among the B's. An int:
                # its rank among the list's names (`NameRanks`), as cheap to compare as text.
                lambda c: self._ranks.rank(sort_name(c)),
                # The name and its domains: two customers of the same name differ there.
                tooltip=lambda c: "\n".join((elide(c.company_name), *known_domains(c))),
            ),
            text_column(
                QT_TRANSLATE_NOOP("RecordTableModel", "Domain"),
                lambda c: c.domain,
                limit=NAME_CHARS,
                # Every domain known for the customer: the search finds it by each of them.
                tooltip=lambda c: "\n".join(known_domains(c)),
            ),
            text_column(
                QT_TRANSLATE_NOOP("RecordTableModel", "Relationship"),
                lambda c: relationship_label(c.relationship),
            ),
            text_column(
                QT_TRANSLATE_NOOP("RecordTableModel", "Tenant ID"),
                lambda c: c.tenant_id,
                limit=NAME_CHARS,
            ),
            Column(
                QT_TRANSLATE_NOOP("RecordTableModel", "Health"),
                lambda c: health_count_word(summary(c)),
                lambda c: _health_sort_key(summary(c)),
                tooltip=lambda c: health_tooltip(summary(c)),
                accessible=lambda c: QCoreApplication.translate(
                    "CustomerTableModel", "Health: %1"
                ).replace("%1", health_count_word(summary(c))),
                status=lambda c: _severity(summary(c)),
                decoration=lambda c: self._badge(summary(c)),
            ),
            Column(
                QT_TRANSLATE_NOOP("RecordTableModel", "GDAP"),
                lambda c: gdap_text(gdap(c)),
                lambda c: gdap_cell_state(gdap(c)),
                tooltip=lambda c: gdap_tooltip(gdap(c)),
                status=lambda c: _gdap_severity(gdap(c)),
                # Ending soon: the amber badge too, so it is seen in a long list.
                decoration=lambda c: self._gdap_badge(gdap(c)),
            ),
            Column(
                QT_TRANSLATE_NOOP("RecordTableModel", "Tags"),
                lambda c: self._marks.get(c.tenant_id, ""),
                # Favourites first, then tagged, then the rest: "" sorts last either way.
                lambda c: _marks_sort_key(self._marks.get(c.tenant_id, "")),
            ),
        ]
        super().__init__(
            columns,
            parent,
            key=lambda c: c.tenant_id,
            sort=(NAME, Qt.SortOrder.AscendingOrder),
            tie_column=NAME,
        )

    # --- filtering ---------------------------------------------------------------------------

    def set_filter(self, text: str) -> None:
        """Show customers matching every word of `text`: in the name or a domain, folded alike
        (`desktop.domain.search.fold`: no case, umlauts written out or not, no accents), or in
        the tenant id for a word of at least four hex digits (`is_tenant_id_word`).
        """
        folded = fold(text)
        words = query_words(text)
        previous = self._words
        narrowing = (
            self._narrowable and folded.startswith(self._folded) and not _widens(words, previous)
        )
        self._folded = folded
        if words == previous and self._narrowable:
            return
        self._words = words
        self._narrowable = True
        if narrowing:
            # Every old word is a substring of a new one, so only visible rows can still match,
            # and they already match the old words.
            self._set_visible(
                self._matching(self._visible, [w for w in words if w not in previous])
            )
        else:
            self._refilter()

    def filter_text(self) -> str:
        return self._folded

    def set_extra_filter(self, accept: Callable[[Customer], bool] | None) -> None:
        """A further condition (tags, favourites…) on top of the text; None for none."""
        self.set_predicate(accept)

    def total(self) -> int:
        return len(self._all)

    def visible(self) -> int:
        return len(self._visible)

    def row_of(self, tenant_id: str) -> int | None:
        return self.row_of_key(tenant_id)

    def prepare_search(self) -> None:
        """Build the search text of every customer now (else at the first search)."""
        if self._search is None:
            domains = self._domains
            self._search = [_searchable(c, domains.get(c.tenant_id, ())) for c in self._all]
            self._tenant_keys = [_tenant_key(c) for c in self._all]

    def add_domains(self, tenant_id: str, domains: Iterable[str]) -> None:
        """More domains of a customer (its custom and default domains, once read), found by the
        search from the next keystroke on."""
        known = self._domains.get(tenant_id, ())
        new = tuple(d for d in dict.fromkeys(domains) if d and d not in known)
        if not new:
            return
        self._domains[tenant_id] = known + new
        index = self._index_of_key(tenant_id)
        if index is not None and self._search is not None:
            self._search[index] = _searchable(self._all[index], self._domains[tenant_id])
        self._narrowable = False  # the row may match now: the next keystroke looks again

    def domains(self, tenant_id: str) -> tuple[str, ...]:
        """The domains learnt for a customer beyond the list's own (`add_domains`)."""
        return self._domains.get(tenant_id, ())

    # --- names' ranks ---------------------------------------------------------------------------

    def set_rows(self, records: Iterable[Customer], ranks: NameRanks | None = None) -> None:
        """Replace every customer. `ranks`: their names ranked off the GUI thread (`rank_names`),
        used if made for the app's language and ranking every name; else they are ranked here.
        """
        self._offered = ranks
        try:
            super().set_rows(records)
        finally:
            self._offered = None

    def _rank_all(self) -> None:
        """Ranks for every name of the list (before its Name keys are made)."""
        collation = collation_name()
        if collation != self._collation:  # the app's language changed since
            self._collator = name_collator()
            self._collation = collation
            self._ranks = NameRanks(collation, [], {})
        names = list(map(sort_name, self._all))
        offered, ranks = self._offered, self._ranks
        if offered is not None and offered.covers(names, collation):
            self._ranks = offered
        elif len(ranks) <= 2 * len(names):
            # Mostly the names ranked already (a list read again): only the new ones go in.
            self._ranks = ranks.with_names(names, self._collator)
        else:  # the names of older lists would pile up
            self._ranks = NameRanks.of(names, self._collator.locale())
        rank = self._ranks.ranks
        self._keys[NAME] = [rank[n] for n in names]  # the Name column's keys, made once

    def _rank(self, indices: list[int]) -> None:
        """Ranks for the names of these records too; if that moves any other's rank, the Name
        keys are made again at the next sort (never a mix of old and new ranks)."""
        ranks = self._ranks
        merged = ranks.with_names((sort_name(self._all[i]) for i in indices), self._collator)
        if merged is not ranks:
            self._ranks = merged
            self._keys.pop(NAME, None)
            self._orders.clear()

    def _rows_replaced(self) -> None:
        self._search = None
        self._rank_all()

    def _rows_added(self, indices: list[int]) -> None:
        self._rank(indices)
        if self._search is not None:
            domains = self._domains
            for i in indices:
                c = self._all[i]
                self._search.append(_searchable(c, domains.get(c.tenant_id, ())))
                self._tenant_keys.append(_tenant_key(c))

    def _rows_updated(self, indices: list[int]) -> None:
        self._rank(indices)
        if self._search is not None:
            domains = self._domains
            for i in indices:
                c = self._all[i]
                self._search[i] = _searchable(c, domains.get(c.tenant_id, ()))
                self._tenant_keys[i] = _tenant_key(c)
        # Changed rows keep their place until the filter runs again, so they may not match.
        self._narrowable = False

    def _filtered(self, candidates: list[int]) -> list[int]:
        self._narrowable = True  # a full scan: what it shows matches `_words` exactly
        return super()._filtered(self._matching(candidates, self._words))

    def _matching(self, candidates: list[int], words: list[str] | tuple[str, ...]) -> list[int]:
        if not words:
            return candidates
        self.prepare_search()
        keys = self._search
        assert keys is not None
        ids = self._tenant_keys
        # The longest word first: it is usually the rarest, so later words scan fewer rows.
        for word in sorted(words, key=len, reverse=True):
            if is_tenant_id_word(word):
                candidates = [i for i in candidates if word in keys[i] or word in ids[i]]
            else:
                candidates = [i for i in candidates if word in keys[i]]
        return candidates

    # --- health ------------------------------------------------------------------------------

    def health(self, tenant_id: str) -> HealthSummary | None:
        return self._health.get(tenant_id)

    def set_health(self, tenant_id: str, summary: HealthSummary | None) -> None:
        self.set_health_many({tenant_id: summary})

    def set_health_many(self, summaries: Mapping[str, HealthSummary | None]) -> None:
        """Record health for many tenants; repaints only their Health cells (None: not loaded).

        Rows do not move even when sorted by Health; `resort()` places them.
        """
        changed: list[int] = []
        for tenant_id, summary in summaries.items():
            if self._health.get(tenant_id) == summary:
                continue
            if summary is None:
                del self._health[tenant_id]
            else:
                self._health[tenant_id] = summary
            index = self._index_of_key(tenant_id)
            if index is not None:
                changed.append(index)
        if changed:
            self._keys_changed(HEALTH, changed)
            self._emit_changed(changed, HEALTH, HEALTH, _HEALTH_ROLES)

    def clear_health(self) -> None:
        self.set_health_many(dict.fromkeys(self._health))

    def set_badges(self, badges: Mapping[Severity, object]) -> None:
        """Icons per `Severity` for the `DecorationRole` (UNKNOWN: health not known).

        Drawn by the view's C++ delegate: a Python delegate made every repaint of the list
        call into Python per cell, and each call waits for the GIL while a sweep's threads
        hold it: the list stalled.
        """
        self._badges = dict(badges)

    def _badge(self, summary: HealthSummary | None) -> object:
        return None if summary is None else self._badges.get(summary.severity)

    def _gdap_badge(self, cell: GdapCell) -> object:
        severity = _gdap_severity(cell)
        return None if severity is None else self._badges.get(severity)

    # --- GDAP ----------------------------------------------------------------------------------

    def gdap(self, tenant_id: str) -> GdapRelationship | None:
        return None if self._gdap is None else self._gdap.get(tenant_id.lower())

    def gdap_loaded(self) -> bool:
        """Whether the relationships are in (`set_gdap`), so the GDAP column says something."""
        return self._gdap is not None

    def set_marks(self, marks: Mapping[str, str]) -> None:
        """Favourite star and tags per tenant id, as shown in the Tags column."""
        self._marks = dict(marks)
        rows = list(range(len(self._all)))
        if rows:
            self._keys_changed(TAGS, rows)
            self._emit_changed(rows, TAGS, TAGS, _HEALTH_ROLES)

    def has_marks(self) -> bool:
        """Whether any customer is starred or tagged (the Tags column has something to show)."""
        return bool(self._marks)

    def marks(self, tenant_id: str) -> str:
        return self._marks.get(tenant_id, "")

    def set_gdap(self, relationships: Mapping[str, GdapRelationship] | None) -> None:
        """The partner's best relationship per tenant (lower-case id); None: not loaded.

        Customers without one are marked "No GDAP", never hidden: the partner still sees them
        and their Partner Center data.
        """
        self._gdap = (
            None if relationships is None else {k.lower(): v for k, v in relationships.items()}
        )
        rows = list(range(len(self._all)))
        if rows:
            self._keys_changed(GDAP, rows)
            self._emit_changed(rows, GDAP, GDAP, _HEALTH_ROLES)
