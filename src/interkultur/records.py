"""Frozen value classes (``@record``) that cost nothing to define.

The catalogue, the rules and the calendars are immutable values: frozen
dataclasses in behaviour. On Python 3.11 ``dataclasses`` compiles each generated
method (``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``,
``__delattr__``) from source with ``exec``; with the 55 value classes a CLI call
imports, that and the import of ``inspect`` which ``dataclasses`` needs took about
40 of the 125 ms of ``interkultur holidays --year`` (benchmarks/README.md).
``record`` builds the same methods from closures over the field names, so a class
costs microseconds. Python 3.13 batches the ``exec`` calls; on 3.11 this is the
lever.

Semantics follow a frozen dataclass: fields are the annotations of the class
body, after those of record bases, in order; ``ClassVar`` annotations are not
fields; ``field(default_factory=...)`` or a class attribute gives a default;
``__post_init__`` runs after ``__init__``; instances compare equal when of the
same class with equal compared fields and hash like the tuple of them;
methods the class body defines itself (``__hash__``, ``__repr__``) are kept;
assignment raises ``FrozenInstanceError`` (an ``AttributeError``, as
dataclasses'). ``__post_init__`` and ``functools.cached_property`` store
through ``object.__setattr__`` / the instance ``__dict__`` as they do on a frozen
dataclass. Type checkers see a dataclass (``dataclass_transform``). Mutable
helper classes of the web layer stay plain dataclasses: start-up does not matter
to a server.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

__all__ = ["FrozenInstanceError", "field", "fields", "record", "replace"]

T = TypeVar("T")

_MISSING: Any = object()


class FrozenInstanceError(AttributeError):
    """Raised on assignment to (or deletion of) an attribute of a record."""


class Field:
    """What ``field()`` puts in a class body: a default, a factory, and whether the field is compared."""

    __slots__ = ("compare", "default", "default_factory", "init", "repr")

    def __init__(
        self, default: Any, default_factory: Callable[[], Any] | None, init: bool, compare: bool, repr: bool
    ) -> None:
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.compare = compare
        self.repr = repr


def field(
    *,
    default: Any = _MISSING,
    default_factory: Callable[[], Any] | None = None,
    init: bool = True,
    compare: bool = True,
    repr: bool = True,
) -> Any:
    """A field with a default factory (``field(default_factory=dict)``), set only by its default
    (``init=False``), or left out of ``==``, ``hash`` (``compare=False``) or ``repr``."""
    if default is not _MISSING and default_factory is not None:
        raise ValueError("cannot specify both default and default_factory")
    if not init and default is _MISSING and default_factory is None:
        raise ValueError("a field with init=False needs a default or a default_factory")
    return Field(default, default_factory, init, compare, repr)


class _Spec:
    """A record class's fields, kept on the class as ``__record_fields__``."""

    __slots__ = ("compared", "defaults", "factories", "names", "params", "shown")

    def __init__(
        self,
        names: tuple[str, ...],
        params: tuple[str, ...],
        defaults: dict[str, Any],
        factories: dict[str, Callable[[], Any]],
        compared: tuple[str, ...],
        shown: tuple[str, ...],
    ) -> None:
        self.names = names
        self.params = params
        self.defaults = defaults
        self.factories = factories
        self.compared = compared
        self.shown = shown


def _is_classvar(annotation: object) -> bool:
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__qualname__", "")
    return isinstance(text, str) and text.split("[", 1)[0].rsplit(".", 1)[-1] == "ClassVar"


def _collect(cls: type) -> _Spec:
    names: list[str] = []
    defaults: dict[str, Any] = {}
    factories: dict[str, Callable[[], Any]] = {}
    hidden: set[str] = set()
    uncompared: set[str] = set()
    computed: set[str] = set()
    for base in reversed(cls.__mro__[1:]):
        spec = base.__dict__.get("__record_fields__")
        if spec is not None:
            names += [n for n in spec.names if n not in names]
            defaults.update(spec.defaults)
            factories.update(spec.factories)
            hidden.update(n for n in spec.names if n not in spec.shown)
            uncompared.update(n for n in spec.names if n not in spec.compared)
            computed.update(n for n in spec.names if n not in spec.params)
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        if _is_classvar(annotation):
            continue
        if name not in names:
            names.append(name)
        value = cls.__dict__.get(name, _MISSING)
        if type(value).__module__ == "dataclasses":
            raise TypeError(f"{cls.__name__}.{name}: use records.field, not dataclasses.field")
        if isinstance(value, Field):
            if not value.repr:
                hidden.add(name)
            if not value.compare:
                uncompared.add(name)
            if not value.init:
                computed.add(name)
            if value.default_factory is not None:
                factories[name] = value.default_factory
                delattr(cls, name)
            elif value.default is not _MISSING:
                defaults[name] = value.default
                setattr(cls, name, value.default)
            else:
                delattr(cls, name)
        elif value is not _MISSING:
            defaults[name] = value
    params = tuple(n for n in names if n not in computed)
    seen_default = False
    for name in params:
        has_default = name in defaults or name in factories
        if seen_default and not has_default:
            raise TypeError(f"{cls.__name__}: non-default field {name!r} follows a field with a default")
        seen_default = seen_default or has_default
    return _Spec(
        tuple(names),
        params,
        defaults,
        factories,
        tuple(n for n in names if n not in uncompared),
        tuple(n for n in names if n not in hidden),
    )


def _make_init(cls: type, spec: _Spec) -> Callable[..., None]:
    names, defaults, factories = spec.params, spec.defaults, spec.factories
    computed = tuple(n for n in spec.names if n not in names)
    count = len(names)
    post_init = getattr(cls, "__post_init__", None)
    setter = object.__setattr__
    uses_dict = "__slots__" not in cls.__dict__

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if not kwargs and not computed and post_init is None and len(args) == count:
            if uses_dict:  # the common call: every field, in order
                self.__dict__.update(zip(names, args))
            else:
                for name, value in zip(names, args):
                    setter(self, name, value)
            return
        if len(args) > count:
            raise TypeError(f"{type(self).__name__}() takes {count} arguments but {len(args)} were given")
        values = dict(zip(names, args))
        for name in names[len(args) :]:
            if name in kwargs:
                values[name] = kwargs.pop(name)
            elif name in defaults:
                values[name] = defaults[name]
            elif name in factories:
                values[name] = factories[name]()
            else:
                raise TypeError(f"{type(self).__name__}() missing required argument: {name!r}")
        if kwargs:
            unexpected = next(iter(kwargs))
            if unexpected in names:
                raise TypeError(f"{type(self).__name__}() got multiple values for argument {unexpected!r}")
            raise TypeError(f"{type(self).__name__}() got an unexpected keyword argument {unexpected!r}")
        for name in computed:
            values[name] = defaults[name] if name in defaults else factories[name]()
        if uses_dict:
            self.__dict__.update(values)
        else:
            for name, value in values.items():
                setter(self, name, value)
        if post_init is not None:
            post_init(self)

    return __init__


def _values_of(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """A fast ``lambda obj: (obj.a, obj.b, ...)``, a tuple for any number of names."""
    if not names:
        return lambda obj: ()
    if len(names) == 1:
        (name,) = names
        return lambda obj: (getattr(obj, name),)
    return attrgetter(*names)


def _make_methods(spec: _Spec, eq: bool) -> dict[str, Any]:
    shown = spec.shown
    values = _values_of(spec.compared)

    def __repr__(self: Any) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{type(self).__qualname__}({inner})"

    def __setattr__(self: Any, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self: Any, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    methods: dict[str, Any] = {"__repr__": __repr__, "__setattr__": __setattr__, "__delattr__": __delattr__}
    if eq:

        def __eq__(self: Any, other: object) -> bool:
            if other.__class__ is not self.__class__:
                return NotImplemented
            return values(self) == values(other)

        def __hash__(self: Any) -> int:
            return hash(values(self))

        methods["__eq__"] = __eq__
        methods["__hash__"] = __hash__
    return methods


def _explicit(cls: type, name: str) -> bool:
    """Whether the class body defines ``name`` (an ``__eq__`` in the body sets ``__hash__ = None``)."""
    if name == "__hash__":
        own = cls.__dict__.get("__hash__", _MISSING)
        return own is not _MISSING and not (own is None and "__eq__" in cls.__dict__)
    return name in cls.__dict__


def _build(cls: type, eq: bool, repr: bool, slots: bool) -> type:
    spec = _collect(cls)
    if slots:
        body = {k: v for k, v in cls.__dict__.items() if k not in spec.names and k not in ("__dict__", "__weakref__")}
        body["__slots__"] = tuple(n for n in spec.names if n not in _inherited_slots(cls))
        cls = type(cls)(cls.__name__, cls.__bases__, body)
    cls.__record_fields__ = spec  # type: ignore[attr-defined]
    methods = _make_methods(spec, eq)
    if not repr:
        del methods["__repr__"]
    for name in ("__setattr__", "__delattr__"):
        if name in cls.__dict__:
            raise TypeError(f"{cls.__name__}: a frozen record cannot define {name}")
    for name, method in methods.items():
        if not _explicit(cls, name):
            method.__qualname__ = f"{cls.__qualname__}.{name}"
            _set_on_class(cls, name, method)
    if eq and "__eq__" in cls.__dict__ and cls.__dict__.get("__hash__", _MISSING) is None:
        _set_on_class(cls, "__hash__", methods["__hash__"])
    init = _make_init(cls, spec)
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    if "__init__" not in cls.__dict__:
        _set_on_class(cls, "__init__", init)
    _set_on_class(cls, "__match_args__", spec.names)
    if slots:
        _add_slot_pickling(cls, spec)
    return cls


def _inherited_slots(cls: type) -> set[str]:
    found: set[str] = set()
    for base in cls.__mro__[1:]:
        found.update(base.__dict__.get("__slots__", ()))
    return found


def _add_slot_pickling(cls: type, spec: _Spec) -> None:
    """Slotted records pickle their fields as a tuple (frozen ``__setattr__`` would refuse the default state)."""
    names = spec.names
    setter = object.__setattr__

    def __getstate__(self: Any) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in names)

    def __setstate__(self: Any, state: tuple[Any, ...]) -> None:
        for name, value in zip(names, state):
            setter(self, name, value)

    _set_on_class(cls, "__getstate__", __getstate__)
    _set_on_class(cls, "__setstate__", __setstate__)


def _set_on_class(cls: type, name: str, value: object) -> None:
    """``type.__setattr__``: the records' own ``__setattr__`` guards instances, not the class."""
    type.__setattr__(cls, name, value)


@overload
def record(cls: type[T], /) -> type[T]: ...
@overload
def record(*, eq: bool = True, repr: bool = True, slots: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(
    cls: type[T] | None = None, /, *, eq: bool = True, repr: bool = True, slots: bool = False
) -> type[T] | Callable[[type[T]], type[T]]:
    """Make ``cls`` a frozen value class (see the module docstring for what that includes)."""

    def wrap(cls: type[T]) -> type[T]:
        return _build(cls, eq, repr, slots)

    return wrap if cls is None else wrap(cls)


def replace(obj: T, /, **changes: Any) -> T:
    """A copy of the record ``obj`` with some fields changed (``dataclasses.replace``)."""
    spec: _Spec = type(obj).__record_fields__  # type: ignore[attr-defined]
    values = {name: getattr(obj, name) for name in spec.params}  # init=False fields start afresh
    unknown = set(changes) - set(values)
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field {sorted(unknown)[0]!r}")
    values.update(changes)
    return type(obj)(**values)


def fields(obj_or_cls: object) -> tuple[str, ...]:
    """The field names of a record class or instance, in order."""
    cls = obj_or_cls if isinstance(obj_or_cls, type) else type(obj_or_cls)
    spec: _Spec = cls.__record_fields__  # type: ignore[attr-defined]
    return spec.names
