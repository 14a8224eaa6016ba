"""`make bench`: every benchmark script, each printing JSON lines measured against its own baseline."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
failed = 0
for script in sorted(HERE.glob("bench_*.py")):
    print(f"== {script.name}", flush=True)
    failed += subprocess.run([sys.executable, str(script)], cwd=HERE.parent).returncode != 0
sys.exit(1 if failed else 0)
