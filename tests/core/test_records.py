"""``records.record`` behaves as a frozen dataclass: each case is checked against the
same class built by the standard library's ``dataclasses`` (the independent reference)."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from functools import cached_property
from typing import ClassVar

import pytest

from interkultur import records
from interkultur.records import FrozenInstanceError, field, record


def _pair(body: dict[str, object], annotations: dict[str, str], **options: bool) -> tuple[type, type]:
    """The same class body made a record and a frozen dataclass."""
    ours = record(**options)(type("Point", (), {**body, "__annotations__": dict(annotations)}))
    theirs = dataclasses.dataclass(frozen=True, **options)(
        type("Point", (), {**body, "__annotations__": dict(annotations)})
    )
    return ours, theirs


def _defaults_body(dc: bool) -> dict[str, object]:
    make = dataclasses.field if dc else field
    return {"y": 2, "tags": make(default_factory=list)}


ANNOTATIONS = {"x": "int", "y": "int", "tags": "list[str]"}


def _both() -> tuple[type, type]:
    ours = record(type("Point", (), {**_defaults_body(False), "__annotations__": dict(ANNOTATIONS)}))
    theirs = dataclasses.dataclass(frozen=True)(
        type("Point", (), {**_defaults_body(True), "__annotations__": dict(ANNOTATIONS)})
    )
    return ours, theirs


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [((1,), {}), ((1, 5), {}), ((1,), {"y": 7}), ((), {"x": 3, "tags": ["a"]}), ((1, 2, ["b"]), {})],
)
def test_construction_repr_eq_and_hash_match_a_frozen_dataclass(args: tuple, kwargs: dict) -> None:
    ours, theirs = _both()
    a, b = ours(*args, **kwargs), theirs(*args, **kwargs)
    assert repr(a) == repr(b)
    assert (a.x, a.y, a.tags) == (b.x, b.y, b.tags)
    same = ours(*args, **kwargs)
    assert a == same
    assert (a != same) is False
    assert a != ours(99)
    assert a != b  # another class is never equal, as between two dataclasses


def test_hash_is_that_of_the_tuple_of_fields_as_for_a_frozen_dataclass() -> None:
    ours, theirs = _pair({}, {"a": "int", "b": "tuple[int, ...]"})
    assert hash(ours(1, (2, 3))) == hash(theirs(1, (2, 3))) == hash((1, (2, 3)))
    assert len({ours(1, ()), ours(1, ()), ours(2, ())}) == 2


def test_default_factory_gives_each_instance_its_own_value() -> None:
    ours, _ = _both()
    first, second = ours(1), ours(2)
    assert first.tags == [] and first.tags is not second.tags


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [((), {}), ((1, 2, [], 4), {}), ((1,), {"x": 2}), ((1,), {"z": 3})],
)
def test_wrong_arguments_raise_type_error_like_a_dataclass(args: tuple, kwargs: dict) -> None:
    ours, theirs = _both()
    with pytest.raises(TypeError):
        theirs(*args, **kwargs)
    with pytest.raises(TypeError):
        ours(*args, **kwargs)


def test_assignment_and_deletion_are_refused() -> None:
    ours, _ = _both()
    point = ours(1)
    with pytest.raises(FrozenInstanceError):
        point.x = 2
    with pytest.raises(AttributeError):  # FrozenInstanceError is an AttributeError, as dataclasses'
        del point.y
    assert point.x == 1


def test_classvar_annotations_are_not_fields() -> None:
    @record
    class Counted:
        limit: ClassVar[int] = 3
        value: int

    assert records.fields(Counted) == ("value",)
    assert Counted(1).limit == 3
    with pytest.raises(TypeError):
        Counted(1, 2)  # type: ignore[call-arg]


def test_post_init_and_cached_property_store_on_the_instance() -> None:
    @record
    class Derived:
        a: int

        def __post_init__(self) -> None:
            object.__setattr__(self, "_double", 2 * self.a)

        @cached_property
        def square(self) -> int:
            return self.a * self.a

    d = Derived(4)
    assert d._double == 8  # type: ignore[attr-defined]
    assert d.square == 16 and d.__dict__["square"] == 16


def test_an_explicit_hash_in_the_class_body_is_kept() -> None:
    @record
    class Keyed:
        a: int
        b: int

        def __hash__(self) -> int:
            return 7

    assert hash(Keyed(1, 2)) == 7 and Keyed(1, 2) == Keyed(1, 2)


def test_eq_false_compares_by_identity() -> None:
    ours, theirs = _pair({}, {"a": "int"}, eq=False)
    assert ours(1) != ours(1) and theirs(1) != theirs(1)
    one = ours(1)
    assert one == one and hash(one) == object.__hash__(one)


def test_fields_left_out_of_compare_and_repr_and_init() -> None:
    @record
    class Memo:
        a: int
        cache: dict[int, int] = field(default_factory=dict, init=False, compare=False, repr=False)

    @dataclasses.dataclass(frozen=True)
    class MemoDC:
        a: int
        cache: dict[int, int] = dataclasses.field(default_factory=dict, init=False, compare=False, repr=False)

    one, other = Memo(1), Memo(1)
    one.cache[1] = 2
    assert one == other and hash(one) == hash(other) == hash(MemoDC(1))
    assert repr(one).replace("Memo(", "MemoDC(") == repr(MemoDC(1))
    assert repr(one).endswith(".<locals>.Memo(a=1)")
    with pytest.raises(TypeError):
        Memo(1, {})  # type: ignore[call-arg]


def test_record_bases_contribute_their_fields_first() -> None:
    @record
    class Base:
        a: int
        b: int = 0

    @record
    class Child(Base):
        c: int = 1

    assert records.fields(Child) == ("a", "b", "c")
    assert Child(5, c=9) == Child(5, 0, 9)
    assert repr(Child(5)).endswith("Child(a=5, b=0, c=1)")


def test_a_required_field_after_a_default_is_refused_as_by_dataclasses() -> None:
    with pytest.raises(TypeError):
        dataclasses.dataclass(frozen=True)(type("Bad", (), {"a": 1, "__annotations__": {"a": "int", "b": "int"}}))
    with pytest.raises(TypeError):
        record(type("Bad", (), {"a": 1, "__annotations__": {"a": "int", "b": "int"}}))


def test_dataclasses_field_in_a_record_is_an_error_not_a_silent_default() -> None:
    with pytest.raises(TypeError, match="records.field"):
        record(type("Mixed", (), {"a": dataclasses.field(default=1), "__annotations__": {"a": "int"}}))


def test_replace_returns_a_changed_copy_and_names_unknown_fields() -> None:
    ours, theirs = _both()
    changed = records.replace(ours(1, 2, ["t"]), y=5)
    assert repr(changed) == repr(dataclasses.replace(theirs(1, 2, ["t"]), y=5))
    with pytest.raises(TypeError, match="'nope'"):
        records.replace(ours(1), nope=3)


@record
class _Pickled:
    a: int
    b: tuple[int, ...] = ()


@record(slots=True)
class _Slotted:
    a: int
    b: str = "x"


@pytest.mark.parametrize("value", [_Pickled(1, (2, 3)), _Slotted(4, "y")])
def test_records_pickle_and_copy(value: object) -> None:
    for clone in (pickle.loads(pickle.dumps(value)), copy.copy(value), copy.deepcopy(value)):
        assert clone == value and type(clone) is type(value)


def test_slotted_records_have_no_instance_dict() -> None:
    item = _Slotted(1)
    assert not hasattr(item, "__dict__")
    with pytest.raises(FrozenInstanceError):
        item.a = 2  # type: ignore[misc]
