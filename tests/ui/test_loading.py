"""What the window loads on the worker: the store behind the lazy handle, the desk."""

from datetime import date

from ui.loading import load_core, load_desk
from ui.tasks import LazyStore


def test_load_core_opens_the_store_it_is_given(people_store):
    lazy = LazyStore(people_store.path)
    store = load_core(lazy)
    assert store.path == people_store.path


def test_load_desk_reads_the_desk_of_that_day(people_store):
    desk = load_desk(people_store, date(2026, 11, 30))
    assert desk.as_of == "2026-11-30"
