"""``python -m interkultur.translations`` recompiles the ``.mo`` files."""

from . import compile_all

for _path in compile_all():
    print(f"compiled {_path}")
