"""Tags and favourites: the user's own data, in the data dir, kept across restarts."""

from __future__ import annotations

import threading

import pytest

from desktop.config.paths import data_dir
from desktop.store import Tags


@pytest.fixture
def tags():
    t = Tags()
    yield t
    t.close()


def test_tags_on_customers(tags: Tags):
    assert tags.path == data_dir() / "tags.sqlite3"
    tags.add("t1", "VIP")
    tags.add("t1", "Migration Q3")
    tags.add("t2", "vip")  # the same tag, in the spelling it was first given
    tags.add("t2", "  VIP ")
    assert tags.tags("t1") == {"VIP", "Migration Q3"}
    assert tags.tags("t2") == {"VIP"}
    assert tags.tenants("vip") == {"t1", "t2"}
    assert tags.all_tags() == {"Migration Q3": 1, "VIP": 2}
    tags.remove("t1", "Migration  Q3")
    assert tags.tags("t1") == {"VIP"}
    assert tags.all_tags() == {"VIP": 2}  # a tag nobody carries is gone
    tags.remove("t2", "nonexistent")
    assert tags.tenants("VIP") == {"t1", "t2"}
    assert tags.tags("t3") == set()
    assert tags.tenants("nothing") == set()


def test_an_empty_tag_is_refused(tags: Tags):
    with pytest.raises(ValueError, match="text"):
        tags.add("t1", "   ")
    assert tags.all_tags() == {}


def test_tenant_ids_ignore_case(tags: Tags):
    tags.add("AbC-1", "VIP")
    assert tags.tags("abc-1") == {"VIP"}
    tags.set_favourite("AbC-1", True)
    assert tags.is_favourite("ABC-1")
    assert tags.favourites() == {"AbC-1"}


def test_favourites(tags: Tags):
    tags.set_favourite("t1", True)
    tags.set_favourite("t2", True)
    tags.set_favourite("t1", True)
    assert tags.favourites() == {"t1", "t2"}
    tags.set_favourite("t2", False)
    tags.set_favourite("t9", False)
    assert tags.favourites() == {"t1"}
    assert not tags.is_favourite("t2")


def test_kept_across_restarts():
    first = Tags()
    first.add("t1", "Escalated")
    first.set_favourite("t1", True)
    first.close()
    again = Tags()
    assert again.notice is None
    assert again.tags("t1") == {"Escalated"}
    assert again.favourites() == {"t1"}
    again.close()


def test_many_threads(tags: Tags):
    def work(n: int) -> None:
        for i in range(40):
            tags.add(f"t{i}", f"tag{n}")
            tags.set_favourite(f"t{i}", i % 2 == 0)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert tags.all_tags() == {f"tag{n}": 40 for n in range(4)}
    assert len(tags.favourites()) == 20
