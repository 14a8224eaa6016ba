"""The core never imports Qt: import every module of branchcheck with PySide6 blocked."""

import subprocess
import sys
from pathlib import Path

import branchcheck

SCRIPT = r"""
import importlib, pkgutil, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6", "ui"):
            raise ImportError(f"the core imported {name}")
sys.meta_path.insert(0, Block())
import branchcheck
names = [m.name for m in pkgutil.walk_packages(branchcheck.__path__, "branchcheck.")
         if ".migrations" not in m.name]
for name in names:
    importlib.import_module(name)
print(len(names))
"""


def test_every_core_module_imports_without_qt():
    root = Path(branchcheck.__file__).parent.parent
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=root)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) >= 15
