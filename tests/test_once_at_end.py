"""OnceAtEnd: work asked within a block, again and again for the same items, done once an item at the block's end."""

from posenc_gui.app.once_at_end import OnceAtEnd


def test_work_asked_within_a_block_is_done_once_an_item_at_its_end_in_the_order_asked():
    done = []
    once = OnceAtEnd(done.append)
    assert not once.ask("axis") and not once.holding  # outside a block: do it now
    with once.block():
        assert once.holding
        for item in ("b", "a", "b", "a", "c"):
            assert once.ask(item)
        with once.block():  # an inner block: done at the outer one's end
            assert once.ask("d")
        assert done == []
    assert done == ["b", "a", "c", "d"] and not once.holding


def test_work_is_done_when_the_block_ends_by_an_exception():
    done = []
    once = OnceAtEnd(done.append)
    try:
        with once.block():
            once.ask("bar")
            raise ValueError
    except ValueError:
        pass
    assert done == ["bar"] and not once.holding
