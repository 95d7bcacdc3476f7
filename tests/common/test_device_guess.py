"""The sidebar's device line before torch loads: a guess that imports nothing heavy, exact once work asked."""

import subprocess
import sys
from pathlib import Path

from services.common import compute

ROOT = Path(__file__).resolve().parents[2]

FIRST_PAGE = """
import sys
from services.common import compute
guess = compute.device_info_cheap()
print("torch" in sys.modules, guess[0])
compute.device()  # what a lab's work does first
print("torch" in sys.modules, compute.device_info_cheap() == compute.device_info())
"""


def test_the_guess_imports_no_torch_and_the_exact_answer_follows_the_first_work():
    result = subprocess.run(
        [sys.executable, "-c", FIRST_PAGE], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    guessed, exact = result.stdout.splitlines()
    assert guessed in ("False device.cpu", "False device.cuda", "False device.mps")
    assert exact == "True True"


def test_the_gpu_model_comes_from_the_nvidia_drivers_list(tmp_path):
    assert compute._nvidia_gpu_name(tmp_path) is None  # no driver, no GPU
    gpu = tmp_path / "0000:3b:00.0"
    gpu.mkdir()
    (gpu / "information").write_text("Model: \t\t NVIDIA H200\nIRQ:   \t\t 42\nBus Type: \t PCIe\n")
    assert compute._nvidia_gpu_name(tmp_path) == "NVIDIA H200"
